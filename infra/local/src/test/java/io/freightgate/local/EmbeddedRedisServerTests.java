package io.freightgate.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisServerTests {

    @TempDir
    Path dataDirectory;

    @Test
    void aRedisServerLeftRunningByAKilledRunIsStoppedByTheNextStart() throws Exception {
        List<ProcessHandle> before = redisServersOfThisJvm();
        // The first run's server is never closed, as when the JVM that started it is killed with SIGKILL.
        var killedRun = EmbeddedRedisServer.start(dataDirectory);
        ProcessHandle orphan = redisServersOfThisJvm().stream()
                .filter(process -> !before.contains(process))
                .findFirst()
                .orElseThrow();
        assertThat(answersPing(killedRun.port())).isTrue();

        try (var next = EmbeddedRedisServer.start(dataDirectory)) {
            assertThat(orphan.onExit().get(20, TimeUnit.SECONDS).isAlive())
                    .as("the left-over redis-server %d", orphan.pid())
                    .isFalse();
            assertThat(answersPing(killedRun.port())).isFalse();
            assertThat(answersPing(next.port())).isTrue();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aStoppedServerStartsAgainOnTheSamePort() throws Exception {
        try (var redis = EmbeddedRedisServer.start(null)) {
            redis.close();
            assertThat(answersPing(redis.port())).isFalse();

            redis.restart();

            assertThat(answersPing(redis.port())).isTrue();
        }
    }

    @Test
    void aPidFileNamingAnotherProgramLeavesThatProgramAlone() throws Exception {
        Files.createDirectories(dataDirectory);
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dataDirectory.resolve("redis-server.pid"), stranger.pid() + "\n");

            try (var redis = EmbeddedRedisServer.start(dataDirectory)) {
                assertThat(answersPing(redis.port())).isTrue();
                assertThat(stranger.isAlive()).isTrue();
            }
        } finally {
            stranger.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static List<ProcessHandle> redisServersOfThisJvm() {
        return ProcessHandle.current()
                .children()
                .filter(process -> process.info().command().orElse("").contains("redis-server"))
                .toList();
    }

    private static boolean answersPing(int port) {
        try (var socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout((int) Duration.ofSeconds(2).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }
}

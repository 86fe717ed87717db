package io.freightgate.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/** A real Redis 6.2 server on a loopback port, from the binaries in the embedded-redis artifact. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final String PID_FILE = "redis-server.pid";

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    /**
     * Starts Redis; with a data directory it snapshots there and reloads the snapshot on the next start. There it also
     * keeps its pid file, so that a redis-server left running by a JVM that was killed (it would otherwise live on
     * forever beside the next one) is stopped before the next start.
     */
    public static EmbeddedRedisServer start(@Nullable Path dataDirectory) {
        if (dataDirectory != null) {
            stopLeftOver(dataDirectory);
        }
        int port = freePort();
        try {
            var builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("protected-mode yes")
                    .setting("appendonly no")
                    .onShutdownForceStop(false);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setting("dir " + dataDirectory.toAbsolutePath())
                        .setting("save 60 1")
                        .setting("pidfile " + dataDirectory.resolve(PID_FILE).toAbsolutePath());
            } else {
                builder.setting("save \"\"");
            }
            RedisServer redis = builder.build();
            redis.start();
            return new EmbeddedRedisServer(redis, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis", e);
        }
    }

    /** Stops a redis-server left running in {@code dataDirectory} by a JVM that was killed. */
    static void stopLeftOver(Path dataDirectory) {
        LeftOverServer.stop(dataDirectory.resolve(PID_FILE), "redis-server");
    }

    public int port() {
        return port;
    }

    /** Starts the server again, on the same port, after {@link #close()} stopped it (tests of a Redis outage). */
    public void restart() {
        try {
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis again", e);
        }
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

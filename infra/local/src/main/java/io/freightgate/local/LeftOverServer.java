package io.freightgate.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL or Redis left running by a gateway that was killed without a chance to stop it (SIGKILL): the
 * PostgreSQL would keep its data directory locked, the Redis would run forever beside the next one, writing its
 * snapshot into the same directory. Before a server starts on a data directory, the process named by the pid file there
 * is asked to shut down (SIGTERM, then SIGKILL after a grace period), but only if it still runs the expected program:
 * a pid the system has since given to another process is left alone.
 */
final class LeftOverServer {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private LeftOverServer() {}

    /**
     * Stops the process whose pid is the first line of {@code pidFile}, if it is alive and its executable's name
     * contains {@code program}.
     */
    static void stop(Path pidFile, String program) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            long pid = Long.parseLong(lines.getFirst().trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> runs(process, program))
                    .ifPresent(LeftOverServer::stop);
        } catch (IOException | NumberFormatException e) {
            // An unreadable pid file names no process that could safely be stopped.
        }
    }

    /** Whether the process runs {@code program}; a process whose executable cannot be read is not ours to stop. */
    private static boolean runs(ProcessHandle process, String program) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString().contains(program))
                .orElse(false);
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}

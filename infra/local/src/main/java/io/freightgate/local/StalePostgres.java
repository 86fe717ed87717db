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
 * A PostgreSQL left running by a gateway that was killed without a chance to stop it (SIGKILL) would keep the data
 * directory locked. Before a start, its postmaster is asked to shut down (SIGTERM, then SIGKILL after a grace period).
 */
final class StalePostgres {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private StalePostgres() {}

    static void stopLeftOver(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
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
                    .filter(p -> p.info().command().orElse("").contains("postgres"))
                    .ifPresent(StalePostgres::stop);
        } catch (IOException | NumberFormatException e) {
            // An unreadable pid file is PostgreSQL's own business: it checks the lock itself at start-up.
        }
    }

    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}

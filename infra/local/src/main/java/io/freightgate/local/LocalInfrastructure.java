package io.freightgate.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL and Redis of one JVM. Local mode keeps their data under the local data directory so a
 * restart finds it again; tests share one ephemeral pair per JVM and take a fresh database for each Spring context.
 * Both servers stop when the JVM stops.
 */
public final class LocalInfrastructure {

    private static LocalInfrastructure shared;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;
    private final AtomicInteger databases = new AtomicInteger();

    private LocalInfrastructure(EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) {
        this.postgres = postgres;
        this.redis = redis;
    }

    /**
     * The servers of this JVM, started on first use and stopped at JVM exit by a plain shutdown hook; {@code
     * dataDirectory == null} means ephemeral.
     */
    public static LocalInfrastructure obtain(Path dataDirectory) {
        return obtain(dataDirectory, stop -> Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().unstarted(stop)));
    }

    /**
     * The servers of this JVM, started on first use. {@code onShutdown} receives the action that stops them: Spring
     * passes its own shutdown handlers, which run after every application context has closed, so that no context is
     * left waiting on a database that went away first.
     */
    public static synchronized LocalInfrastructure obtain(Path dataDirectory, Consumer<Runnable> onShutdown) {
        if (shared == null) {
            if (dataDirectory != null) {
                StalePostgres.stopLeftOver(dataDirectory.resolve("postgres"));
            }
            var postgres =
                    EmbeddedPostgresServer.start(dataDirectory == null ? null : dataDirectory.resolve("postgres"));
            var redis = EmbeddedRedisServer.start(dataDirectory == null ? null : dataDirectory.resolve("redis"));
            shared = new LocalInfrastructure(postgres, redis);
            onShutdown.accept(shared::stop);
        }
        return shared;
    }

    /** Deletes everything under the local data directory, so the next start begins with no data. */
    public static void reset(Path dataDirectory) {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        StalePostgres.stopLeftOver(dataDirectory.resolve("postgres"));
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reset " + dataDirectory, e);
        }
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedRedisServer redis() {
        return redis;
    }

    /** A database of its own for one test context. */
    public String newDatabase(String prefix) {
        String name = prefix + "_" + databases.incrementAndGet();
        postgres.ensureDatabase(name);
        return name;
    }

    private void stop() {
        try {
            redis.close();
        } finally {
            postgres.close();
        }
    }
}

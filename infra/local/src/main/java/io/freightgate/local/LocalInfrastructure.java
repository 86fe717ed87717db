package io.freightgate.local;

import io.freightgate.emulator.stripe.EmulatorClock;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.emulator.stripe.StripeEmulatorConfig;
import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.emulator.vies.ViesEmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL, Redis and SMTP server of one JVM. Local mode keeps the PostgreSQL and Redis data under the
 * local data directory so a restart finds it again (captured mail lives in memory only); tests share one ephemeral set
 * per JVM and take a fresh database for each Spring context. All servers stop when the JVM stops; the PostgreSQL and
 * Redis that a killed JVM left running on a data directory are stopped by the next start on it.
 */
public final class LocalInfrastructure {

    private static @Nullable LocalInfrastructure shared; // started on first use

    /** The test-mode API key of local mode's Stripe emulator. */
    public static final String STRIPE_API_KEY = "sk_test_freightgate_local";

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;
    private final EmbeddedSmtpServer smtp;
    private final EmulatorClock clock;
    private final StripeEmulator stripe;
    private final ViesEmulator vies;
    private final AtomicInteger databases = new AtomicInteger();

    private LocalInfrastructure(
            EmbeddedPostgresServer postgres,
            EmbeddedRedisServer redis,
            EmbeddedSmtpServer smtp,
            EmulatorClock clock,
            StripeEmulator stripe,
            ViesEmulator vies) {
        this.postgres = postgres;
        this.redis = redis;
        this.smtp = smtp;
        this.clock = clock;
        this.stripe = stripe;
        this.vies = vies;
    }

    /**
     * The servers of this JVM, started on first use and stopped at JVM exit by a plain shutdown hook; {@code
     * dataDirectory == null} means ephemeral.
     */
    public static LocalInfrastructure obtain(@Nullable Path dataDirectory) {
        return obtain(dataDirectory, stop -> Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().unstarted(stop)));
    }

    /**
     * The servers of this JVM, started on first use. {@code onShutdown} receives the action that stops them: Spring
     * passes its own shutdown handlers, which run after every application context has closed, so that no context is
     * left waiting on a database that went away first.
     */
    public static synchronized LocalInfrastructure obtain(@Nullable Path dataDirectory, Consumer<Runnable> onShutdown) {
        LocalInfrastructure servers = shared;
        if (servers == null) {
            var postgres =
                    EmbeddedPostgresServer.start(dataDirectory == null ? null : dataDirectory.resolve("postgres"));
            var redis = EmbeddedRedisServer.start(dataDirectory == null ? null : dataDirectory.resolve("redis"));
            var smtp = EmbeddedSmtpServer.start();
            var clock = EmulatorClock.system();
            var stripeConfig = dataDirectory == null
                    ? StripeEmulatorConfig.forTests().withClock(clock)
                    : StripeEmulatorConfig.defaults()
                            .withClock(clock)
                            .withDataDirectory(dataDirectory.resolve("stripe-emulator"));
            var stripe = StripeEmulator.start(stripeConfig);
            var vies = ViesEmulator.start(ViesEmulatorConfig.defaults().withClock(clock));
            servers = new LocalInfrastructure(postgres, redis, smtp, clock, stripe, vies);
            shared = servers;
            onShutdown.accept(servers::stop);
        }
        return servers;
    }

    /** Deletes everything under the local data directory, so the next start begins with no data. */
    public static void reset(Path dataDirectory) {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        EmbeddedPostgresServer.stopLeftOver(dataDirectory.resolve("postgres"));
        EmbeddedRedisServer.stopLeftOver(dataDirectory.resolve("redis"));
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

    /** The infrastructure already started in this JVM. */
    public static synchronized LocalInfrastructure current() {
        if (shared == null) {
            throw new IllegalStateException("Local infrastructure has not been started in this JVM");
        }
        return shared;
    }

    /** The clock shared by the gateway and both emulators; advancing it moves all of them. */
    public EmulatorClock clock() {
        return clock;
    }

    public StripeEmulator stripe() {
        return stripe;
    }

    public ViesEmulator vies() {
        return vies;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedRedisServer redis() {
        return redis;
    }

    /** The SMTP server that captures the mail local mode and tests send. */
    public EmbeddedSmtpServer smtp() {
        return smtp;
    }

    /** A database of its own for one test context. */
    public String newDatabase(String prefix) {
        String name = prefix + "_" + databases.incrementAndGet();
        postgres.ensureDatabase(name);
        return name;
    }

    private void stop() {
        try {
            stripe.close();
            vies.close();
            smtp.close();
            redis.close();
        } finally {
            postgres.close();
        }
    }
}

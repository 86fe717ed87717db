package io.freightgate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.FreightGateApplication;
import io.freightgate.local.EmbeddedPostgresServer;
import io.freightgate.local.LocalInfrastructure;
import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.webhooks.internal.StripeSignature;
import io.freightgate.webhooks.internal.WebhookSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Acknowledged means stored, even when PostgreSQL dies: the gateway runs in local mode as a developer runs it (data
 * directory, the same PostgreSQL settings), eight senders post signed Stripe events, every PostgreSQL process is killed
 * with SIGKILL mid-load, PostgreSQL restarts on the same data directory and port, and every event answered 200 must be
 * in the inbox.
 *
 * <p>Runs in a JVM of its own (failsafe execution {@code postgres-crash}): local mode starts one set of servers per
 * JVM, and the other tests' throw-away PostgreSQL must not be the one killed.
 */
@Tag("postgres-crash")
class PostgresCrashIT {

    private static final Path DATA = Path.of("target", "postgres-crash-it").toAbsolutePath();
    private static final int SENDERS = 8;
    private static final int EVENTS_PER_SENDER = 100;
    private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 250;

    private static ConfigurableApplicationContext gateway;
    private static EmbeddedPostgresServer restarted;

    @BeforeAll
    static void startTheGatewayInLocalMode() {
        gateway = new SpringApplicationBuilder(FreightGateApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--freightgate.local.ephemeral=false",
                        "--freightgate.local.reset=true",
                        "--freightgate.local.data-dir=" + DATA);
    }

    @AfterAll
    static void stop() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    @Test
    void everyEventAnsweredWith200IsInTheInboxAfterEveryPostgresProcessWasKilledMidLoad() throws Exception {
        EmbeddedPostgresServer postgres = LocalInfrastructure.current().postgres();
        long postmaster = postmasterPid();
        assertThat(Files.readAllLines(DATA.resolve("postgres/postmaster.pid")).get(3))
                .as("local mode's PostgreSQL of this test's data directory (this test needs a JVM of its own)")
                .isEqualTo(String.valueOf(postgres.port()));
        assertThat(setting(postgres, "fsync")).isEqualTo("on");
        String synchronousCommit = setting(postgres, "synchronous_commit");

        String secret = gateway.getBean(WebhookSecrets.class)
                .of(WebhookEndpoint.PLATFORM)
                .getFirst();
        Clock clock = gateway.getBean(Clock.class);
        URI url = URI.create("http://127.0.0.1:"
                + ((WebServerApplicationContext) gateway).getWebServer().getPort() + "/webhooks/stripe");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(Thread.ofPlatform().name("stripe-sender-" + s).start(() -> {
                for (int i = 0; i < EVENTS_PER_SENDER; i++) {
                    String id = "evt_crash" + UUID.randomUUID().toString().replace("-", "");
                    byte[] body = event(id, clock.instant().getEpochSecond()).getBytes(StandardCharsets.UTF_8);
                    var request = HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(40))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header(
                                    "Stripe-Signature",
                                    StripeSignature.header(
                                            secret, clock.instant().getEpochSecond(), body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200) {
                            acknowledged.add(id);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_THE_CRASH && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        List<ProcessHandle> killed = killEveryPostgresProcess(postmaster);
        int acknowledgedBeforeTheCrash = acknowledged.size();
        assertThat(acknowledgedBeforeTheCrash)
                .as("events acknowledged when PostgreSQL was killed")
                .isBetween(ACKNOWLEDGED_BEFORE_THE_CRASH, SENDERS * EVENTS_PER_SENDER - 1);
        // Releases the library's lock on the data directory (its pg_ctl stop finds no server and logs an error).
        postgres.close();
        restarted = EmbeddedPostgresServer.start(DATA.resolve("postgres"), postgres.port());
        for (Thread sender : senders) {
            sender.join(Duration.ofSeconds(60));
        }
        assertThat(senders).as("senders still waiting for an answer").noneMatch(Thread::isAlive);

        Set<String> stored = storedEventIds(restarted);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        System.out.printf(
                "PostgresCrashIT: %d PostgreSQL processes killed after %d events were answered 200; %d answered 200 in"
                        + " all, %d not; %d of the %d lost (synchronous_commit=%s)%n",
                killed.size(),
                acknowledgedBeforeTheCrash,
                acknowledged.size(),
                refused.get(),
                lost.size(),
                acknowledged.size(),
                synchronousCommit);
        assertThat(killed).as("the postmaster and its children").hasSizeGreaterThan(5);
        assertThat(lost)
                .as(
                        "events answered 200 but missing after PostgreSQL restarted (%d acknowledged, %d when"
                                + " killed, %d not acknowledged, synchronous_commit=%s)",
                        acknowledged.size(), acknowledgedBeforeTheCrash, refused.get(), synchronousCommit)
                .isEmpty();
        assertThat(acknowledged.size())
                .as("the intake takes events again once PostgreSQL is back")
                .isGreaterThan(acknowledgedBeforeTheCrash);
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(DATA.resolve("postgres/postmaster.pid"))
                .getFirst()
                .trim());
    }

    /**
     * SIGKILL for every process of the server. The postmaster is frozen first (SIGSTOP), so that it forks no backend
     * after its children are listed and cannot react to their death; the children die next, then the postmaster, so
     * that no backend outlives it long enough to notice and exit by itself.
     */
    private static List<ProcessHandle> killEveryPostgresProcess(long postmasterPid) throws Exception {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
        assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(postmasterPid))
                        .start()
                        .waitFor())
                .isZero();
        List<ProcessHandle> processes =
                Stream.concat(postmaster.descendants(), Stream.of(postmaster)).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().get(10, TimeUnit.SECONDS);
        }
        return processes;
    }

    private static Set<String> storedEventIds(EmbeddedPostgresServer server) throws SQLException {
        try (var connection = DriverManager.getConnection(
                        server.jdbcUrl("freightgate"),
                        EmbeddedPostgresServer.OWNER_ROLE,
                        EmbeddedPostgresServer.LOCAL_PASSWORD);
                var rs = connection
                        .createStatement()
                        .executeQuery("SELECT event_id FROM webhook_inbox WHERE event_id LIKE 'evt_crash%'")) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
        try (var connection = DriverManager.getConnection(
                        server.jdbcUrl("freightgate"),
                        EmbeddedPostgresServer.APP_ROLE,
                        EmbeddedPostgresServer.LOCAL_PASSWORD);
                var rs = connection.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** An event type nobody handles: stored as IGNORED, so the test measures intake alone. */
    private static String event(String id, long created) {
        return """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,\
                "data":{"object":{"id":"in_crash","object":"invoice"}},"livemode":false,"pending_webhooks":1,\
                "request":{"id":null,"idempotency_key":null},"type":"invoice.finalized"}""".formatted(id, created);
    }
}

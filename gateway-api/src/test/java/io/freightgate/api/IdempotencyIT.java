package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.idempotency.IdempotencyCleanup;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

class IdempotencyIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    IdempotencyCleanup cleanup;

    @Autowired
    Clock clock;

    @Test
    void theSameRequestWithTheSameKeyIsReplayedAndRunsOnce() {
        String admin = callers.platformAdmin();
        String key = UUID.randomUUID().toString();
        String body = organizationJson("CARRIER", "Replay Haulage " + key, "ops@replay.test");

        var first = api.post("/api/v1/organizations", body)
                .token(admin)
                .idempotencyKey(key)
                .send();
        var second = api.post("/api/v1/organizations", body)
                .token(admin)
                .idempotencyKey(key)
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(countOrganizationsNamed("Replay Haulage " + key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedAndChangesNothing() {
        String admin = callers.platformAdmin();
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/organizations", organizationJson("CARRIER", "Original " + key, "a@o.test"))
                .token(admin)
                .idempotencyKey(key)
                .send();

        var reused = api.post("/api/v1/organizations", organizationJson("SHIPPER", "Other " + key, "a@o.test"))
                .token(admin)
                .idempotencyKey(key)
                .send();

        assertThat(reused.status()).isEqualTo(422);
        assertThat(countOrganizationsNamed("Other " + key)).isZero();
    }

    @Test
    void aConcurrentRequestWithTheSameKeyGets409WhileTheFirstRuns() throws Exception {
        String token = callers.of(TenantId.random(), Role.CARRIER_ADMIN);
        String key = UUID.randomUUID().toString();
        TestSupportController.slowEntered = new CountDownLatch(1);
        TestSupportController.slowRelease = new CountDownLatch(1);
        int before = TestSupportController.slowExecutions.get();

        CompletableFuture<Api.Response> first =
                CompletableFuture.supplyAsync(() -> api.post("/api/v1/test-support/slow", "{\"n\":1}")
                        .token(token)
                        .idempotencyKey(key)
                        .send());
        assertThat(TestSupportController.slowEntered.await(10, TimeUnit.SECONDS))
                .isTrue();

        var concurrent = api.post("/api/v1/test-support/slow", "{\"n\":1}")
                .token(token)
                .idempotencyKey(key)
                .send();
        TestSupportController.slowRelease.countDown();
        var firstResponse = first.get(10, TimeUnit.SECONDS);
        var afterwards = api.post("/api/v1/test-support/slow", "{\"n\":1}")
                .token(token)
                .idempotencyKey(key)
                .send();

        ProblemDetailsIT.assertProblem(
                concurrent, 409, "idempotency-request-in-progress", "Request with this Idempotency-Key in progress");
        assertThat(firstResponse.status()).isEqualTo(200);
        assertThat(afterwards.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(afterwards.body()).isEqualTo(firstResponse.body());
        assertThat(TestSupportController.slowExecutions.get() - before).isEqualTo(1);
    }

    @Test
    void aServerErrorReleasesTheKeySoTheRetryRunsAgain() {
        String token = callers.of(TenantId.random(), Role.CARRIER_ADMIN);
        String key = UUID.randomUUID().toString();
        TestSupportController.flakyCalls.set(0);

        var failed = api.post("/api/v1/test-support/flaky", "{}")
                .token(token)
                .idempotencyKey(key)
                .send();
        var retried = api.post("/api/v1/test-support/flaky", "{}")
                .token(token)
                .idempotencyKey(key)
                .send();
        var replayed = api.post("/api/v1/test-support/flaky", "{}")
                .token(token)
                .idempotencyKey(key)
                .send();

        assertThat(failed.status()).isEqualTo(503);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(TestSupportController.flakyCalls.get()).isEqualTo(2);
    }

    @Test
    void keysBelongToOneTenant() {
        String key = UUID.randomUUID().toString();
        TestSupportController.flakyCalls.set(1);

        var tenantA = api.post("/api/v1/test-support/flaky", "{}")
                .token(callers.of(TenantId.random(), Role.CARRIER_ADMIN))
                .idempotencyKey(key)
                .send();
        var tenantB = api.post("/api/v1/test-support/flaky", "{\"other\":true}")
                .token(callers.of(TenantId.random(), Role.SHIPPER_ADMIN))
                .idempotencyKey(key)
                .send();

        assertThat(tenantA.status()).isEqualTo(200);
        assertThat(tenantB.status()).isEqualTo(200);
        assertThat(tenantB.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void recordsAreKeptForTheRetentionThenCleanedUp() {
        TenantId tenant = TenantId.random();
        String fresh = "fresh-" + UUID.randomUUID();
        String old = "old-" + UUID.randomUUID();
        systemAccess.run(
                "test: seed idempotency records",
                () -> transactions.executeWithoutResult(status -> {
                    insertRecord(tenant, fresh, clock.instant().minus(Duration.ofHours(23)));
                    insertRecord(tenant, old, clock.instant().minus(Duration.ofHours(25)));
                }));

        cleanup.deleteExpired();

        var remaining = systemAccess.call(
                "test: read idempotency records",
                () -> transactions.execute(status -> jdbc.queryForList(
                        "SELECT idempotency_key FROM idempotency_records WHERE tenant_id = ?",
                        String.class,
                        tenant.value())));
        assertThat(remaining).containsExactly(fresh);
    }

    private void insertRecord(TenantId tenant, String key, java.time.Instant createdAt) {
        jdbc.update(
                "INSERT INTO idempotency_records (tenant_id, idempotency_key, fingerprint, status, locked_until,"
                        + " created_at) VALUES (?, ?, ?, 'COMPLETED', ?, ?)",
                tenant.value(),
                key,
                new byte[32],
                java.sql.Timestamp.from(createdAt),
                java.sql.Timestamp.from(createdAt));
    }

    private int countOrganizationsNamed(String name) {
        return systemAccess.call(
                "test: count organizations",
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "SELECT count(*) FROM organizations WHERE legal_name = ?", Integer.class, name)));
    }
}

package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.idempotency.IdempotencyCleanup;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

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
    void aDriverClientSendingAnAdminsKeyAndBodyIsRefusedAndGetsNoStoredSecret() throws Exception {
        TenantId carrier = register("Replay Carrier " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Admin ERP\",\"roles\":[\"CARRIER_ADMIN\"]}";
        var adminsAnswer = api.post("/api/v1/api-clients", body)
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(key)
                .send();
        String driverClient = clientToken(carrier, "CARRIER_DRIVER");

        var driversAttempt = api.post("/api/v1/api-clients", body)
                .token(driverClient)
                .idempotencyKey(key)
                .send();

        assertThat(adminsAnswer.status()).as(adminsAnswer.body()).isEqualTo(201);
        String secret = adminsAnswer.json().get("client_secret").asString();
        ProblemDetailsIT.assertProblem(driversAttempt, 403, "forbidden", "Forbidden");
        assertThat(driversAttempt.header("Idempotent-Replayed")).isNull();
        assertThat(driversAttempt.header("Location")).isNull();
        assertThat(driversAttempt.body())
                .doesNotContain(secret)
                .doesNotContain(adminsAnswer.json().get("client_id").asString());
    }

    @Test
    void twoCallersWithTheSameRoleKeyAndBodyEachGetTheirOwnResultAndTheirOwnReplay() {
        TenantId carrier = register("Twin Carrier " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Dispatch TMS\",\"roles\":[\"CARRIER_DISPATCHER\"]}";
        String firstAdmin = callers.of(carrier, Role.CARRIER_ADMIN);
        String secondAdmin = callers.of(carrier, Role.CARRIER_ADMIN);

        var first = api.post("/api/v1/api-clients", body)
                .token(firstAdmin)
                .idempotencyKey(key)
                .send();
        var second = api.post("/api/v1/api-clients", body)
                .token(secondAdmin)
                .idempotencyKey(key)
                .send();
        var firstAgain = api.post("/api/v1/api-clients", body)
                .token(firstAdmin)
                .idempotencyKey(key)
                .send();
        var secondAgain = api.post("/api/v1/api-clients", body)
                .token(secondAdmin)
                .idempotencyKey(key)
                .send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.json().get("id").asString())
                .isNotEqualTo(first.json().get("id").asString());
        assertThat(second.json().get("client_secret").asString())
                .isNotEqualTo(first.json().get("client_secret").asString());
        assertThat(firstAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(firstAgain.body()).isEqualTo(first.body());
        assertThat(secondAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(secondAgain.body()).isEqualTo(second.body());
        var clients = api.get("/api/v1/api-clients").token(firstAdmin).send();
        assertThat(clients.json().findValuesAsString("name")).containsExactly("Dispatch TMS", "Dispatch TMS");
    }

    @Test
    void aRefusedRequestIsNotRememberedSoTheKeyStillWorksOnceTheCallerMayAct() {
        TenantId carrier = register("Refused Carrier " + UUID.randomUUID());
        String person = "user-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Finance ERP\",\"roles\":[\"CARRIER_FINANCE\"]}";

        var asDriver = api.post("/api/v1/api-clients", body)
                .token(accessTokens.issue(person, carrier, List.of(Role.CARRIER_DRIVER)))
                .idempotencyKey(key)
                .send();
        long storedAfterRefusal = recordsWithKey(carrier, key);
        var asAdmin = api.post("/api/v1/api-clients", body)
                .token(accessTokens.issue(person, carrier, List.of(Role.CARRIER_ADMIN)))
                .idempotencyKey(key)
                .send();
        var anotherAdmin = api.post("/api/v1/api-clients", body)
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(key)
                .send();

        assertThat(asDriver.status()).isEqualTo(403);
        assertThat(storedAfterRefusal).isZero();
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(201);
        assertThat(asAdmin.header("Idempotent-Replayed")).isNull();
        assertThat(anotherAdmin.status()).as(anotherAdmin.body()).isEqualTo(201);
        assertThat(anotherAdmin.header("Idempotent-Replayed")).isNull();
        assertThat(anotherAdmin.json().get("id").asString())
                .isNotEqualTo(asAdmin.json().get("id").asString());
    }

    @Test
    void aCallerWhoLostTheRoleGetsNoReplayOfWhatItObtainedBefore() {
        TenantId carrier = register("Demoted Carrier " + UUID.randomUUID());
        String person = "user-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Payroll ERP\",\"roles\":[\"CARRIER_FINANCE\"]}";
        var asAdmin = api.post("/api/v1/api-clients", body)
                .token(accessTokens.issue(person, carrier, List.of(Role.CARRIER_ADMIN)))
                .idempotencyKey(key)
                .send();

        var asDriver = api.post("/api/v1/api-clients", body)
                .token(accessTokens.issue(person, carrier, List.of(Role.CARRIER_DRIVER)))
                .idempotencyKey(key)
                .send();

        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(201);
        ProblemDetailsIT.assertProblem(asDriver, 403, "forbidden", "Forbidden");
        assertThat(asDriver.header("Idempotent-Replayed")).isNull();
        assertThat(asDriver.body())
                .doesNotContain(asAdmin.json().get("client_secret").asString());
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
                "INSERT INTO idempotency_records (tenant_id, actor, idempotency_key, fingerprint, status, locked_until,"
                        + " created_at) VALUES (?, ?, ?, ?, 'COMPLETED', ?, ?)",
                tenant.value(),
                "user-" + UUID.randomUUID(),
                key,
                new byte[32],
                java.sql.Timestamp.from(createdAt),
                java.sql.Timestamp.from(createdAt));
    }

    private TenantId register(String name) {
        var response = api.post("/api/v1/organizations", organizationJson("CARRIER", name, "it@replay.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    /** A real API client of the organization with one role, and an access token it obtained by client credentials. */
    private String clientToken(TenantId organization, String role) throws Exception {
        var client = api.post(
                        "/api/v1/api-clients",
                        "{\"organization_id\":\"%s\",\"name\":\"%s client\",\"roles\":[\"%s\"]}"
                                .formatted(organization, role, role))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        String basic = Base64.getEncoder()
                .encodeToString((client.json().get("client_id").asString() + ":"
                                + client.json().get("client_secret").asString())
                        .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api"))
                .build();
        var token = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JsonMapper.builder()
                .build()
                .readTree(token.body())
                .get("access_token")
                .asString();
    }

    private long recordsWithKey(TenantId tenant, String key) {
        return systemAccess.call(
                "test: count idempotency records",
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "SELECT count(*) FROM idempotency_records WHERE tenant_id = ? AND idempotency_key = ?",
                        Long.class,
                        tenant.value(),
                        key)));
    }

    private int countOrganizationsNamed(String name) {
        return systemAccess.call(
                "test: count organizations",
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "SELECT count(*) FROM organizations WHERE legal_name = ?", Integer.class, name)));
    }
}

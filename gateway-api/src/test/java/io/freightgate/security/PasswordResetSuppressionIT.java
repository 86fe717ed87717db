package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import io.freightgate.support.GatewayIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Nobody can suppress a password reset: the form needs its CSRF token, and a burst of requests for real accounts loses
 * none of them (they are queued durably, not in memory). The form's rate limit: {@link PasswordResetFormRateLimitIT}.
 */
class PasswordResetSuppressionIT extends GatewayIT {

    static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    UserRecords records;

    @Autowired
    EnvelopeEncryption encryption;

    @Autowired
    Clock clock;

    @Test
    void theResetFormIsRefusedWithoutItsCsrfToken() throws Exception {
        BrowserLogin browser = browser();
        var page = browser.get("/password-reset");

        var forged = browser.postForm("/password-reset", Map.of("email", "victim@carrier.test"));

        assertThat(forged.statusCode()).as("a post without the CSRF token").isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">");
        var withToken = browser.submit("/password-reset", "/password-reset", Map.of("email", "victim@carrier.test"));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(202);
    }

    @Test
    void aBurstOf600ResetRequestsForRealAccountsLosesNone() throws Exception {
        Burst burst = activeUsers(600);
        List<String> emails = burst.emails();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            answers.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/password-resets"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("X-Forwarded-For", "203.0.113." + (100 + i % 6))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"%s\"}".formatted(emails.get(i))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var answer : answers) {
            assertThat(answer.join().statusCode()).isEqualTo(202);
        }

        Set<String> expected = new HashSet<>(emails);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(smtp.receivedMail().stream()
                                .filter(mail -> mail.subject().equals("Reset your FreightGate password"))
                                .filter(mail -> expected.contains(mail.to()))
                                .map(EmbeddedSmtpServer.CapturedMail::to)
                                .distinct()
                                .count())
                        .as("every account got its reset mail")
                        .isEqualTo(600));
        assertThat(resetTokensOf(burst.carrier()))
                .as("one live reset token per account")
                .isEqualTo(600);
    }

    /** Real active accounts of a fresh carrier, stored directly (inviting 600 people over HTTP takes too long). */
    record Burst(TenantId carrier, List<String> emails) {}

    private Burst activeUsers(int count) {
        String domain = "burst-" + UUID.randomUUID() + ".test";
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson("CARRIER", "Burst Carrier " + domain, "ops@" + domain))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        TenantId carrier = TenantId.of(response.json().get("id").asString());
        List<String> emails = IntStream.range(0, count)
                .mapToObj(i -> "user-" + i + "@" + domain)
                .toList();
        systemAccess.callAs(
                "test",
                Optional.<TenantId>empty(),
                "seed burst users",
                () -> transactions.execute(s -> {
                    Instant now = clock.instant();
                    for (String email : emails) {
                        UUID id = UUID.randomUUID();
                        User user = User.invite(
                                id,
                                carrier,
                                encryption.encryptText(carrier, id, email),
                                encryption.keyedHash("user-email:" + email),
                                encryption.encryptText(carrier, id, "Burst User"),
                                List.of("CARRIER_DISPATCHER"),
                                OpaqueTokens.sha256("unused-" + id),
                                now.plus(Duration.ofDays(1)),
                                now);
                        user.activate("{noop}not-used");
                        records.save(user);
                    }
                    return null;
                }));
        return new Burst(carrier, emails);
    }

    private int resetTokensOf(TenantId carrier) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
            return jdbc.queryForObject(
                    "SELECT count(*) FROM password_resets WHERE tenant_id = ?", Integer.class, carrier.value());
        });
    }

    private BrowserLogin browser() {
        return new BrowserLogin(port, "198.51.110." + ADDRESSES.incrementAndGet());
    }
}

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
 * Nobody can suppress a password reset: the form needs its CSRF token and is rate-limited per client address like the
 * API, and a burst of requests for real accounts loses none of them (they are queued durably, not in memory).
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
    void theResetFormIsRateLimitedPerAddressLikeTheApi() throws Exception {
        BrowserLogin browser = browser();
        String csrf = csrfToken(browser);
        int capacity = 600;
        for (int i = 0; i < capacity; i++) {
            var accepted = browser.postForm("/password-reset", form("nobody-" + i + "@limit.test", csrf));
            assertThat(accepted.statusCode()).as("request %d", i).isEqualTo(202);
        }

        var limited = browser.postForm("/password-reset", form("nobody@limit.test", csrf));

        assertThat(limited.statusCode()).as("request 601 from one address").isEqualTo(429);
        var apiFromThere = api.post("/api/v1/password-resets", "{\"email\":\"nobody@limit.test\"}")
                .header("X-Forwarded-For", browser.clientIp)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        var fromElsewhere = browser().submit("/password-reset", "/password-reset", Map.of("email", "a@limit.test"));
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("/problems/rate-limited");
        assertThat(apiFromThere.status())
                .as("the form and the API share one budget")
                .isEqualTo(429);
        assertThat(fromElsewhere.statusCode()).isEqualTo(202);
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
                                Users.sha256("unused-" + id),
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

    /** The page's CSRF token (empty when the page has none, as before issue 16). */
    private static String csrfToken(BrowserLogin browser) throws Exception {
        var page = browser.get("/password-reset");
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        return matcher.find() ? matcher.group(1).replace("&#45;", "-") : "";
    }

    private static Map<String, String> form(String email, String csrf) {
        return csrf.isEmpty() ? Map.of("email", email) : Map.of("email", email, "_csrf", csrf);
    }

    private BrowserLogin browser() {
        return new BrowserLogin(port, "198.51.110." + ADDRESSES.incrementAndGet());
    }
}

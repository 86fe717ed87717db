package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.security.internal.domain.Totp;
import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The audit history of users ({@code users_aud}, Hibernate Envers) never keeps a secret: no password hash, no
 * recovery-code hash, old or current. Recovery codes work once.
 */
class UserAuditSecretsIT extends GatewayIT {

    static final String PASSWORD = IdentityIT.PASSWORD;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    WebClientRegistration webClient;

    @Autowired
    Clock clock;

    @Test
    void noAuditRowKeepsAPasswordHashOrARecoveryCodeHashAndARecoveryCodeWorksOnce() throws Exception {
        String email = "audited-" + UUID.randomUUID() + "@freightgate.test";
        var invited = api.post(
                        "/api/v1/organizations/" + OrganizationDirectory.PLATFORM + "/users",
                        "{\"email\":\"%s\",\"display_name\":\"Audited\",\"roles\":[\"FINANCE_AGENT\"]}"
                                .formatted(email))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        UUID userId = UUID.fromString(invited.json().get("id").asString());
        var accepted = api.post(
                        "/api/v1/invitations/"
                                + invited.json().get("invitation_token").asString() + "/acceptance",
                        "{\"password\":\"%s\"}".formatted(PASSWORD))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(column(userId, "password_hash"));

        // Enrolment: the codes are made, then made again when the page is opened again (regeneration).
        BrowserLogin enrolling = browser();
        enrolling.get(enrolling.authorizeUrl(webClient.redirectUri()));
        var afterPassword = enrolling.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
        assertThat(afterPassword.headers().firstValue("Location")).hasValue("/login/enrolment");
        enrolling.get("/login/enrolment");
        secrets.addAll(List.of(column(userId, "recovery_codes").split(",")));
        var enrolmentPage = enrolling.get("/login/enrolment");
        secrets.addAll(List.of(column(userId, "recovery_codes").split(",")));
        byte[] totpSecret = base32(find(enrolmentPage.body(), "<code id=\"secret\">([A-Z2-7]+)</code>"));
        List<String> codes = Pattern.compile("<li><code>([^<]+)</code></li>")
                .matcher(enrolmentPage.body())
                .results()
                .map(match -> match.group(1))
                .toList();
        assertThat(codes).hasSize(10);
        var confirmed =
                enrolling.submit("/login", "/login/enrolment", Map.of("code", Totp.code(totpSecret, clock.instant())));
        assertThat(confirmed.statusCode()).isEqualTo(302);

        // A password change (through a reset).
        var reset = api.post("/api/v1/password-resets", "{\"email\":\"%s\"}".formatted(email))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(reset.status()).isEqualTo(202);
        String resetMail = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> smtp.receivedMail().stream()
                                .filter(mail -> mail.to().equals(email))
                                .filter(mail -> mail.subject().equals("Reset your FreightGate password"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow()
                .text()
                .orElseThrow();
        var changed = api.post(
                        "/api/v1/password-resets/" + find(resetMail, "/password-reset/([A-Za-z0-9_-]+)")
                                + "/completion",
                        "{\"password\":\"%s\"}".formatted(PASSWORD + "-changed"))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        secrets.add(column(userId, "password_hash"));
        secrets.removeIf(secret -> secret == null || secret.isBlank());

        List<String> auditValues = auditValues(userId);
        assertThat(auditValues).as("the audit rows of the user").isNotEmpty();
        for (String secret : secrets) {
            assertThat(auditValues)
                    .as("no audit row holds a password or recovery-code hash")
                    .noneMatch(value -> value.contains(secret));
        }

        // A recovery code logs in once, and only once.
        String code = codes.get(3);
        assertThat(secondFactor(email, code).statusCode()).isEqualTo(302);
        assertThat(secondFactor(email, code).statusCode()).isEqualTo(401);
        assertThat(secondFactor(email, codes.get(4)).statusCode()).isEqualTo(302);
    }

    private java.net.http.HttpResponse<String> secondFactor(String email, String code) throws Exception {
        BrowserLogin browser = browser();
        browser.get(browser.authorizeUrl(webClient.redirectUri()));
        var afterPassword =
                browser.submit("/login", "/login", Map.of("username", email, "password", PASSWORD + "-changed"));
        assertThat(afterPassword.headers().firstValue("Location")).hasValue("/login/second-factor");
        return browser.submit("/login/second-factor", "/login/second-factor", Map.of("code", code));
    }

    private String column(UUID userId, String column) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
            return jdbc.queryForObject("SELECT " + column + " FROM users WHERE id = ?", String.class, userId);
        });
    }

    /** Every value of every audit row of the user, as text (byte arrays in hex). */
    private List<String> auditValues(UUID userId) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
            List<String> values = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM users_aud WHERE id = ?", userId)) {
                row.values().stream()
                        .filter(java.util.Objects::nonNull)
                        .map(value ->
                                value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString())
                        .forEach(values::add);
            }
            return values;
        });
    }

    static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger(10);

    private BrowserLogin browser() {
        return new BrowserLogin(port, "198.51.120." + ADDRESSES.incrementAndGet());
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}

package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.local.EmbeddedSmtpServer.CapturedMail;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import io.freightgate.support.PageForm;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

/**
 * Invitation, password-reset and lockout mails through the platform's notifications (outbox, relay, SMTP into the
 * embedded GreenMail), and the links in them.
 */
class AccountMailIT extends GatewayIT {

    static final String PASSWORD = IdentityIT.PASSWORD;
    static final String HOSTILE_NAME = "<b>Eve</b> & \"Co\"";

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    WebClientRegistration webClient;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    TenantId carrier;

    @BeforeEach
    void setUp() {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson("CARRIER", "Mail Carrier <i>" + UUID.randomUUID() + "</i>", "ops@mail.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        carrier = TenantId.of(response.json().get("id").asString());
    }

    @Test
    void anInvitationIsMailedWithItsAcceptLinkAndEveryUserStringEncoded() {
        String email = "invited-" + UUID.randomUUID() + "@carrier.test";
        JsonNode user = invite(email, HOSTILE_NAME);

        CapturedMail mail = mailTo(email, "Your invitation to FreightGate");
        String token = find(mail.text().orElseThrow(), "/invitations/([A-Za-z0-9_-]+)");
        assertThat(token).isEqualTo(user.get("invitation_token").asString());
        assertThat(mail.html().orElseThrow())
                .contains("Hello &lt;b&gt;Eve&lt;/b&gt; &amp; &#34;Co&#34;,")
                .contains("Mail Carrier &lt;i&gt;")
                .doesNotContain("<b>Eve")
                .doesNotContain("<i>");
        assertThat(mail.text().orElseThrow()).contains("Hello " + HOSTILE_NAME + ",");

        var page = api.get("/invitations/" + token).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/invitations/" + token + "\">");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        var form = PageForm.of(page);
        var forged = api.call(
                        "POST", "/invitations/" + token, "password=" + PASSWORD, "application/x-www-form-urlencoded")
                .send();
        assertThat(forged.status()).as("a post without the page's CSRF token").isEqualTo(403);
        var accepted = api.call(
                        "POST",
                        "/invitations/" + token,
                        form.urlEncoded("password=" + PASSWORD),
                        "application/x-www-form-urlencoded")
                .header("Cookie", form.cookie())
                .send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("Your password is set.");
        var again = api.call(
                        "POST",
                        "/invitations/" + token,
                        form.urlEncoded("password=" + PASSWORD),
                        "application/x-www-form-urlencoded")
                .header("Cookie", form.cookie())
                .send();
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void aPasswordResetIsMailedOnlyToAnActiveUserAndItsTokenIsSingleUse() throws Exception {
        String email = "reset-" + UUID.randomUUID() + "@carrier.test";
        activeUser(email);
        BrowserLogin browser = new BrowserLogin(port, "198.51.100.201");
        String refreshToken = IdentityFlows.logIn(browser, webClient, email, PASSWORD, secret())
                .get("refresh_token")
                .asString();
        String unknown = "nobody-" + UUID.randomUUID() + "@carrier.test";

        var forUnknown = requestReset(unknown);
        var superseded = requestReset(email);
        String firstToken = resetToken(mailTo(email, "Reset your FreightGate password"));
        var forUser = requestReset(email);
        CapturedMail mail = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> smtp.receivedMail().stream()
                                .filter(m -> m.to().equals(email))
                                .filter(m -> m.subject().equals("Reset your FreightGate password"))
                                .filter(m -> !resetToken(m).equals(firstToken))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        String token = resetToken(mail);

        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(superseded.status()).isEqualTo(202);
        assertThat(forUser.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forUser.body());
        // The unknown address's request came first: a mail for it would have been relayed before the user's.
        assertThat(smtp.receivedMail()).noneMatch(m -> m.to().equals(unknown));
        assertThat(mail.html().orElseThrow()).contains("/password-reset/" + token);

        var tooWeak = completeReset(token, "Password12345");
        var oldToken = completeReset(firstToken, PASSWORD + "-new");
        var done = completeReset(token, PASSWORD + "-new");
        var reused = completeReset(token, PASSWORD + "-newer");

        assertThat(tooWeak.status()).isEqualTo(422);
        assertThat(tooWeak.json().get("type").asString()).isEqualTo("/problems/password-rejected");
        assertThat(oldToken.status())
                .as("a newer request supersedes the older token")
                .isEqualTo(404);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(reused.status()).isEqualTo(404);
        assertThat(reused.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(IdentityFlows.refresh(browser, secret(), refreshToken).statusCode())
                .as("the reset revoked the web refresh tokens")
                .isEqualTo(400);
        assertThat(IdentityFlows.logIn(
                                new BrowserLogin(port, "198.51.100.202"), webClient, email, PASSWORD + "-new", secret())
                        .get("access_token"))
                .isNotNull();
    }

    @Test
    void theUserIsToldByMailWhenTheAccountIsLocked() throws Exception {
        String email = "locked-" + UUID.randomUUID() + "@carrier.test";
        activeUser(email);
        BrowserLogin browser = new BrowserLogin(port, "198.51.100.203");

        for (int i = 0; i < 5; i++) {
            browser.submit("/login", "/login", Map.of("username", email, "password", "wrong-" + i));
        }

        CapturedMail mail = mailTo(email, "Your FreightGate account is locked");
        assertThat(mail.text().orElseThrow())
                .contains("Hello " + HOSTILE_NAME + ",")
                .contains("locked");
        assertThat(mail.html().orElseThrow()).contains("Hello &lt;b&gt;Eve&lt;/b&gt;");
    }

    @Test
    void aUserGetsAtMostThreeResetMailsAnHour() {
        String email = "often-" + UUID.randomUUID() + "@carrier.test";
        String userId = activeUser(email);
        for (int i = 1; i <= 3; i++) {
            assertThat(requestReset(email).status()).isEqualTo(202);
            int issued = i;
            // The reset is issued after the answer, on the reset worker.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> securityEvents(userId, "PASSWORD_RESET_REQUESTED") == issued);
        }
        String third = currentResetToken(userId);

        var fourth = requestReset(email);

        assertThat(fourth.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> securityEvents(userId, "PASSWORD_RESET_THROTTLED") == 1);
        assertThat(currentResetToken(userId)).as("no new token, so no new mail").isEqualTo(third);
        assertThat(securityEvents(userId, "PASSWORD_RESET_REQUESTED")).isEqualTo(3);
    }

    private int securityEvents(String userId, String type) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
            return jdbc.queryForObject(
                    "SELECT count(*) FROM security_events WHERE user_id = ? AND type = ?",
                    Integer.class,
                    UUID.fromString(userId),
                    type);
        });
    }

    /** The hash of the user's live reset token, read in the system scope (the table is under row-level security). */
    private String currentResetToken(String userId) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
            return HexFormat.of()
                    .formatHex(jdbc.queryForObject(
                            "SELECT token_hash FROM password_resets WHERE user_id = ?",
                            byte[].class,
                            UUID.fromString(userId)));
        });
    }

    private String clientSecret;

    private String secret() {
        if (clientSecret == null) {
            clientSecret = webClient.rotateSecret();
        }
        return clientSecret;
    }

    private String activeUser(String email) {
        JsonNode user = invite(email, HOSTILE_NAME);
        var accepted = api.post(
                        "/api/v1/invitations/" + user.get("invitation_token").asString() + "/acceptance",
                        "{\"password\":\"%s\"}".formatted(PASSWORD))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return user.get("id").asString();
    }

    private JsonNode invite(String email, String displayName) {
        var response = api.post(
                        "/api/v1/organizations/" + carrier + "/users",
                        "{\"email\":\"%s\",\"display_name\":\"%s\",\"roles\":[\"CARRIER_DISPATCHER\"]}"
                                .formatted(email, displayName.replace("\"", "\\\"")))
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Api.Response requestReset(String email) {
        return api.post("/api/v1/password-resets", "{\"email\":\"%s\"}".formatted(email))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response completeReset(String token, String password) {
        return api.post("/api/v1/password-resets/" + token + "/completion", "{\"password\":\"%s\"}".formatted(password))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private CapturedMail mailTo(String recipient, String subject) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> smtp.receivedMail().stream()
                                .filter(mail -> mail.to().equals(recipient))
                                .filter(mail -> mail.subject().equals(subject))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static String resetToken(CapturedMail mail) {
        return find(mail.text().orElseThrow(), "/password-reset/([A-Za-z0-9_-]+)");
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }
}

package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.security.internal.domain.Totp;
import io.freightgate.support.GatewayIT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users end to end over HTTP: invitation and password, the authorization code flow with PKCE through the login pages
 * (with TOTP for platform staff), rotating refresh tokens with reuse detection, lockout and unlock, disabling.
 */
class IdentityIT extends GatewayIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    static final String PASSWORD = "violet-harbour-freight-42";

    @Autowired
    WebClientRegistration webClient;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    TenantId carrier;
    String clientSecret;

    @BeforeEach
    void setUp() {
        carrier = register("CARRIER", "Identity Carrier " + UUID.randomUUID(), "ops@identity.test");
        clientSecret = webClient.rotateSecret();
    }

    @Test
    void anInvitedUserSetsAPasswordAndLogsInThroughTheAuthorizationCodeFlowWithPkce() throws Exception {
        String email = "dispatch-" + UUID.randomUUID() + "@carrier.test";
        JsonNode user = invite(carrier, email, "CARRIER_DISPATCHER");
        accept(user.get("invitation_token").asString(), PASSWORD);

        JsonNode tokens = logIn(browser(), email, PASSWORD, null);

        JsonNode claims = claims(tokens.get("access_token").asString());
        assertThat(claims.get("sub").asString()).isEqualTo(user.get("id").asString());
        assertThat(claims.get("org").asString()).isEqualTo(carrier.toString());
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("CARRIER_DISPATCHER");
        assertThat(tokens.get("refresh_token")).isNotNull();
        assertThat(api.get("/api/v1/organizations/" + carrier)
                        .token(tokens.get("access_token").asString())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + OrganizationDirectory.PLATFORM)
                        .token(tokens.get("access_token").asString())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aLoggedInUserReadsTheApiDocumentWithItsSessionAndNobodyElseWithoutAToken() throws Exception {
        String email = "integrator-" + UUID.randomUUID() + "@carrier.test";
        JsonNode user = invite(carrier, email, "CARRIER_DISPATCHER");
        accept(user.get("invitation_token").asString(), PASSWORD);
        BrowserLogin browser = browser();
        assertThat(api.get("/v3/api-docs").send().status()).isEqualTo(401);

        logIn(browser, email, PASSWORD, null);

        String session =
                LoginConfiguration.SESSION_COOKIE + "=" + browser.cookies.get(LoginConfiguration.SESSION_COOKIE);
        var document = api.get("/v3/api-docs")
                .header("Cookie", session)
                .timeout(java.time.Duration.ofMinutes(3))
                .send();
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("/api/v1/payment-requests");
        assertThat(api.get("/v3/api-docs")
                        .header("Cookie", LoginConfiguration.SESSION_COOKIE + "=" + UUID.randomUUID())
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anInvitationIsSingleUseAndTheNewPasswordMustFollowThePolicy() {
        JsonNode user = invite(carrier, "finance-" + UUID.randomUUID() + "@carrier.test", "CARRIER_FINANCE");
        String token = user.get("invitation_token").asString();

        var tooShort = acceptance(token, "short-pw-1");
        var common = acceptance(token, "Password12345");
        var accepted = acceptance(token, PASSWORD);
        var again = acceptance(token, PASSWORD + "-again");

        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().get("type").asString()).isEqualTo("/problems/password-rejected");
        assertThat(common.json().get("detail").asString()).isEqualTo("The password is too common.");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(404);
        assertThat(accepted.body()).doesNotContain(PASSWORD);
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheWholeAuthorization() throws Exception {
        String email = "finance-" + UUID.randomUUID() + "@carrier.test";
        accept(invite(carrier, email, "CARRIER_FINANCE").get("invitation_token").asString(), PASSWORD);
        BrowserLogin browser = browser();
        JsonNode first = logIn(browser, email, PASSWORD, null);
        String spent = first.get("refresh_token").asString();

        var rotated = refresh(browser, spent);
        String current = JSON.readTree(rotated.body()).get("refresh_token").asString();
        var reused = refresh(browser, spent);
        var afterReuse = refresh(browser, current);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(current).isNotEqualTo(spent);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("invalid_grant");
        assertThat(afterReuse.statusCode())
                .as("the whole authorization is revoked")
                .isEqualTo(400);
    }

    @Test
    void revokingTheRefreshTokenAtLogoutEndsTheSession() throws Exception {
        String email = "admin-" + UUID.randomUUID() + "@carrier.test";
        accept(invite(carrier, email, "CARRIER_ADMIN").get("invitation_token").asString(), PASSWORD);
        BrowserLogin browser = browser();
        String refreshToken =
                logIn(browser, email, PASSWORD, null).get("refresh_token").asString();

        var revocation = browser.http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(browser.base + "/oauth2/revoke"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(("freightgate-web:" + clientSecret).getBytes()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                BrowserLogin.encode(Map.of("token", refreshToken, "token_type_hint", "refresh_token"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(revocation.statusCode()).isEqualTo(200);
        assertThat(refresh(browser, refreshToken).statusCode()).isEqualTo(400);
    }

    @Test
    void theSessionLivesInPostgresqlAndLogoutEndsItAndRevokesTheRefreshToken() throws Exception {
        String email = "dispatch-" + UUID.randomUUID() + "@carrier.test";
        JsonNode user = invite(carrier, email, "CARRIER_DISPATCHER");
        String userId = user.get("id").asString();
        accept(user.get("invitation_token").asString(), PASSWORD);
        BrowserLogin browser = browser();
        browser.get(browser.authorizeUrl(webClient.redirectUri()));
        var loggedIn = browser.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
        String sessionCookie = loggedIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(LoginConfiguration.SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        String refreshToken = exchange(browser, follow(browser, loggedIn))
                .get("refresh_token")
                .asString();
        String oldSession = browser.cookies.get(LoginConfiguration.SESSION_COOKIE);
        var reauthorizeWhileLoggedIn = browser.get(browser.authorizeUrl(webClient.redirectUri()));
        int rowsWhileLoggedIn = sessionRows(userId);

        var logout = browser.submit("/login", "/logout", Map.of());
        int rowsAfterLogout = sessionRows(userId);
        browser.cookies.put(LoginConfiguration.SESSION_COOKIE, oldSession);
        var reauthorizeWithOldCookie = browser.get(browser.authorizeUrl(webClient.redirectUri()));

        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(reauthorizeWhileLoggedIn.headers().firstValue("Location").orElseThrow())
                .startsWith(webClient.redirectUri());
        assertThat(rowsWhileLoggedIn).as("the session row in spring_session").isEqualTo(1);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(rowsAfterLogout).isZero();
        assertThat(reauthorizeWithOldCookie.statusCode()).isEqualTo(302);
        assertThat(reauthorizeWithOldCookie.headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
        var refreshAfterLogout = refresh(browser, refreshToken);
        assertThat(refreshAfterLogout.statusCode()).isEqualTo(400);
        assertThat(refreshAfterLogout.body()).contains("invalid_grant");
    }

    @Test
    void platformStaffMustEnrolTotpAndThenLogInWithACodeThatCannotBeReplayed() throws Exception {
        String email = "agent-" + UUID.randomUUID() + "@freightgate.test";
        accept(
                invite(OrganizationDirectory.PLATFORM, email, "FINANCE_AGENT")
                        .get("invitation_token")
                        .asString(),
                PASSWORD);
        BrowserLogin enrolling = browser();
        enrolling.get(enrolling.authorizeUrl(webClient.redirectUri()));

        var afterPassword = enrolling.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
        assertThat(afterPassword.headers().firstValue("Location")).hasValue("/login/enrolment");
        var enrolmentPage = enrolling.get("/login/enrolment");
        assertThat(enrolmentPage.body()).contains("otpauth://totp/FreightGate:").contains("data:image/png;base64,");
        assertThat(enrolmentPage.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
        byte[] secret = base32(find(enrolmentPage.body(), "<code id=\"secret\">([A-Z2-7]+)</code>"));
        assertThat(Pattern.compile("<li><code>[a-z2-7]{5}(?:-[a-z2-7]{5}){3}</code></li>")
                        .matcher(enrolmentPage.body())
                        .results()
                        .count())
                .isEqualTo(10);
        Instant now = clock.instant();
        // Rendering the enrolment page again would start over with a new secret: take the CSRF token from /login.
        var confirmed = enrolling.submit("/login", "/login/enrolment", Map.of("code", Totp.code(secret, now)));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorize");

        // A later login needs the code; the code used at enrolment is spent, the next step's is not.
        BrowserLogin later = browser();
        later.get(later.authorizeUrl(webClient.redirectUri()));
        var second = later.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
        assertThat(second.headers().firstValue("Location")).hasValue("/login/second-factor");
        var replayed =
                later.submit("/login/second-factor", "/login/second-factor", Map.of("code", Totp.code(secret, now)));
        assertThat(replayed.statusCode()).isEqualTo(401);
        var fresh = later.submit(
                "/login/second-factor", "/login/second-factor", Map.of("code", Totp.code(secret, now.plusSeconds(30))));
        assertThat(fresh.statusCode()).isEqualTo(302);
        JsonNode tokens = exchange(later, follow(later, fresh));
        JsonNode claims = claims(tokens.get("access_token").asString());
        assertThat(claims.get("org").asString()).isEqualTo(OrganizationDirectory.PLATFORM.toString());
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("FINANCE_AGENT");
        assertThat(api.get("/api/v1/organizations")
                        .token(tokens.get("access_token").asString())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void fiveFailedLoginsLockTheAccountUntilAPlatformAdminUnlocksIt() throws Exception {
        String email = "driver-" + UUID.randomUUID() + "@carrier.test";
        JsonNode user = invite(carrier, email, "CARRIER_DRIVER");
        accept(user.get("invitation_token").asString(), PASSWORD);
        BrowserLogin browser = browser();

        for (int i = 0; i < 5; i++) {
            assertThat(browser.submit("/login", "/login", Map.of("username", email, "password", "wrong-" + i))
                            .statusCode())
                    .isEqualTo(401);
        }
        var rightPasswordWhileLocked =
                browser.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
        var read = api.get("/api/v1/organizations/" + carrier + "/users/"
                        + user.get("id").asString())
                .token(callers.platformAdmin())
                .send();
        var byCarrierAdmin = api.post(
                        "/api/v1/organizations/" + carrier + "/users/"
                                + user.get("id").asString() + "/unlock",
                        "")
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        var unlocked = api.post(
                        "/api/v1/organizations/" + carrier + "/users/"
                                + user.get("id").asString() + "/unlock",
                        "")
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(rightPasswordWhileLocked.statusCode()).isEqualTo(401);
        assertThat(read.json().get("locked_until")).isNotNull();
        assertThat(byCarrierAdmin.status()).isEqualTo(403);
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        assertThat(unlocked.json().has("locked_until")).isFalse();
        assertThat(logIn(browser(), email, PASSWORD, null).get("access_token")).isNotNull();
    }

    @Test
    void failedLoginsAreThrottledPerClientAddress() throws Exception {
        BrowserLogin browser = browser();
        for (int i = 0; i < 20; i++) {
            browser.submit(
                    "/login", "/login", Map.of("username", "nobody-" + i + "@nowhere.test", "password", "wrong"));
        }

        var throttled =
                browser.submit("/login", "/login", Map.of("username", "nobody@nowhere.test", "password", "wrong"));

        assertThat(throttled.statusCode()).isEqualTo(429);
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        String email = "payer-" + UUID.randomUUID() + "@carrier.test";
        JsonNode user = invite(carrier, email, "CARRIER_FINANCE");
        accept(user.get("invitation_token").asString(), PASSWORD);
        var disabled = api.post(
                        "/api/v1/organizations/" + carrier + "/users/"
                                + user.get("id").asString() + "/disable",
                        "")
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        var login = browser().submit("/login", "/login", Map.of("username", email, "password", PASSWORD));

        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        assertThat(login.statusCode()).isEqualTo(401);
    }

    @Test
    void anOrganizationAdminSeesOnlyItsOwnUsers() {
        TenantId other = register("SHIPPER", "Other Shipper " + UUID.randomUUID(), "ops@other.test");
        String carrierAdmin = callers.of(carrier, Role.CARRIER_ADMIN);
        JsonNode foreignUser = invite(other, "payer-" + UUID.randomUUID() + "@shipper.test", "SHIPPER_PAYER");

        var ownList = api.get("/api/v1/organizations/" + carrier + "/users")
                .token(carrierAdmin)
                .send();
        var foreignList = api.get("/api/v1/organizations/" + other + "/users")
                .token(carrierAdmin)
                .send();
        var foreignUserRead = api.get("/api/v1/organizations/" + carrier + "/users/"
                        + foreignUser.get("id").asString())
                .token(carrierAdmin)
                .send();
        var wrongKind = api.post(
                        "/api/v1/organizations/" + carrier + "/users",
                        "{\"email\":\"x-%s@carrier.test\",\"display_name\":\"X\",\"roles\":[\"SHIPPER_PAYER\"]}"
                                .formatted(UUID.randomUUID()))
                .token(carrierAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(ownList.status()).isEqualTo(200);
        assertThat(foreignList.status()).isEqualTo(404);
        assertThat(foreignUserRead.status()).isEqualTo(404);
        assertThat(wrongKind.status()).isEqualTo(422);
    }

    private JsonNode logIn(BrowserLogin browser, String email, String password, byte[] totpSecret) throws Exception {
        var authorize = browser.get(browser.authorizeUrl(webClient.redirectUri()));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        var loggedIn = browser.submit("/login", "/login", Map.of("username", email, "password", password));
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        return exchange(browser, follow(browser, loggedIn));
    }

    private String follow(BrowserLogin browser, HttpResponse<String> loggedIn) throws Exception {
        String saved = loggedIn.headers().firstValue("Location").orElseThrow();
        assertThat(saved).contains("/oauth2/authorize");
        var authorized = browser.get(saved);
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        String callback = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(webClient.redirectUri()).contains("state=" + browser.state);
        return find(callback, "[?&]code=([^&]+)");
    }

    private JsonNode exchange(BrowserLogin browser, String code) throws Exception {
        var token = browser.token(
                clientSecret,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        java.net.URLDecoder.decode(code, java.nio.charset.StandardCharsets.UTF_8),
                        "redirect_uri",
                        webClient.redirectUri(),
                        "code_verifier",
                        browser.verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    private int sessionRows(String userId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class, userId);
    }

    private HttpResponse<String> refresh(BrowserLogin browser, String refreshToken) throws Exception {
        return browser.token(clientSecret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private BrowserLogin browser() {
        return new BrowserLogin(port, "198.51.100." + ADDRESSES.incrementAndGet());
    }

    private JsonNode invite(TenantId organization, String email, String role) {
        var response = api.post(
                        "/api/v1/organizations/" + organization + "/users",
                        "{\"email\":\"%s\",\"display_name\":\"Test User\",\"roles\":[\"%s\"]}".formatted(email, role))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("status").asString()).isEqualTo("INVITED");
        return response.json();
    }

    private void accept(String token, String password) {
        var response = acceptance(token, password);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private io.freightgate.support.Api.Response acceptance(String token, String password) {
        return api.post("/api/v1/invitations/" + token + "/acceptance", "{\"password\":\"%s\"}".formatted(password))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private TenantId register(String type, String name, String email) {
        var response = api.post("/api/v1/organizations", organizationJson(type, name, email))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
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

package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.backoffice.WebBrowser;
import io.freightgate.backoffice.WebUsers;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organization admins and the second factor: an organization can require it (its people must enrol at their next
 * login), a carrier admin enrols TOTP from the carrier's pages, and creating an API client asks a person (not an API
 * client) for a second factor from the last 15 minutes, which {@code /login/step-up} gives.
 */
class SecondFactorIT extends GatewayIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Logins logins;

    @Autowired
    Clock clock;

    @Value("${freightgate.security.issuer}")
    String issuer;

    WebUsers users;

    @BeforeEach
    void people() {
        users = new WebUsers(api, callers, logins, clock);
    }

    @Test
    void anOrganizationThatRequiresASecondFactorMakesItsPeopleEnrolAtTheirNextLogin() {
        var shipper = users.organization("SHIPPER", "Strict Shipper");
        var admin = users.person(shipper, "SHIPPER_ADMIN", false);
        var payer = users.person(shipper, "SHIPPER_PAYER", false);
        var adminToken = callers.of(shipper, Role.SHIPPER_ADMIN);

        var byPayer = requirement(shipper.toString(), true, callers.of(shipper, Role.SHIPPER_PAYER));
        var byOtherAdmin = requirement(
                shipper.toString(), true, callers.of(users.organization("SHIPPER", "Other"), Role.SHIPPER_ADMIN));
        var required = requirement(shipper.toString(), true, adminToken);

        assertThat(byPayer.status()).isEqualTo(403);
        assertThat(byOtherAdmin.status()).isEqualTo(404);
        assertThat(required.status()).as(required.body()).isEqualTo(200);
        assertThat(required.json().get("required").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/organizations/" + shipper + "/mfa-requirement")
                        .token(adminToken)
                        .send()
                        .json()
                        .get("required")
                        .asBoolean())
                .isTrue();
        WebBrowser browser = browser();
        var loginPage = browser.open("/");
        var afterPassword =
                browser.submit(loginPage, "/login", Map.of("username", payer.email(), "password", WebUsers.PASSWORD));
        assertThat(afterPassword.headers().firstValue("Location")).hasValue("/login/enrolment");

        var relaxed = requirement(shipper.toString(), false, callers.platformAdmin());
        assertThat(relaxed.status()).isEqualTo(200);
        WebBrowser later = browser();
        var first = later.logInFromTheFirstPage(admin.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(first.uri().getPath()).isEqualTo("/portal/shipper");
    }

    @Test
    void aCarrierAdminEnrolsTotpAndThenCreatesAnApiClientAfterAStepUp() throws Exception {
        var carrier = users.organization("CARRIER", "Step-up Carrier");
        var admin = users.person(carrier, "CARRIER_ADMIN", false);
        WebBrowser browser = browser();
        var firstPage =
                browser.logInFromTheFirstPage(admin.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(firstPage.uri().getPath()).isEqualTo("/portal/carrier");
        assertThat(firstPage.body()).contains("href=\"/login/enrolment\"");

        // Without a second factor, the login's token opens the API but not the three actions.
        String passwordOnly = token(browser);
        assertThat(claims(passwordOnly).get("amr").toString()).isEqualTo("[\"pwd\"]");
        var refused = createApiClient(passwordOnly);
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/second-factor-required");
        assertThat(refused.json().get("step_up_url").asString()).isEqualTo("/login/step-up");
        assertThat(refused.header("WWW-Authenticate")).contains("insufficient_user_authentication");
        // ... nor what is as good as them: a client's new secret, an onboarding link (where the bank account is
        // entered), an endpoint's new secret or event types, and switching the organization's requirement off.
        UUID someone = UUID.randomUUID();
        for (var other : java.util.List.of(
                api.post("/api/v1/carriers/" + carrier + "/payout-account", "{}"),
                api.post("/api/v1/webhook-endpoints", """
                        {"url":"http://127.0.0.1:9/fg","event_types":["payment_request.paid"]}"""),
                api.post("/api/v1/api-clients/" + someone + "/secret-rotations", "{}"),
                api.post("/api/v1/carriers/" + carrier + "/onboarding-links", "{}"),
                api.post("/api/v1/webhook-endpoints/" + someone + "/secret-rotations", "{}"),
                api.call("PUT", "/api/v1/webhook-endpoints/" + someone + "/event-types", """
                        {"event_types":["payment_request.paid"]}""", "application/json"),
                api.call("PUT", "/api/v1/organizations/" + carrier + "/mfa-requirement", """
                        {"required":false}""", "application/json"))) {
            var response = other.token(passwordOnly)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.body()).contains("/problems/second-factor-required");
        }
        assertThat(api.get("/api/v1/organizations/" + carrier)
                        .token(passwordOnly)
                        .send()
                        .status())
                .isEqualTo(200);

        // The step-up page sends a person without TOTP to enrol; enrolling is a fresh second factor.
        assertThat(browser.get("/login/step-up").headers().firstValue("Location"))
                .hasValue("/login/enrolment");
        var enrolment = browser.get("/login/enrolment");
        assertThat(enrolment.statusCode()).isEqualTo(200);
        Matcher secret =
                Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>").matcher(enrolment.body());
        assertThat(secret.find()).isTrue();
        var enrolled = browser.submit(
                enrolment, "/login/enrolment", Map.of("code", WebBrowser.code(secret.group(1), clock.instant())));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(302);
        assertThat(browser.follow(enrolled).uri().getPath()).isEqualTo("/portal/carrier");

        String stepped = token(browser);
        JsonNode claims = claims(stepped);
        assertThat(claims.get("amr").toString()).contains("\"otp\"");
        assertThat(claims.get("auth_time").asLong())
                .isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        var created = createApiClient(stepped);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // Fifteen minutes later the second factor is no longer recent; the step-up page asks for a code again.
        // (Asserted on the rule itself: a token whose auth_time is older than 15 minutes is refused.)
        var stepUpPage = browser.get("/login/step-up");
        assertThat(stepUpPage.statusCode()).isEqualTo(200);
        assertThat(stepUpPage.body()).contains("Confirm it is you");
        var wrongCode = browser.submit(stepUpPage, "/login/step-up", Map.of("code", "000000"));
        assertThat(wrongCode.statusCode()).isEqualTo(401);
    }

    @Test
    void apiClientsAreNotAskedForASecondFactor() {
        var carrier = users.organization("CARRIER", "Client Carrier");
        var created = createApiClient(callers.of(carrier, Role.CARRIER_ADMIN));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String clientId = created.json().get("client_id").asString();
        String secret = created.json().get("client_secret").asString();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var token = api.call(
                        "POST", "/oauth2/token", "grant_type=client_credentials", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .send();
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String accessToken = token.json().get("access_token").asString();
        assertThat(claims(accessToken).has("amr")).isFalse();

        var webhook = api.post("/api/v1/webhook-endpoints", """
                        {"url":"http://127.0.0.1:9/fg","event_types":["payment_request.paid"]}""")
                .token(accessToken)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
    }

    /** The web client's access token for the browser's session: a fresh authorization code flow, as the API's SPA. */
    private String token(WebBrowser browser) throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = issuer + "/login/oauth2/code/freightgate";
        var authorized = browser.get("/oauth2/authorize?"
                + WebBrowser.encode(Map.of(
                        "response_type", "code",
                        "client_id", "freightgate-web",
                        "scope", "api",
                        "redirect_uri", redirect,
                        "state", "s",
                        "code_challenge", challenge,
                        "code_challenge_method", "S256")));
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        Matcher code = Pattern.compile("[?&]code=([^&]+)")
                .matcher(authorized.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).isTrue();
        String secret = webClientSecret();
        String basic =
                Base64.getEncoder().encodeToString(("freightgate-web:" + secret).getBytes(StandardCharsets.UTF_8));
        var token = api.call(
                        "POST",
                        "/oauth2/token",
                        WebBrowser.encode(Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                                "redirect_uri",
                                redirect,
                                "code_verifier",
                                verifier)),
                        "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .send();
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().get("access_token").asString();
    }

    @Autowired
    WebClientRegistration webClient;

    /** The web client's secret; rotating it hands the new one to the web app's login as well. */
    private String webClientSecret() {
        return webClient.rotateSecret();
    }

    private Api.Response createApiClient(String token) {
        return api.post("/api/v1/api-clients", """
                        {"name":"ERP","roles":["CARRIER_ADMIN"]}""")
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response requirement(String organization, boolean required, String token) {
        return api.call(
                        "PUT",
                        "/api/v1/organizations/" + organization + "/mfa-requirement",
                        "{\"required\":" + required + "}",
                        "application/json")
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private WebBrowser browser() {
        return new WebBrowser(port, issuer, "203.0.113." + ADDRESSES.incrementAndGet());
    }
}

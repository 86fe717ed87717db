package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** API clients end to end: created by an admin, tokens by client credentials, rotation and disabling. */
class ApiClientsIT extends GatewayIT {

    @Autowired
    io.freightgate.emulator.stripe.StripeEmulator stripe;

    @Autowired
    JdbcTemplate jdbc;

    TenantId carrier;
    TenantId shipper;

    @BeforeEach
    void organizations() {
        carrier = register("CARRIER", "Client Carrier", "it@carrier.test");
        shipper = register("SHIPPER", "Client Shipper", "it@shipper.test");
    }

    @Test
    void aClientObtainsAShortLivedTokenForItsOrganizationAndRoles() throws Exception {
        JsonNode client = createClient(callers.platformAdmin(), carrier, "CARRIER_FINANCE");

        var token = token(
                client.get("client_id").asString(), client.get("client_secret").asString());

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(token.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isBetween(290, 300);
        String accessToken = body.get("access_token").asString();
        JsonNode claims = JsonMapper.builder()
                .build()
                .readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        assertThat(claims.get("org").asString()).isEqualTo(carrier.toString());
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("CARRIER_FINANCE");
        assertThat(api.get("/api/v1/organizations/" + carrier)
                        .token(accessToken)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + shipper)
                        .token(accessToken)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsAHash() {
        JsonNode client = createClient(callers.platformAdmin(), carrier, "CARRIER_DISPATCHER");
        String secret = client.get("client_secret").asString();

        var read = api.get("/api/v1/api-clients/" + client.get("id").asString())
                .token(callers.platformAdmin())
                .send();
        String stored = jdbc.queryForObject(
                "SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?",
                String.class,
                client.get("client_id").asString());

        assertThat(read.json().has("client_secret")).isFalse();
        assertThat(stored).startsWith("{bcrypt-hmac-sha384}$2").doesNotContain(secret);
    }

    @Test
    void aWrongSecretGetsNoToken() throws Exception {
        JsonNode client = createClient(callers.platformAdmin(), carrier, "CARRIER_FINANCE");

        var token = token(client.get("client_id").asString(), "fgs_wrong");

        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).contains("invalid_client");
    }

    @Test
    void rotatingTheSecretRetiresTheOldOne() throws Exception {
        JsonNode client = createClient(callers.platformAdmin(), carrier, "CARRIER_FINANCE");
        String oldSecret = client.get("client_secret").asString();

        var rotated = api.post("/api/v1/api-clients/" + client.get("id").asString() + "/secret-rotations", "")
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        String newSecret = rotated.json().get("client_secret").asString();

        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(token(client.get("client_id").asString(), oldSecret).statusCode())
                .isEqualTo(401);
        assertThat(token(client.get("client_id").asString(), newSecret).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aDisabledClientGetsNoTokenAndItsTokensStopWorking() throws Exception {
        JsonNode client = createClient(callers.platformAdmin(), carrier, "CARRIER_FINANCE");
        String clientId = client.get("client_id").asString();
        String secret = client.get("client_secret").asString();
        String accessToken = JsonMapper.builder()
                .build()
                .readTree(token(clientId, secret).body())
                .get("access_token")
                .asString();

        // The gateway's clock (the emulator's, in local mode) may run ahead of the system clock the token endpoint
        // reads: disabling must not depend on the two agreeing.
        stripe.control().advanceClock(java.time.Duration.ofMinutes(10));
        var disabled = api.post("/api/v1/api-clients/" + client.get("id").asString() + "/disable", "")
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        assertThat(token(clientId, secret).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/organizations/" + carrier)
                        .token(accessToken)
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anOrganizationAdminManagesOnlyItsOwnClientsWithItsOwnRoles() {
        String carrierAdmin = callers.of(carrier, Role.CARRIER_ADMIN);

        var own = api.post("/api/v1/api-clients", "{\"name\":\"TMS\",\"roles\":[\"CARRIER_DISPATCHER\"]}")
                .token(carrierAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        var foreign = api.post(
                        "/api/v1/api-clients",
                        "{\"organization_id\":\"" + shipper + "\",\"name\":\"x\",\"roles\":[\"SHIPPER_PAYER\"]}")
                .token(carrierAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        var wrongKindOfRole = api.post("/api/v1/api-clients", "{\"name\":\"x\",\"roles\":[\"PLATFORM_ADMIN\"]}")
                .token(carrierAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        var list = api.get("/api/v1/api-clients").token(carrierAdmin).send();
        var byDriver = api.get("/api/v1/api-clients")
                .token(callers.of(carrier, Role.CARRIER_DRIVER))
                .send();

        assertThat(own.status()).isEqualTo(201);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(wrongKindOfRole.status()).isEqualTo(422);
        assertThat(list.json().findValuesAsString("organization_id")).containsOnly(carrier.toString());
        assertThat(byDriver.status()).isEqualTo(403);
    }

    @Test
    void theSigningKeyIsPublished() {
        var jwks = api.get("/oauth2/jwks").send();

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).get("kid").asString()).startsWith("fg-");
        assertThat(jwks.json().get("keys").get(0).has("d"))
                .as("no private part")
                .isFalse();
    }

    private JsonNode createClient(String token, TenantId organization, String role) {
        Api.Response response = api.post(
                        "/api/v1/api-clients",
                        "{\"organization_id\":\"%s\",\"name\":\"ERP\",\"roles\":[\"%s\"]}"
                                .formatted(organization, role))
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private HttpResponse<String> token(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private TenantId register(String type, String name, String email) {
        var response = api.post("/api/v1/organizations", organizationJson(type, name, email))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }
}

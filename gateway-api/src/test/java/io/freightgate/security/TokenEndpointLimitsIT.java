package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.support.GatewayIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The authorization server's client authentication under attack (issue 16, item 4): failed client authentications are
 * limited per client id and per client address before the secret is checked (so an attacker cannot make the gateway
 * hash secrets without end), and a spent refresh token presented by a client that does not own it does not end the
 * owner's session.
 */
class TokenEndpointLimitsIT extends GatewayIT {

    static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    /** {@code freightgate.security.client-authentication.per-client.capacity} in the tests' configuration. */
    static final int PER_CLIENT = 10;
    /** {@code freightgate.security.client-authentication.per-address.capacity}, the default. */
    static final int PER_ADDRESS = 20;

    final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    WebClientRegistration webClient;

    TenantId carrier;

    @BeforeEach
    void organization() {
        carrier = new TestUsers(api, callers).carrier();
    }

    @Test
    void wrongSecretsForOneClientAreAnswered429BeforeAnySecretIsChecked() throws Exception {
        JsonNode attacked = apiClient();
        JsonNode other = apiClient();
        String clientId = attacked.get("client_id").asString();

        for (int i = 0; i < PER_CLIENT; i++) {
            var refused = post("/oauth2/token", clientId, "wrong-" + i, newAddress(), clientCredentials());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        }
        var overTheLimit = post("/oauth2/token", clientId, "wrong-again", newAddress(), clientCredentials());
        var rightSecretOverTheLimit = post(
                "/oauth2/token", clientId, attacked.get("client_secret").asString(), newAddress(), clientCredentials());
        var otherClient = post(
                "/oauth2/token",
                other.get("client_id").asString(),
                other.get("client_secret").asString(),
                newAddress(),
                clientCredentials());

        assertThat(overTheLimit.statusCode()).isEqualTo(429);
        assertThat(overTheLimit.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(overTheLimit.body()).contains("/problems/rate-limited");
        assertThat(Long.parseLong(
                        overTheLimit.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(rightSecretOverTheLimit.statusCode())
                .as("refused before the secret is looked at")
                .isEqualTo(429);
        assertThat(otherClient.statusCode()).as(otherClient.body()).isEqualTo(200);
        var encodedPath = post("/oauth2/%74oken", clientId, "wrong-encoded", newAddress(), clientCredentials());
        assertThat(encodedPath.statusCode())
                .as("the token endpoint under a percent-encoded path is limited too: " + encodedPath.body())
                .isEqualTo(429);
    }

    @Test
    void failedClientAuthenticationsFromOneAddressAreLimitedOnEveryClientAuthenticatedEndpoint() throws Exception {
        JsonNode client = apiClient();
        String clientId = client.get("client_id").asString();
        String secret = client.get("client_secret").asString();
        String address = newAddress();

        for (int i = 0; i < PER_ADDRESS; i++) {
            var refused = post("/oauth2/token", "unknown-" + UUID.randomUUID(), "guess", address, clientCredentials());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        }
        var token = post("/oauth2/token", clientId, secret, address, clientCredentials());
        var introspect = post("/oauth2/introspect", clientId, secret, address, Map.of("token", "anything"));
        var revoke = post("/oauth2/revoke", clientId, secret, address, Map.of("token", "anything"));
        var elsewhere = post("/oauth2/token", clientId, secret, newAddress(), clientCredentials());

        assertThat(token.statusCode()).isEqualTo(429);
        assertThat(introspect.statusCode()).isEqualTo(429);
        assertThat(revoke.statusCode()).isEqualTo(429);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
    }

    @Test
    void successfulClientAuthenticationsDoNotUseUpTheLimit() throws Exception {
        JsonNode client = apiClient();
        String address = newAddress();

        for (int i = 0; i < PER_CLIENT + 2; i++) {
            var token = post(
                    "/oauth2/token",
                    client.get("client_id").asString(),
                    client.get("client_secret").asString(),
                    address,
                    clientCredentials());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        }
    }

    @Test
    void aSpentRefreshTokenPresentedByAnotherClientLeavesTheOwnersSessionWorking() throws Exception {
        String password = "copper-lantern-harbour-58";
        String email = "dispatch-" + UUID.randomUUID() + "@carrier.test";
        new TestUsers(api, callers).active(carrier, email, "CARRIER_DISPATCHER", password);
        String webSecret = webClient.rotateSecret();
        BrowserLogin browser = new BrowserLogin(port, newAddress());
        String spent = IdentityFlows.logIn(browser, webClient, email, password, webSecret)
                .get("refresh_token")
                .asString();
        var rotated = IdentityFlows.refresh(browser, webSecret, spent);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String current =
                IdentityFlows.JSON.readTree(rotated.body()).get("refresh_token").asString();
        JsonNode other = apiClient();

        var refreshByOther = post(
                "/oauth2/token",
                other.get("client_id").asString(),
                other.get("client_secret").asString(),
                newAddress(),
                Map.of("grant_type", "refresh_token", "refresh_token", spent));
        var introspectionByOther = post(
                "/oauth2/introspect",
                other.get("client_id").asString(),
                other.get("client_secret").asString(),
                newAddress(),
                Map.of("token", spent));
        var ownersRefresh = IdentityFlows.refresh(browser, webSecret, current);

        assertThat(refreshByOther.statusCode()).isEqualTo(400);
        assertThat(introspectionByOther.body()).contains("\"active\":false");
        assertThat(ownersRefresh.statusCode())
                .as("the owner's session goes on: " + ownersRefresh.body())
                .isEqualTo(200);
    }

    private JsonNode apiClient() {
        var response = api.post(
                        "/api/v1/api-clients",
                        "{\"organization_id\":\"%s\",\"name\":\"ERP\",\"roles\":[\"CARRIER_FINANCE\"]}"
                                .formatted(carrier))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static Map<String, String> clientCredentials() {
        return Map.of("grant_type", "client_credentials", "scope", "api");
    }

    private static String newAddress() {
        return "198.18.0." + ADDRESSES.incrementAndGet();
    }

    private HttpResponse<String> post(
            String path, String clientId, String secret, String clientAddress, Map<String, String> form)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", clientAddress)
                        .POST(HttpRequest.BodyPublishers.ofString(BrowserLogin.encode(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

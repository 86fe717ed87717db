package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error the edge produces is an RFC 9457 problem from the catalogue, with a request id to quote. */
class ProblemDetailsIT extends GatewayIT {

    @Test
    void malformedJsonIs400MalformedRequest() {
        var response = api.post("/api/v1/organizations", "{\"type\": ")
                .token(callers.platformAdmin())
                .idempotencyKey(key())
                .send();

        assertProblem(response, 400, "malformed-request", "Malformed request");
    }

    @Test
    void invalidFieldsAre400ValidationFailedWithEachField() {
        var response = api.post("/api/v1/organizations", "{\"type\":\"CARRIER\",\"country\":\"germany\"}")
                .token(callers.platformAdmin())
                .idempotencyKey(key())
                .send();

        JsonNode body = assertProblem(response, 400, "validation-failed", "Validation failed");
        assertThat(body.get("errors").findValuesAsString("field")).contains("country", "legalName", "contactEmail");
    }

    @Test
    void aMissingIdempotencyKeyIs400() {
        var response = api.post("/api/v1/organizations", organizationJson("CARRIER", "Acme", "ops@acme.test"))
                .token(callers.platformAdmin())
                .send();

        assertProblem(response, 400, "idempotency-key-missing", "Idempotency-Key header required");
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        var response = api.get("/api/v1/organizations").send();

        assertProblem(response, 401, "unauthenticated", "Authentication required");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aGarbageTokenIs401() {
        var response = api.get("/api/v1/organizations").token("not.a.jwt").send();

        assertProblem(response, 401, "unauthenticated", "Authentication required");
    }

    @Test
    void aRoleThatMayNotActIs403() {
        var response = api.post("/api/v1/organizations", organizationJson("CARRIER", "Acme", "ops@acme.test"))
                .token(callers.of(TenantId.random(), Role.SHIPPER_ADMIN))
                .idempotencyKey(key())
                .send();

        assertProblem(response, 403, "forbidden", "Forbidden");
    }

    @Test
    void anUnknownResourceIs404() {
        var response = api.get("/api/v1/organizations/" + UUID.randomUUID())
                .token(callers.platformAdmin())
                .send();

        assertProblem(response, 404, "not-found", "Not found");
    }

    @Test
    void anUnknownPathIs404() {
        var response =
                api.get("/api/v1/no-such-thing").token(callers.platformAdmin()).send();

        assertProblem(response, 404, "not-found", "Not found");
    }

    @Test
    void anUnsupportedMethodIs405() {
        var response = api.call("PUT", "/api/v1/organizations", "{}", "application/json")
                .token(callers.platformAdmin())
                .idempotencyKey(key())
                .send();

        assertProblem(response, 405, "method-not-allowed", "Method not allowed");
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        var response = api.call("POST", "/api/v1/organizations", "type=CARRIER", "text/plain")
                .token(callers.platformAdmin())
                .idempotencyKey(key())
                .send();

        assertProblem(response, 415, "unsupported-media-type", "Unsupported media type");
    }

    @Test
    void aReusedIdempotencyKeyWithAnotherBodyIs422() {
        String key = key();
        String admin = callers.platformAdmin();
        api.post("/api/v1/organizations", organizationJson("CARRIER", "First", "a@first.test"))
                .token(admin)
                .idempotencyKey(key)
                .send();

        var response = api.post("/api/v1/organizations", organizationJson("CARRIER", "Second", "a@second.test"))
                .token(admin)
                .idempotencyKey(key)
                .send();

        assertProblem(response, 422, "idempotency-key-reused", "Idempotency-Key reused with a different request");
    }

    @Test
    void anUnexpectedErrorIs500AndLeaksNothing() {
        var response = api.get("/api/v1/test-support/failure")
                .token(callers.platformAdmin())
                .send();

        JsonNode body = assertProblem(response, 500, "internal-error", "Internal error");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("Exception");
        assertThat(body.get("detail").asString()).contains("request id");
    }

    @Test
    void problemTypesAreDocumentedAtTheirUri() {
        var response = api.get("/problems/idempotency-key-reused").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asInt()).isEqualTo(422);
    }

    @Test
    void theRequestIdOfTheCallerIsEchoedInHeaderAndProblem() {
        var response = api.get("/api/v1/organizations/" + UUID.randomUUID())
                .token(callers.platformAdmin())
                .header("X-Request-Id", "req-abc-123")
                .send();

        assertThat(response.header("X-Request-Id")).isEqualTo("req-abc-123");
        assertThat(response.json().get("request_id").asString()).isEqualTo("req-abc-123");
    }

    static JsonNode assertProblem(Api.Response response, int status, String slug, String title) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("type").asString()).isEqualTo("/problems/" + slug);
        assertThat(body.get("title").asString()).isEqualTo(title);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("request_id").asString()).isNotBlank();
        return body;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}

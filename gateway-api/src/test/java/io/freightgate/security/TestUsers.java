package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.support.Api;
import io.freightgate.support.Callers;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Organizations and users made over the API, as a platform admin would, for the login tests. */
record TestUsers(Api api, Callers callers) {

    TenantId carrier() {
        var response = api.post("/api/v1/organizations", """
                        {"type":"CARRIER","legal_name":"Login Carrier %s","country":"DE","vat_number":"DE811907980",\
                        "contact_email":"ops@login.test"}""".formatted(UUID.randomUUID()))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    /** An active user of {@code organization} with {@code password}; answers the user's id. */
    UUID active(TenantId organization, String email, String role, String password) {
        JsonNode user = invite(organization, email, role);
        var accepted = acceptance(user.get("invitation_token").asString(), password);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return UUID.fromString(user.get("id").asString());
    }

    JsonNode invite(TenantId organization, String email, String role) {
        var response = api.post(
                        "/api/v1/organizations/" + organization + "/users",
                        "{\"email\":\"%s\",\"display_name\":\"Test User\",\"roles\":[\"%s\"]}".formatted(email, role))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    Api.Response acceptance(String token, String password) {
        return api.post(
                        "/api/v1/invitations/" + token + "/acceptance",
                        "{\"password\":\"%s\"}"
                                .formatted(password.replace("\\", "\\\\").replace("\"", "\\\"")))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }
}

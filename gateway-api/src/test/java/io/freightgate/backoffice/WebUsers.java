package io.freightgate.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Logins;
import io.freightgate.security.TotpEnrolment;
import io.freightgate.support.Api;
import io.freightgate.support.Callers;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** People for the web app's tests, made as a platform admin would (over the API), with TOTP when they need it. */
public record WebUsers(Api api, Callers callers, Logins logins, Clock clock) {

    public static final String PASSWORD = "correct horse battery staple 19";

    /** A person with a login; {@code totpSecret} is present when TOTP was enrolled. */
    public record Person(UUID id, TenantId organization, String email, Optional<String> totpSecret) {}

    public TenantId organization(String type, String name) {
        var response = api.post("/api/v1/organizations", """
                        {"type":"%s","legal_name":"%s","country":"DE","vat_number":"DE811907980",\
                        "contact_email":"ops@web.test"}""".formatted(type, name))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    public Person person(TenantId organization, String role, boolean enrolTotp) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@web.test";
        var invited = api.post(
                        "/api/v1/organizations/" + organization + "/users",
                        "{\"email\":\"%s\",\"display_name\":\"Web Test\",\"roles\":[\"%s\"]}".formatted(email, role))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        var accepted = api.post(
                        "/api/v1/invitations/"
                                + invited.json().get("invitation_token").asString() + "/acceptance",
                        "{\"password\":\"%s\"}".formatted(PASSWORD))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        UUID id = UUID.fromString(invited.json().get("id").asString());
        Optional<String> secret = Optional.empty();
        if (enrolTotp) {
            TotpEnrolment enrolment = logins.beginTotpEnrolment(id);
            logins.confirmTotpEnrolment(id, enrolment.codeAt(clock.instant()), "127.0.0.1");
            secret = Optional.of(enrolment.secret());
        }
        return new Person(id, organization, email, secret);
    }
}

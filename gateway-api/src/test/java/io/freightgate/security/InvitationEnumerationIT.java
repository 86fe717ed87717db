package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/** An organization admin cannot learn, by inviting it, that an address has an account in another organization. */
class InvitationEnumerationIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    EnvelopeEncryption encryption;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Test
    void invitingAnotherOrganizationsUserAnswersExactlyAsForANewAddress() {
        TenantId first = register("First Carrier");
        TenantId second = register("Second Carrier");
        String existing = "taken-" + UUID.randomUUID() + "@carrier.test";
        String fresh = "fresh-" + UUID.randomUUID() + "@carrier.test";
        assertThat(invite(first, existing).status()).isEqualTo(201);

        var forExisting = invite(second, existing);
        var forFresh = invite(second, fresh);

        assertThat(forExisting.status()).as(forExisting.body()).isEqualTo(forFresh.status());
        assertThat(fieldNames(forExisting)).isEqualTo(fieldNames(forFresh));
        assertThat(forExisting.contentType()).isEqualTo(forFresh.contentType());
        assertThat(forExisting.json().get("status").asString()).isEqualTo("INVITED");
        assertThat(forExisting.json().get("organization_id").asString()).isEqualTo(second.toString());
        assertThat(forExisting.json().get("email").asString()).isEqualTo(existing);
        assertThat(forExisting.json().get("roles").toString())
                .isEqualTo(forFresh.json().get("roles").toString());
        assertThat(forExisting.header("Location"))
                .isEqualTo("/api/v1/organizations/" + second + "/users/"
                        + forExisting.json().get("id").asString());
        assertThat(accountsWith(existing))
                .as("no second account, and the first one stays where it is")
                .containsExactly(first.value().toString());
        var notice = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> smtp.receivedMail().stream()
                                .filter(mail -> mail.to().equals(existing))
                                .filter(mail -> mail.subject().equals("An invitation to FreightGate for your address"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(notice.text().orElseThrow())
                .contains("already has a FreightGate account")
                .doesNotContain("/invitations/");
    }

    private List<String> accountsWith(String email) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
            return new ArrayList<>(
                    jdbc.queryForList("SELECT tenant_id::text FROM users WHERE email_hash = ?", String.class, (Object)
                            encryption.keyedHash("user-email:" + email)));
        });
    }

    private static List<String> fieldNames(Api.Response response) {
        List<String> names = new ArrayList<>();
        response.json().propertyNames().forEach(names::add);
        names.sort(null);
        return names;
    }

    private Api.Response invite(TenantId organization, String email) {
        return api.post(
                        "/api/v1/organizations/" + organization + "/users",
                        "{\"email\":\"%s\",\"display_name\":\"Someone\",\"roles\":[\"CARRIER_DISPATCHER\"]}"
                                .formatted(email))
                .token(callers.of(organization, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private TenantId register(String name) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson("CARRIER", name + " " + UUID.randomUUID(), "ops@invitations.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }
}

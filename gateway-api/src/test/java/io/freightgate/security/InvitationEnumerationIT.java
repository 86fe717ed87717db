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

    /**
     * After the 201, the inviting organization sees a pending invitation that nobody accepts, exactly as for a genuine
     * one: it reads it, lists it, and inviting the address again is the same 409. The holder's account is untouched,
     * and nothing of the inviting organization's can log in as it, accept it or reset it.
     */
    @Test
    void theInvitingOrganizationSeesAPendingInvitationAsForANewAddress() {
        TenantId first = register("Holder Carrier");
        TenantId second = register("Inviting Carrier");
        String existing = "held-" + UUID.randomUUID() + "@carrier.test";
        String fresh = "new-" + UUID.randomUUID() + "@carrier.test";
        var holderInvitation = invite(first, existing);
        assertThat(holderInvitation.status()).as(holderInvitation.body()).isEqualTo(201);
        String holderId = holderInvitation.json().get("id").asString();
        var accepted = api.post(
                        "/api/v1/invitations/"
                                + holderInvitation
                                        .json()
                                        .get("invitation_token")
                                        .asString() + "/acceptance",
                        "{\"password\":\"%s\"}".formatted(HOLDER_PASSWORD))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        var holderBefore = holderRow(holderId);

        var forExisting = invite(second, existing);
        var forFresh = invite(second, fresh);
        assertThat(forExisting.status()).as(forExisting.body()).isEqualTo(201);
        assertThat(forFresh.status()).as(forFresh.body()).isEqualTo(201);
        String decoyId = forExisting.json().get("id").asString();
        String freshId = forFresh.json().get("id").asString();

        var readExisting = read(second, decoyId);
        var readFresh = read(second, freshId);
        assertThat(readExisting.status())
                .as("GET of the id answered for another organization's user: " + readExisting.body())
                .isEqualTo(readFresh.status())
                .isEqualTo(200);
        assertThat(fieldNames(readExisting)).isEqualTo(fieldNames(readFresh));
        assertThat(readExisting.contentType()).isEqualTo(readFresh.contentType());
        for (String field : List.of("status", "organization_id", "roles", "totp_enabled", "display_name")) {
            assertThat(String.valueOf(readExisting.json().get(field)))
                    .as(field)
                    .isEqualTo(String.valueOf(readFresh.json().get(field)));
        }
        assertThat(readExisting.json().get("email").asString()).isEqualTo(existing);
        assertThat(readExisting.json().get("status").asString()).isEqualTo("INVITED");

        var listed = api.get("/api/v1/organizations/" + second + "/users")
                .token(callers.of(second, Role.CARRIER_ADMIN))
                .send();
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<String> invitedIds = new ArrayList<>();
        listed.json().forEach(user -> {
            if (user.get("status").asString().equals("INVITED")) {
                invitedIds.add(user.get("id").asString());
            }
        });
        assertThat(invitedIds).as("the list shows both invitations").contains(freshId, decoyId);

        var againExisting = invite(second, existing);
        var againFresh = invite(second, fresh);
        assertThat(againExisting.status())
                .as("inviting the address again: " + againExisting.body())
                .isEqualTo(againFresh.status())
                .isEqualTo(409);
        assertThat(againExisting.contentType()).isEqualTo(againFresh.contentType());
        assertThat(fieldNames(againExisting)).isEqualTo(fieldNames(againFresh));
        for (String field : List.of("type", "title", "status", "detail")) {
            assertThat(String.valueOf(againExisting.json().get(field)))
                    .as(field)
                    .isEqualTo(String.valueOf(againFresh.json().get(field)));
        }

        var acceptDecoy = api.post(
                        "/api/v1/invitations/"
                                + forExisting.json().get("invitation_token").asString() + "/acceptance",
                        "{\"password\":\"%s\"}".formatted("quiet-meadow-decoy-42"))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(acceptDecoy.status()).as(acceptDecoy.body()).isEqualTo(404);
        assertThat(logins.authenticate(existing, HOLDER_PASSWORD, "198.51.100.7"))
                .as("the address still logs in to the holder's account only")
                .isEqualTo(new LoginOutcome.Authenticated(
                        UUID.fromString(holderId), first, List.of(Role.CARRIER_DISPATCHER)));
        assertThat(accountsWith(existing)).containsExactly(first.value().toString());
        assertThat(holderRow(holderId)).as("the holder's account is unchanged").isEqualTo(holderBefore);
        var decoyRow = systemScope(() -> jdbc.queryForMap(
                "SELECT password_hash, invitation_token_hash, tenant_id::text AS tenant FROM users WHERE id = ?::uuid",
                decoyId));
        assertThat(decoyRow.get("password_hash")).isNull();
        assertThat(decoyRow.get("invitation_token_hash")).isNull();
        assertThat(decoyRow.get("tenant")).isEqualTo(second.value().toString());

        var disabled = api.post("/api/v1/organizations/" + second + "/users/" + decoyId + "/disable", "")
                .token(callers.of(second, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        assertThat(holderRow(holderId)).isEqualTo(holderBefore);
        // Last, as a failed login counts on the holder's row: the decoy's password is no login.
        assertThat(logins.authenticate(existing, "quiet-meadow-decoy-42", "198.51.100.7"))
                .isInstanceOf(LoginOutcome.Refused.class);
    }

    private static final String HOLDER_PASSWORD = "amber-harbour-holder-17";

    @Autowired
    Logins logins;

    private Api.Response read(TenantId organization, String userId) {
        return api.get("/api/v1/organizations/" + organization + "/users/" + userId)
                .token(callers.of(organization, Role.CARRIER_ADMIN))
                .send();
    }

    private java.util.Map<String, Object> holderRow(String id) {
        return systemScope(() -> jdbc.queryForMap(
                        "SELECT tenant_id::text AS tenant, status, roles, password_hash, version, email_hash, failed_attempts"
                                + " FROM users WHERE id = ?::uuid",
                        id))
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey,
                        entry -> entry.getValue() instanceof byte[] bytes
                                ? java.util.HexFormat.of().formatHex(bytes)
                                : String.valueOf(entry.getValue())));
    }

    private <T> T systemScope(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
            return work.get();
        });
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

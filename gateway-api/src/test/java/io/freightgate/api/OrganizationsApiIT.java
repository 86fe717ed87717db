package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

class OrganizationsApiIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    TransactionOperations transactions;

    @Test
    void aPlatformAdminRegistersACarrierAndTheCarrierReadsOnlyItself() {
        TenantId carrier = register("CARRIER", "Nordic Haulage", "dispatch@nordic.test");
        TenantId shipper = register("SHIPPER", "Baltic Cargo", "pay@baltic.test");
        String carrierAdmin = callers.of(carrier, Role.CARRIER_ADMIN);

        var own =
                api.get("/api/v1/organizations/" + carrier).token(carrierAdmin).send();
        var foreign =
                api.get("/api/v1/organizations/" + shipper).token(carrierAdmin).send();
        var list = api.get("/api/v1/organizations").token(carrierAdmin).send();

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("legal_name").asString()).isEqualTo("Nordic Haulage");
        assertThat(own.json().get("contact_email").asString()).isEqualTo("dispatch@nordic.test");
        assertThat(foreign.status()).as("foreign objects look absent").isEqualTo(404);
        assertThat(list.json().findValuesAsString("id")).containsExactly(carrier.toString());
    }

    @Test
    void platformStaffReadAcrossTenantsAndEachReadIsRecorded() {
        TenantId carrier = register("CARRIER", "Alpine Freight", "ops@alpine.test");
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        int before = countSystemAccess("read organization " + carrier);

        var response =
                api.get("/api/v1/organizations/" + carrier).token(analyst).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(countSystemAccess("read organization " + carrier)).isEqualTo(before + 1);
    }

    @Test
    void aCarrierRoleOfAnotherOrganizationCannotPretendToBePlatformStaff() {
        TenantId carrier = register("CARRIER", "Sneaky Trucks", "x@sneaky.test");
        TenantId other = register("SHIPPER", "Victim Shipper", "x@victim.test");
        String carrierWithPlatformRole = callers.of(carrier, Role.PLATFORM_ADMIN);

        var response = api.get("/api/v1/organizations/" + other)
                .token(carrierWithPlatformRole)
                .send();

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void registrationIsAuditedWithActorTenantAndRequestIdAndTheEmailIsEncryptedAtRest() {
        String requestId = "audit-" + UUID.randomUUID();
        var response = api.post(
                        "/api/v1/organizations", organizationJson("SHIPPER", "Audited Shipper", "cfo@audited.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .header("X-Request-Id", requestId)
                .send();
        UUID id = UUID.fromString(response.json().get("id").asString());

        Map<String, Object> revision = systemAccess.call(
                "test: read audit trail",
                () -> transactions.execute(status -> jdbc.queryForMap(
                        "SELECT r.actor, r.tenant_id, r.system_scope, r.request_id, r.client_ip, a.revtype"
                                + " FROM organizations_aud a JOIN revinfo r ON r.id = a.rev WHERE a.id = ?",
                        id)));
        byte[] storedEmail = systemAccess.call(
                "test: read raw column",
                () -> transactions.execute(status ->
                        jdbc.queryForObject("SELECT contact_email FROM organizations WHERE id = ?", byte[].class, id)));

        assertThat(revision.get("actor").toString()).startsWith("admin-");
        assertThat(revision.get("tenant_id")).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(revision.get("system_scope")).isEqualTo(true);
        assertThat(revision.get("request_id")).isEqualTo(requestId);
        assertThat(revision.get("client_ip")).isNotNull();
        assertThat(((Number) revision.get("revtype")).intValue()).isZero();
        assertThat(new String(storedEmail, StandardCharsets.ISO_8859_1)).doesNotContain("cfo@audited.test");
    }

    @Test
    void theAuditTrailOfOneTenantIsInvisibleToAnother() {
        register("CARRIER", "Hidden History", "h@hidden.test");

        Integer seenByStranger = io.freightgate.platform.tenancy.Tenancy.callAs(
                TenantId.random(),
                "stranger",
                () -> transactions.execute(
                        status -> jdbc.queryForObject("SELECT count(*) FROM organizations_aud", Integer.class)));

        assertThat(seenByStranger).isZero();
    }

    private TenantId register(String type, String name, String email) {
        var response = api.post("/api/v1/organizations", organizationJson(type, name, email))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    private int countSystemAccess(String reason) {
        return jdbc.queryForObject("SELECT count(*) FROM system_access_log WHERE reason = ?", Integer.class, reason);
    }
}

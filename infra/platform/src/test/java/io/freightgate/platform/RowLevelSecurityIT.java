package io.freightgate.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.documents.ContentType;
import io.freightgate.platform.documents.DocumentStore;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RowLevelSecurityIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    DocumentStore documents;

    @Autowired
    SystemAccess systemAccess;

    TenantFixtures fixtures;
    TenantId tenantA = TenantId.random();
    TenantId tenantB = TenantId.random();

    @BeforeEach
    void storeOneDocumentPerTenant() {
        fixtures = new TenantFixtures(transactions);
        fixtures.inTenant(tenantA, () -> store(tenantA));
        fixtures.inTenant(tenantB, () -> store(tenantB));
    }

    @Test
    void aTenantSeesOnlyItsOwnRowsEvenWithoutAnyWhereClause() {
        List<UUID> seenByA = fixtures.inTenant(
                tenantA, () -> jdbc.queryForList("SELECT DISTINCT tenant_id FROM documents", UUID.class));
        List<UUID> keysSeenByA = fixtures.inTenant(
                tenantA, () -> jdbc.queryForList("SELECT DISTINCT tenant_id FROM subject_keys", UUID.class));

        assertThat(seenByA).containsExactly(tenantA.value());
        assertThat(keysSeenByA).containsExactly(tenantA.value());
    }

    @Test
    void withNoTenantSetNothingIsVisible() {
        Integer inTransaction =
                fixtures.withoutTenant(() -> jdbc.queryForObject("SELECT count(*) FROM documents", Integer.class));
        Integer autoCommit = jdbc.queryForObject("SELECT count(*) FROM documents", Integer.class);

        assertThat(inTransaction).isZero();
        assertThat(autoCommit).isZero();
    }

    @Test
    void aTenantCannotWriteRowsForAnotherTenant() {
        assertThatThrownBy(() -> fixtures.inTenant(
                        tenantA,
                        () -> jdbc.update(
                                "INSERT INTO subject_keys (subject_id, tenant_id, created_at, destroyed_at)"
                                        + " VALUES (?, ?, now(), now())",
                                UUID.randomUUID(),
                                tenantB.value())))
                .rootCause()
                .hasMessageContaining("row-level security");
    }

    @Test
    void aTenantCannotChangeRowsOfAnotherTenant() {
        int updated = fixtures.inTenant(
                tenantA, () -> jdbc.update("UPDATE documents SET purpose = 'x' WHERE tenant_id = ?", tenantB.value()));

        assertThat(updated).isZero();
    }

    @Test
    void theApplicationRoleCannotSwitchRowLevelSecurityOff() {
        assertThatThrownBy(() -> fixtures.inTenant(tenantA, () -> {
                    jdbc.execute("ALTER TABLE documents DISABLE ROW LEVEL SECURITY");
                }))
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> fixtures.inTenant(tenantA, () -> {
                    jdbc.execute("SET LOCAL row_security = off");
                    jdbc.queryForObject("SELECT count(*) FROM documents", Integer.class);
                }))
                .rootCause()
                .hasMessageContaining("row-level security");
    }

    @Test
    void theSystemPathSeesEveryTenantAndIsRecorded() {
        String reason = "test reads across tenants " + UUID.randomUUID();
        List<UUID> seen = systemAccess.call(
                reason,
                () -> transactions.execute(
                        status -> jdbc.queryForList("SELECT DISTINCT tenant_id FROM documents", UUID.class)));

        assertThat(seen).contains(tenantA.value(), tenantB.value());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM system_access_log WHERE reason = ?", Integer.class, reason))
                .isEqualTo(1);
    }

    @Test
    void everyTableWithATenantColumnHasForcedRowLevelSecurity() {
        List<String> unprotected = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                """, String.class);

        assertThat(unprotected).isEmpty();
    }

    private void store(TenantId tenant) {
        var stored = documents.store(new DocumentStore.NewDocument(
                tenant,
                tenant.value(),
                "test",
                "proof.pdf",
                io.freightgate.platform.documents.HostileFiles.cleanPdf("proof"),
                Set.of(ContentType.PDF)));
        assertThat(stored).isInstanceOf(DocumentStore.Accepted.class);
    }
}

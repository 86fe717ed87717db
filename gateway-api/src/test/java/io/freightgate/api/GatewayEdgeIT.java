package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health and metrics (on the management port only), the API document (for authenticated callers) and the headers every
 * response carries.
 */
class GatewayEdgeIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void healthIsUpWithDatabaseAndRedis() {
        var health = new Api(managementPort()).get("/actuator/health").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.json().get("components").get("redis").get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreServedOnTheManagementPortOnly() {
        var metrics = new Api(managementPort()).get("/actuator/prometheus").send();

        assertThat(managementPort()).isNotEqualTo(port);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator")) {
            var internet = api.get(path).send();
            assertThat(internet.status()).as(path).isEqualTo(404);
            assertThat(internet.body()).as(path).doesNotContain("jvm_memory_used_bytes");
        }
        assertThat(api.get("/readyz").send().status()).isEqualTo(200);
        assertThat(api.get("/livez").send().status()).isEqualTo(200);
    }

    @Test
    void theApiDocumentIsForAuthenticatedCallersOnly() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html")) {
            var anonymous = api.get(path).send();
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).as(path).startsWith("application/problem+json");
            assertThat(api.get(path).token("not-a-token").send().status())
                    .as(path)
                    .isEqualTo(401);
        }
    }

    @Test
    void theApiDocumentDescribesTheEndpointsAndTheBearerScheme() {
        var document = api.get("/v3/api-docs")
                .token(callers.of(io.freightgate.kernel.TenantId.random(), io.freightgate.security.Role.CARRIER_DRIVER))
                .timeout(java.time.Duration.ofMinutes(3))
                .send();

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/v1/organizations")).isTrue();
        assertThat(document.json().get("components").get("securitySchemes").has("bearer"))
                .isTrue();
    }

    @Test
    void everyResponseCarriesARequestIdAndSecurityHeaders() {
        var response =
                api.get("/api/v1/organizations").token(callers.platformAdmin()).send();

        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void aRequestIdThatIsNotAPlainTokenIsReplaced() {
        var response =
                api.get("/readyz").header("X-Request-Id", "bad id\twith spaces").send();

        assertThat(response.header("X-Request-Id"))
                .isNotEqualTo("bad id\twith spaces")
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void theApplicationConnectsAsARoleThatCannotBypassRowLevelSecurity() {
        var role = jdbc.queryForMap("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");

        assertThat(role.get("rolsuper")).isEqualTo(false);
        assertThat(role.get("rolbypassrls")).isEqualTo(false);
    }

    @Test
    void everyTenantTableOfEveryModuleHasForcedRowLevelSecurity() {
        List<String> unprotected = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                """, String.class);

        assertThat(unprotected).isEmpty();
    }

    /**
     * The flags alone would pass a policy of {@code USING (true)}: every policy's predicates must be one of the two
     * shapes the design allows (the row's tenant, or for load and payment rows also its shipper, or the audited system
     * scope), for reads and for writes, and the two functions they call must read the transaction-local settings.
     */
    @Test
    void everyRowLevelSecurityPolicyAdmitsOnlyTheRowsTenantItsShipperOrTheSystemScope() {
        String own = "((tenant_id = fg_current_tenant()) OR fg_system_scope())";
        String ownOrShipper =
                "((tenant_id = fg_current_tenant()) OR (shipper_id = fg_current_tenant()) OR fg_system_scope())";
        var policies = jdbc.queryForList("""
                SELECT c.relname AS table_name, p.polname AS policy, p.polcmd AS command,
                       p.polpermissive AS permissive, p.polroles::text AS roles,
                       pg_get_expr(p.polqual, p.polrelid) AS using_expr,
                       pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
                FROM pg_policy p
                JOIN pg_class c ON c.oid = p.polrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                ORDER BY c.relname, p.polname
                """);
        List<String> tenantTables = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r'
                """, String.class);

        assertThat(policies).isNotEmpty();
        assertThat(policies.stream().map(p -> (String) p.get("table_name")).distinct())
                .as("every tenant table has a policy")
                .containsAll(tenantTables);
        assertThat(policies).allSatisfy(policy -> {
            String table = (String) policy.get("table_name");
            assertThat(policy.get("permissive")).as(table).isEqualTo(true);
            assertThat(policy.get("command"))
                    .as(table + ": one policy for every command")
                    .isEqualTo("*");
            assertThat(policy.get("roles")).as(table + ": for every role").isEqualTo("{0}");
            Object expected =
                    switch ((String) policy.get("policy")) {
                        case "carrier_or_shipper" -> ownOrShipper;
                        // platform data that belongs to no tenant (fraud rules, lists, decisions): the system path only
                        case "system_only" -> "fg_system_scope()";
                        default -> own;
                    };
            // an audit table's history (dispute_cases_aud) may be closed to tenants entirely: read on the system path
            // only
            if (policy.get("policy").equals("system_only") && !table.endsWith("_aud")) {
                assertThat(tenantTables)
                        .as(table + " has no tenant, so only the system path sees it")
                        .doesNotContain(table);
            }
            assertThat(policy.get("using_expr")).as(table + " USING").isEqualTo(expected);
            assertThat(policy.get("check_expr")).as(table + " WITH CHECK").isEqualTo(expected);
        });
        assertThat(jdbc.queryForObject("SELECT prosrc FROM pg_proc WHERE proname = 'fg_current_tenant'", String.class))
                .contains("NULLIF(current_setting('app.tenant_id', true), '')::uuid");
        assertThat(jdbc.queryForObject("SELECT prosrc FROM pg_proc WHERE proname = 'fg_system_scope'", String.class))
                .contains("coalesce(current_setting('app.scope', true), '') = 'system'");
    }

    /** Actuator's own port (a random one in tests), where nothing from the internet arrives. */
    private int managementPort() {
        String managementPort = environment.getProperty("local.management.port");
        assertThat(managementPort).as("the management port").isNotNull();
        return Integer.parseInt(managementPort);
    }
}

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

    /** Actuator's own port (a random one in tests), where nothing from the internet arrives. */
    private int managementPort() {
        String managementPort = environment.getProperty("local.management.port");
        assertThat(managementPort).as("the management port").isNotNull();
        return Integer.parseInt(managementPort);
    }
}

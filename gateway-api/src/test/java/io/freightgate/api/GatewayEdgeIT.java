package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.support.GatewayIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Health, metrics, the API document and the headers every response carries. */
class GatewayEdgeIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthIsUpWithDatabaseAndRedis() {
        var health = api.get("/actuator/health").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString())
                .isEqualTo("UP");
        assertThat(health.json().get("components").get("redis").get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreServed() {
        var metrics = api.get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void theApiDocumentDescribesTheEndpointsAndTheBearerScheme() {
        var document = api.get("/v3/api-docs").send();

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
        var response = api.get("/actuator/health")
                .header("X-Request-Id", "bad id\twith spaces")
                .send();

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
}

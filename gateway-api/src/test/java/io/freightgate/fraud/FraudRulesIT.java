package io.freightgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.fraud.internal.RulesInForce;
import io.freightgate.fraud.internal.domain.rules.Rule;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fraud rules through the API against the embedded PostgreSQL: the default set is in force from the first start;
 * a rule that does not compile is refused with where and why and nothing is stored; a block rule needs a second
 * analyst; a rule enabled here is screened with at once; every change is in the audit history with who made it.
 */
class FraudRulesIT extends GatewayIT {

    @Autowired
    RulesInForce inForce;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Test
    void theDefaultRulesAreInForceFromTheFirstStart() {
        Api.Response listed = api.get("/api/v1/fraud/rules")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<String> defaults =
                rows("SELECT text FROM fraud_rules WHERE created_by = 'system:default-rules' AND state = 'ENABLED'");
        assertThat(defaults)
                .hasSize(15)
                .contains(
                        "block if :risk_level: = 'highest'",
                        "hold_payout if :early_fraud_warning:",
                        "review if :distinct_cards_per_pay_link_1h: >= 4",
                        "review if :is_new_device_for_organization: and (:amount: > 2000 EUR or :amount: > 8000 PLN)");
        assertThat(listed.json().findValues("text").stream()
                        .map(tools.jackson.databind.JsonNode::asText)
                        .toList())
                .containsAll(defaults);
        assertThat(inForce.rules().rules()).extracting(Rule::text).containsAll(defaults);
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedWithWhereAndWhyAndNothingIsStored() {
        String name = "typo-" + shortId();

        Api.Response refused = propose(callers.platformStaff(Role.RISK_ANALYST), name, "review if :risk_scor: >= 65");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("/problems/rule-invalid");
        assertThat(refused.json().path("line").asInt()).isEqualTo(1);
        assertThat(refused.json().path("column").asInt()).isEqualTo(11);
        assertThat(refused.json().path("detail").asText())
                .isEqualTo("Line 1, column 11: unknown attribute :risk_scor:; did you mean :risk_score:?");
        assertThat(rows("SELECT name FROM fraud_rules WHERE name = '" + name + "'"))
                .isEmpty();
    }

    @Test
    void aBlockRuleIsPutInForceByTwoAnalystsAndScreensAtOnce() {
        String anna = callers.platformStaff(Role.RISK_ANALYST);
        String boris = callers.platformStaff(Role.RISK_ANALYST);
        String name = "block-cvc-" + shortId();
        String text = "block if :cvc_check: = 'fail' and :risk_score: >= " + (70 + Math.abs(name.hashCode() % 20));

        Api.Response created = propose(anna, name, text);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/fraud/rules/" + id);
        assertThat(created.json().path("state").asText()).isEqualTo("DRAFT");
        assertThat(created.json().path("action").asText()).isEqualTo("block");

        Api.Response asked = change(anna, id, "enable");
        assertThat(asked.json().path("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(inForce.rules().rules()).extracting(Rule::text).doesNotContain(text);

        long read = asked.json().path("version").asLong();
        Api.Response self = change(anna, id, "approve?version=" + read);
        assertThat(self.status()).as(self.body()).isEqualTo(409);
        assertThat(self.json().path("type").asText()).isEqualTo("/problems/state-conflict");
        Api.Response unread = change(boris, id, "approve");
        assertThat(unread.status())
                .as("an approval that does not say which text it approves")
                .isEqualTo(400);
        assertThat(unread.json().path("type").asText()).isEqualTo("/problems/malformed-request");

        Api.Response stale = change(boris, id, "approve?version=" + (read - 1));
        assertThat(stale.status())
                .as("an approval of a version the rule no longer has")
                .isEqualTo(409);
        assertThat(stale.json().path("detail").asText()).contains("changed since version " + (read - 1));

        Api.Response approved = change(boris, id, "approve?version=" + read);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("state").asText()).isEqualTo("ENABLED");
        assertThat(inForce.rules().rules()).extracting(Rule::text).contains(text);

        List<String> history = rows(
                "SELECT state || ' by ' || updated_by FROM fraud_rules_aud WHERE id = '" + id + "'::uuid ORDER BY rev");
        assertThat(history).hasSize(3);
        assertThat(history.get(0)).startsWith("DRAFT by staff-");
        assertThat(history.get(1)).startsWith("AWAITING_APPROVAL by staff-");
        assertThat(history.get(2))
                .startsWith("ENABLED by staff-")
                .isNotEqualTo(history.get(1).replace("AWAITING_APPROVAL", "ENABLED"));
    }

    @Test
    void aRuleInForceIsEditedOnlyAfterItIsDisabled() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        String id = propose(analyst, "review-" + shortId(), "review if :shipper_age_days: < 3")
                .json()
                .path("id")
                .asText();
        assertThat(change(analyst, id, "enable").json().path("state").asText()).isEqualTo("ENABLED");

        Api.Response refused = api.call(
                        "PATCH",
                        "/api/v1/fraud/rules/" + id,
                        "{\"text\":\"review if :shipper_age_days: < 5\"}",
                        "application/json")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);

        change(analyst, id, "disable");
        Api.Response edited = api.call(
                        "PATCH",
                        "/api/v1/fraud/rules/" + id,
                        "{\"text\":\"review if :shipper_age_days: < 5\"}",
                        "application/json")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("text").asText()).isEqualTo("review if :shipper_age_days: < 5");
        assertThat(edited.json().path("state").asText()).isEqualTo("DISABLED");
    }

    @Test
    void aTakenNameAndABadNameAreRefused() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        String name = "twice-" + shortId();
        assertThat(propose(analyst, name, "review if :disputed:").status()).isEqualTo(201);

        Api.Response again = propose(analyst, name, "review if :disputed:");
        Api.Response badName = propose(analyst, "Not A Name", "review if :disputed:");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(rows("SELECT name FROM fraud_rules WHERE name = '" + name + "'"))
                .containsExactly(name);
        assertThat(badName.status()).as(badName.body()).isEqualTo(400);
        assertThat(badName.json().path("type").asText()).isEqualTo("/problems/validation-failed");
    }

    @Test
    void aReplayedKeyWritesOnceAndMalformedOrOversizedRulesAreRefused() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        String name = "replay-" + shortId();
        String body = "{\"name\":\"%s\",\"text\":\"review if :disputed:\"}".formatted(name);
        String key = UUID.randomUUID().toString();

        Api.Response first = api.post("/api/v1/fraud/rules", body)
                .token(analyst)
                .idempotencyKey(key)
                .send();
        Api.Response again = api.post("/api/v1/fraud/rules", body)
                .token(analyst)
                .idempotencyKey(key)
                .send();
        Api.Response malformed = api.post("/api/v1/fraud/rules", "{\"name\":")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        Api.Response oversized = propose(analyst, "big-" + shortId(), "review if :disputed: " + "#".repeat(3_000));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        assertThat(rows("SELECT name FROM fraud_rules WHERE name = '" + name + "'"))
                .containsExactly(name);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("type").asText()).isEqualTo("/problems/malformed-request");
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().path("type").asText()).isEqualTo("/problems/validation-failed");
    }

    @Test
    void analystsSeeTheAttributesTheyMayName() {
        Api.Response attributes = api.get("/api/v1/fraud/attributes")
                .token(callers.platformAdmin())
                .send();

        assertThat(attributes.status()).as(attributes.body()).isEqualTo(200);
        assertThat(attributes.json().findValues("name").stream()
                        .map(tools.jackson.databind.JsonNode::asText)
                        .toList())
                .contains(
                        "risk_score",
                        "amount",
                        "shipper_trusted",
                        "distinct_cards_per_pay_link_1h",
                        "declined_attempts_per_card_24h",
                        "shipper_amount_zscore",
                        "channel");
    }

    private Api.Response propose(String token, String name, String text) {
        return api.post(
                        "/api/v1/fraud/rules",
                        "{\"name\":\"%s\",\"text\":\"%s\"}".formatted(name, text.replace("\"", "\\\"")))
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response change(String token, String id, String verb) {
        return api.post("/api/v1/fraud/rules/" + id + "/" + verb, "")
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    /** Fraud rows are the platform's: read on the system path, as the gateway does. */
    private List<String> rows(String sql) {
        return systemAccess.transaction(
                Reach.acrossTenants("test reads fraud rules"), "test", () -> jdbc.queryForList(sql, String.class));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package io.freightgate.fraud.internal;

import io.freightgate.fraud.DecisionView;
import io.freightgate.fraud.ScreeningDecision;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the stored decisions for analysts: a filtered list, one decision with its facts, and per-rule counts over a
 * window joined with the feedback payments met later. Every method expects the caller's transaction on the system path.
 */
@Component
public class DecisionQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;

    DecisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which decisions to list; every part optional, {@code rule} matching the deciding rule or any that fired. */
    public record Filter(
            Optional<UUID> paymentRequestId,
            Optional<ScreeningDecision.Decision> decision,
            Optional<String> rule,
            Optional<Instant> from,
            Optional<Instant> to,
            int limit) {}

    /** Decisions matching the filter, newest first. */
    public List<DecisionView> list(Filter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        filter.paymentRequestId().ifPresent(id -> {
            where.add("payment_request_id = :request");
            params.put("request", id);
        });
        filter.decision().ifPresent(decision -> {
            where.add("decision = :decision");
            params.put("decision", decision.name());
        });
        filter.rule().ifPresent(rule -> {
            where.add("(deciding_rule = :rule OR :rule = ANY (fired_rules))");
            params.put("rule", rule);
        });
        filter.from().ifPresent(from -> {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(from));
        });
        filter.to().ifPresent(to -> {
            where.add("occurred_at < :to");
            params.put("to", Timestamp.from(to));
        });
        params.put("limit", filter.limit());
        return jdbc.sql("SELECT * FROM fraud_decisions"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY occurred_at DESC, id LIMIT :limit")
                .params(params)
                .query((rs, row) -> view(rs, false))
                .list();
    }

    /** One decision with the facts it was made on. */
    public Optional<DecisionView> find(UUID id) {
        return jdbc.sql("SELECT * FROM fraud_decisions WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> view(rs, true))
                .optional();
    }

    /** One rule's counts over a window (see {@link io.freightgate.fraud.RuleHitRate}). */
    public record Counts(
            String rule,
            long fired,
            long decided,
            long allowed,
            long allowedThenDisputed,
            long allowedThenEarlyFraudWarning,
            long allowedThenEither,
            long firedThenEither) {}

    /** How many decisions were stored since a moment. */
    public long evaluated(Instant since) {
        return jdbc.sql("SELECT count(*) FROM fraud_decisions WHERE occurred_at >= :since")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Every named rule's counts over the decisions since a moment, in one query. */
    public Map<String, Counts> counts(List<String> rules, Instant since) {
        if (rules.isEmpty()) {
            return Map.of();
        }
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("""
                WITH d AS (
                    SELECT id, decision, deciding_rule, fired_rules, payment_request_id FROM fraud_decisions
                    WHERE occurred_at >= :since),
                fb AS (
                    SELECT payment_request_id, bool_or(source = 'DISPUTE') AS disputed,
                           bool_or(source = 'EARLY_FRAUD_WARNING') AS warned
                    FROM fraud_feedback GROUP BY payment_request_id),
                per_rule AS (
                    SELECT r.name, d.id, d.decision, d.deciding_rule = r.name AS decided,
                           coalesce(fb.disputed, false) AS disputed, coalesce(fb.warned, false) AS warned
                    FROM unnest(CAST(:rules AS text[])) AS r(name)
                    JOIN d ON d.deciding_rule = r.name OR r.name = ANY (d.fired_rules)
                    LEFT JOIN fb ON fb.payment_request_id = d.payment_request_id)
                SELECT name,
                       count(*) AS fired,
                       count(*) FILTER (WHERE decided) AS decided,
                       count(*) FILTER (WHERE decided AND allows) AS allowed,
                       count(*) FILTER (WHERE decided AND allows AND disputed) AS allowed_disputed,
                       count(*) FILTER (WHERE decided AND allows AND warned) AS allowed_warned,
                       count(*) FILTER (WHERE decided AND allows AND (disputed OR warned)) AS allowed_either,
                       count(*) FILTER (WHERE disputed OR warned) AS fired_either
                FROM (SELECT *, decision IN ('ALLOW', 'REQUEST_3DS') AS allows FROM per_rule) p
                GROUP BY name
                """)
                .param("since", Timestamp.from(since))
                .param("rules", "{" + String.join(",", rules) + "}")
                .query((rs, row) -> new Counts(
                        rs.getString("name"),
                        rs.getLong("fired"),
                        rs.getLong("decided"),
                        rs.getLong("allowed"),
                        rs.getLong("allowed_disputed"),
                        rs.getLong("allowed_warned"),
                        rs.getLong("allowed_either"),
                        rs.getLong("fired_either")))
                .list()
                .forEach(c -> counts.put(c.rule(), c));
        return counts;
    }

    private static DecisionView view(ResultSet rs, boolean withFacts) throws SQLException {
        Array fired = rs.getArray("fired_rules");
        return new DecisionView(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("stage"),
                rs.getObject("payment_request_id", UUID.class),
                Optional.ofNullable(rs.getObject("attempt_id", UUID.class)),
                new TenantId(rs.getObject("carrier_id", UUID.class)),
                new TenantId(rs.getObject("shipper_id", UUID.class)),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("decision"),
                rs.getBoolean("hold_payout"),
                Optional.ofNullable(rs.getString("deciding_rule")),
                fired == null ? List.of() : Arrays.asList((String[]) fired.getArray()),
                JSON.readValue(rs.getString("explanations"), STRINGS),
                Optional.ofNullable(rs.getString("card_fingerprint")),
                Optional.ofNullable(rs.getString("ip_address")),
                Optional.ofNullable(rs.getString("device")),
                Optional.ofNullable(rs.getTimestamp("collected_at")).map(Timestamp::toInstant),
                withFacts ? Optional.of(JSON.readValue(rs.getString("facts"), MAP)) : Optional.empty());
    }
}

package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.ListEntries.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rules snoozed for one value (a shipper, a card, a device, an IP) until a set time. Every method expects the caller's
 * transaction on the system path.
 */
@Component
public class RuleSnoozeRecords {

    private final JdbcClient jdbc;

    RuleSnoozeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A snooze as stored, with the name of its rule. */
    public record Snooze(
            UUID id,
            UUID ruleId,
            String ruleName,
            Kind kind,
            String value,
            String reason,
            String createdBy,
            Instant createdAt,
            Instant until,
            Optional<String> endedBy,
            Optional<Instant> endedAt) {

        /** Whether the rule is snoozed for the value at {@code now}. */
        public boolean activeAt(Instant now) {
            return endedAt.isEmpty() && until.isAfter(now);
        }

        /** What an explanation says of it: "for CARD 'fp_1' until 2026-12-10T00:00:00Z by anna". */
        public String note() {
            return "for " + kind + " '" + value + "' until " + until + " by " + createdBy;
        }
    }

    public void add(
            UUID id, UUID ruleId, Kind kind, String value, String reason, String by, Instant at, Instant until) {
        jdbc.sql("""
                INSERT INTO fraud_rule_snoozes (id, rule_id, kind, value, reason, created_by, created_at, until)
                VALUES (:id, :rule, :kind, :value, :reason, :by, :at, :until)
                """)
                .param("id", id)
                .param("rule", ruleId)
                .param("kind", kind.name())
                .param("value", value)
                .param("reason", reason)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("until", Timestamp.from(until))
                .update();
    }

    /** Whether the rule is snoozed for that value now. */
    public boolean snoozed(UUID ruleId, Kind kind, String value, Instant now) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM fraud_rule_snoozes WHERE rule_id = :rule AND kind = :kind"
                        + " AND value = :value AND ended_at IS NULL AND until > :now)")
                .param("rule", ruleId)
                .param("kind", kind.name())
                .param("value", value)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    public Optional<Snooze> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id")
                .param("id", id)
                .query(RuleSnoozeRecords::snooze)
                .optional();
    }

    /** The rule's snoozes, newest first, ended and expired ones included. */
    public List<Snooze> ofRule(UUID ruleId, int limit) {
        return jdbc.sql(SELECT + " WHERE s.rule_id = :rule ORDER BY s.created_at DESC, s.id LIMIT :limit")
                .param("rule", ruleId)
                .param("limit", limit)
                .query(RuleSnoozeRecords::snooze)
                .list();
    }

    /** Ends a snooze that is still in effect; false when it had ended or expired already. */
    public boolean end(UUID id, String by, Instant at) {
        return jdbc.sql("UPDATE fraud_rule_snoozes SET ended_by = :by, ended_at = :at"
                                + " WHERE id = :id AND ended_at IS NULL AND until > :at")
                        .param("id", id)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /**
     * The rules snoozed now for any of the payment's values (at most one value per kind), in one query: rule name to
     * the note an explanation shows (the first snooze found when several apply).
     */
    public Map<String, String> inEffect(Map<Kind, String> values, Instant now) {
        if (values.isEmpty()) {
            return Map.of();
        }
        List<String> matches = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<Kind, String> value : values.entrySet()) {
            String kind = value.getKey().name();
            matches.add("(s.kind = :kind_" + kind + " AND s.value = :value_" + kind + ")");
            params.put("kind_" + kind, kind);
            params.put("value_" + kind, value.getValue());
        }
        params.put("now", Timestamp.from(now));
        Map<String, String> snoozed = new HashMap<>();
        jdbc.sql(SELECT + " WHERE (" + String.join(" OR ", matches) + ") AND s.ended_at IS NULL AND s.until > :now"
                        + " ORDER BY s.created_at")
                .params(params)
                .query(RuleSnoozeRecords::snooze)
                .list()
                .forEach(snooze -> snoozed.putIfAbsent(snooze.ruleName(), snooze.note()));
        return snoozed;
    }

    private static final String SELECT =
            "SELECT s.*, r.name AS rule_name FROM fraud_rule_snoozes s JOIN fraud_rules r ON r.id = s.rule_id";

    private static Snooze snooze(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Snooze(
                rs.getObject("id", UUID.class),
                rs.getObject("rule_id", UUID.class),
                rs.getString("rule_name"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("value"),
                rs.getString("reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("until").toInstant(),
                Optional.ofNullable(rs.getString("ended_by")),
                Optional.ofNullable(ended).map(Timestamp::toInstant));
    }
}

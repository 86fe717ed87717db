package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.velocity.CountedAttempt;
import io.freightgate.fraud.internal.domain.velocity.Counter;
import io.freightgate.fraud.internal.domain.velocity.Dimension;
import io.freightgate.fraud.internal.domain.velocity.Measure;
import io.freightgate.fraud.internal.domain.velocity.VelocityCounts;
import io.freightgate.fraud.internal.domain.velocity.Window;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The velocity counters recomputed from the stored screening decisions, for when Redis does not answer. The decisions
 * before confirmation are the source of truth: one per screened attempt (blocked ones included), written in the
 * screening's own transaction with the attempt's shipper, card, IP address, device and pay link, and marked when the
 * attempt was declined; they are the fraud module's own rows (it never reads billing's payment attempts). Per
 * dimension one query, on an index of that dimension and the time, over the longest window only and at most
 * {@link #CAP} rows (past that a count is a lower bound, far above any threshold a rule would name), with the attempt
 * being screened added as if it were stored (a decision of the same attempt stored by an earlier try is left out,
 * so a retried screening counts once, as in Redis). Expects the caller's transaction on the system path.
 */
@Component
public class JdbcVelocityCounters {

    /** The most rows one dimension's query reads. */
    static final int CAP = 10_000;

    private final JdbcClient jdbc;

    JdbcVelocityCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bounds every statement of the caller's transaction (a recount must not hold a payment up). */
    void statementTimeout(java.time.Duration timeout) {
        jdbc.sql("SELECT set_config('statement_timeout', :timeout, true)")
                .param("timeout", timeout.toMillis() + "ms")
                .query(String.class)
                .single();
    }

    public VelocityCounts count(CountedAttempt attempt) {
        Map<Counter, Long> values = new LinkedHashMap<>();
        for (Map.Entry<Dimension, String> key : attempt.keys().entrySet()) {
            count(attempt, key.getKey(), key.getValue(), values);
        }
        return new VelocityCounts(values);
    }

    private void count(CountedAttempt attempt, Dimension dimension, String value, Map<Counter, Long> values) {
        String column = column(dimension);
        StringBuilder select = new StringBuilder("SELECT ");
        for (Window window : Window.values()) {
            String since = ":since_" + window.suffix();
            select.append("count(DISTINCT attempt) FILTER (WHERE occurred_at > ")
                    .append(since)
                    .append(") AS attempts_")
                    .append(window.suffix())
                    .append(", count(DISTINCT attempt) FILTER (WHERE declined_at > ")
                    .append(since)
                    .append(") AS declined_")
                    .append(window.suffix())
                    .append(", count(DISTINCT card) FILTER (WHERE occurred_at > ")
                    .append(since)
                    .append(") AS cards_")
                    .append(window.suffix())
                    .append(", ");
        }
        select.setLength(select.length() - 2);
        String sql = select + """
                 FROM ((SELECT coalesce(attempt_id, id) AS attempt, occurred_at, card_fingerprint AS card, declined_at
                        FROM fraud_decisions
                        WHERE stage = 'BEFORE_CONFIRMATION' AND %s = %s AND occurred_at > :since
                          AND attempt_id IS DISTINCT FROM :attempt
                        ORDER BY occurred_at DESC LIMIT :cap)
                       UNION ALL
                       SELECT CAST(:attempt AS uuid), CAST(:now AS timestamptz), CAST(:card AS text),
                              CAST(NULL AS timestamptz)) recent
                """.formatted(column, dimension == Dimension.SHIPPER ? "CAST(:value AS uuid)" : ":value");
        var statement = jdbc.sql(sql)
                .param("value", value)
                .param("since", Timestamp.from(Window.LONGEST.start(attempt.at())))
                .param("attempt", attemptId(attempt))
                .param("now", Timestamp.from(attempt.at()))
                .param("card", attempt.card().orElse(null))
                .param("cap", CAP);
        for (Window window : Window.values()) {
            statement = statement.param("since_" + window.suffix(), Timestamp.from(window.start(attempt.at())));
        }
        statement
                .query((rs, row) -> {
                    for (Window window : Window.values()) {
                        values.put(
                                new Counter(Measure.ATTEMPTS, dimension, window),
                                rs.getLong("attempts_" + window.suffix()));
                        values.put(
                                new Counter(Measure.DECLINED_ATTEMPTS, dimension, window),
                                rs.getLong("declined_" + window.suffix()));
                        if (Measure.DISTINCT_CARDS.appliesTo(dimension)) {
                            values.put(
                                    new Counter(Measure.DISTINCT_CARDS, dimension, window),
                                    rs.getLong("cards_" + window.suffix()));
                        }
                    }
                    return values;
                })
                .single();
    }

    private static UUID attemptId(CountedAttempt attempt) {
        return UUID.fromString(attempt.attempt());
    }

    /** The decisions' column a dimension is stored in. */
    private static String column(Dimension dimension) {
        return switch (dimension) {
            case SHIPPER -> "shipper_id";
            case CARD -> "card_fingerprint";
            case IP -> "ip_address";
            case DEVICE -> "device";
            case PAY_LINK -> "pay_link";
        };
    }
}

package io.freightgate.fraud.internal;

import io.freightgate.fraud.ScreeningDecision;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.fraud.internal.domain.velocity.CountedAttempt;
import io.freightgate.fraud.internal.domain.velocity.Dimension;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored screening decisions (plain JDBC: an append-only log, not an aggregate) and the shipper history read from
 * them. Every method expects the caller's transaction on the system path.
 */
@Component
public class FraudDecisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    FraudDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A decision to store.
     *
     * @param ipAddress the payer's IP and {@code device} its device: feedback from a dispute or an early fraud warning
     *     puts them on the watch list
     * @param firedRules the names of every rule that fired (per-rule hit rates count them)
     */
    public record NewDecision(
            UUID id,
            Instant at,
            String stage,
            UUID paymentRequestId,
            Optional<UUID> attemptId,
            TenantId carrier,
            TenantId shipper,
            Money amount,
            Optional<String> cardFingerprint,
            ScreeningDecision.Decision decision,
            boolean holdPayout,
            Optional<String> decidingRule,
            List<String> explanations,
            Facts facts,
            Optional<String> ipAddress,
            Optional<String> device,
            List<String> firedRules) {

        public NewDecision {
            explanations = List.copyOf(explanations);
            firedRules = List.copyOf(firedRules);
        }
    }

    /** A stored decision, with its facts read back against the registry in force. */
    public record StoredDecision(
            UUID id, Instant at, UUID paymentRequestId, ScreeningDecision.Decision decision, Facts facts) {}

    /**
     * The shipper's collected payments in one currency since a moment: how many, their mean, the largest and their
     * spread (the population standard deviation, in minor units, unrounded; empty without a payment).
     */
    public record History(long count, Optional<Money> mean, Optional<Money> largest, Optional<Double> spread) {}

    public void record(NewDecision d) {
        jdbc.sql("""
                INSERT INTO fraud_decisions (id, occurred_at, stage, payment_request_id, attempt_id, carrier_id,
                    shipper_id, amount_minor, currency, card_fingerprint, decision, hold_payout, deciding_rule,
                    explanations, facts, ip_address, device, fired_rules)
                VALUES (:id, :at, :stage, :request, :attempt, :carrier, :shipper, :amount, :currency, :card,
                    :decision, :hold, :rule, CAST(:explanations AS jsonb), CAST(:facts AS jsonb), :ip, :device,
                    string_to_array(:fired, ','))
                """)
                .param("id", d.id())
                .param("at", Timestamp.from(d.at()))
                .param("stage", d.stage())
                .param("request", d.paymentRequestId())
                .param("attempt", d.attemptId().orElse(null))
                .param("carrier", d.carrier().value())
                .param("shipper", d.shipper().value())
                .param("amount", d.amount().minor())
                .param("currency", d.amount().currency().getCurrencyCode())
                .param("card", d.cardFingerprint().orElse(null))
                .param("decision", d.decision().name())
                .param("hold", d.holdPayout())
                .param("rule", d.decidingRule().orElse(null))
                .param("explanations", JSON.writeValueAsString(d.explanations()))
                .param("facts", FactsCodec.write(d.facts()))
                .param("ip", d.ipAddress().orElse(null))
                .param("device", d.device().orElse(null))
                .param("fired", String.join(",", d.firedRules()))
                .update();
    }

    /** Marks the request's decisions as collected (its money arrived), once. */
    public int collected(UUID paymentRequestId, Instant at) {
        return jdbc.sql("UPDATE fraud_decisions SET collected_at = :at"
                        + " WHERE payment_request_id = :request AND collected_at IS NULL AND decision <> 'BLOCK'")
                .param("at", Timestamp.from(at))
                .param("request", paymentRequestId)
                .update();
    }

    public History history(TenantId shipper, java.util.Currency currency, Instant since) {
        return jdbc.sql("""
                SELECT count(*) AS n, round(avg(amount_minor)) AS mean, max(amount_minor) AS largest,
                    stddev_pop(amount_minor) AS spread
                FROM (SELECT DISTINCT ON (payment_request_id) payment_request_id, amount_minor FROM fraud_decisions
                      WHERE shipper_id = :shipper AND currency = :currency AND collected_at >= :since
                      ORDER BY payment_request_id, occurred_at DESC) collected
                """)
                .param("shipper", shipper.value())
                .param("currency", currency.getCurrencyCode())
                .param("since", Timestamp.from(since))
                .query((rs, row) -> {
                    long n = rs.getLong("n");
                    return new History(
                            n,
                            n == 0 ? Optional.empty() : Optional.of(new Money(rs.getLong("mean"), currency)),
                            n == 0 ? Optional.empty() : Optional.of(new Money(rs.getLong("largest"), currency)),
                            n == 0 ? Optional.empty() : Optional.of(rs.getDouble("spread")));
                })
                .single();
    }

    /**
     * The hours of the day (UTC, 0 to 23) at which the shipper's collected payments of any currency were screened since
     * a moment, with how many payments that is: bit {@code h} of the mask is set when one was made in hour {@code h}.
     */
    public record Hours(long count, int mask) {}

    public Hours hoursOfDay(TenantId shipper, Instant since) {
        return jdbc.sql("""
                SELECT count(*) AS n, coalesce(bit_or(1 << hour), 0) AS mask
                FROM (SELECT DISTINCT ON (payment_request_id)
                          CAST(extract(hour FROM occurred_at AT TIME ZONE 'UTC') AS int) AS hour
                      FROM fraud_decisions WHERE shipper_id = :shipper AND collected_at >= :since
                      ORDER BY payment_request_id, occurred_at DESC) collected
                """)
                .param("shipper", shipper.value())
                .param("since", Timestamp.from(since))
                .query((rs, row) -> new Hours(rs.getLong("n"), rs.getInt("mask")))
                .single();
    }

    /** The shipper whose payment request this is, from its screening decisions. */
    public Optional<TenantId> shipperOf(UUID paymentRequestId) {
        return jdbc.sql("SELECT shipper_id FROM fraud_decisions WHERE payment_request_id = :request LIMIT 1")
                .param("request", paymentRequestId)
                .query(UUID.class)
                .optional()
                .map(TenantId::new);
    }

    /** Keeps with a decision the pay link it was made for and where its velocity counters came from. */
    public void velocity(UUID decisionId, Optional<String> payLink, String source) {
        jdbc.sql("UPDATE fraud_decisions SET pay_link = :link, velocity_source = :source WHERE id = :id")
                .param("link", payLink.orElse(null))
                .param("source", source)
                .param("id", decisionId)
                .update();
    }

    /**
     * Marks the attempt's screening before confirmation as declined (the first time only) and answers what the
     * velocity counters count it under: its shipper, card, IP address, device and pay link, at the first decline.
     */
    public Optional<CountedAttempt> declined(UUID attemptId, Instant at) {
        return jdbc
                .sql("""
                UPDATE fraud_decisions SET declined_at = coalesce(declined_at, :at)
                WHERE attempt_id = :attempt AND stage = 'BEFORE_CONFIRMATION'
                RETURNING shipper_id, card_fingerprint, ip_address, device, pay_link, declined_at
                """)
                .param("at", Timestamp.from(at))
                .param("attempt", attemptId)
                .query((rs, row) -> {
                    java.util.Map<Dimension, String> keys = new java.util.EnumMap<>(Dimension.class);
                    keys.put(
                            Dimension.SHIPPER,
                            rs.getObject("shipper_id", UUID.class).toString());
                    putIfPresent(keys, Dimension.CARD, rs.getString("card_fingerprint"));
                    putIfPresent(keys, Dimension.IP, rs.getString("ip_address"));
                    putIfPresent(keys, Dimension.DEVICE, rs.getString("device"));
                    putIfPresent(keys, Dimension.PAY_LINK, rs.getString("pay_link"));
                    return new CountedAttempt(
                            attemptId.toString(),
                            rs.getTimestamp("declined_at").toInstant(),
                            keys,
                            Optional.ofNullable(rs.getString("card_fingerprint")));
                })
                .list()
                .stream()
                .findFirst();
    }

    public boolean cardPaidBefore(TenantId shipper, String cardFingerprint) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM fraud_decisions WHERE shipper_id = :shipper"
                        + " AND card_fingerprint = :card AND collected_at IS NOT NULL)")
                .param("shipper", shipper.value())
                .param("card", cardFingerprint)
                .query(Boolean.class)
                .single();
    }

    /** Decisions since a moment, newest first, at most {@code limit}, with their facts read against {@code registry}. */
    public List<StoredDecision> since(Instant since, int limit, AttributeRegistry registry) {
        return jdbc.sql(
                        "SELECT id, occurred_at, payment_request_id, decision, facts::text AS facts FROM fraud_decisions"
                                + " WHERE occurred_at >= :since ORDER BY occurred_at DESC LIMIT :limit")
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, row) -> new StoredDecision(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("payment_request_id", UUID.class),
                        ScreeningDecision.Decision.valueOf(rs.getString("decision")),
                        FactsCodec.read(rs.getString("facts"), registry)))
                .list();
    }

    /**
     * The facts of the latest screening before confirmation of the attempt (or, when it has none, of its request), read
     * against {@code registry}: the screening after the authorization adds Radar's facts to them.
     */
    public Optional<Facts> factsBeforeConfirmation(UUID attemptId, UUID paymentRequestId, AttributeRegistry registry) {
        return jdbc.sql("SELECT facts::text FROM fraud_decisions WHERE stage = 'BEFORE_CONFIRMATION'"
                        + " AND (attempt_id = :attempt OR (attempt_id IS NULL AND payment_request_id = :request))"
                        + " ORDER BY (attempt_id IS NOT NULL) DESC, occurred_at DESC LIMIT 1")
                .param("attempt", attemptId)
                .param("request", paymentRequestId)
                .query(String.class)
                .optional()
                .map(json -> FactsCodec.read(json, registry));
    }

    /**
     * The values a snooze can name for the attempt's screening after authorization: the shipper, and the card, IP and
     * device its screening before confirmation saw (so a rule snoozed for a card stays snoozed in both stages).
     */
    public java.util.Map<ListEntries.Kind, String> valuesBeforeConfirmation(
            UUID attemptId, UUID paymentRequestId, TenantId shipper) {
        java.util.Map<ListEntries.Kind, String> values = new java.util.EnumMap<>(ListEntries.Kind.class);
        values.put(ListEntries.Kind.SHIPPER, shipper.value().toString());
        jdbc.sql("SELECT card_fingerprint, ip_address, device FROM fraud_decisions WHERE stage = 'BEFORE_CONFIRMATION'"
                        + " AND (attempt_id = :attempt OR (attempt_id IS NULL AND payment_request_id = :request))"
                        + " ORDER BY (attempt_id IS NOT NULL) DESC, occurred_at DESC LIMIT 1")
                .param("attempt", attemptId)
                .param("request", paymentRequestId)
                .query((rs, n) -> {
                    putIfPresent(values, ListEntries.Kind.CARD, rs.getString("card_fingerprint"));
                    String ip = rs.getString("ip_address");
                    putIfPresent(values, ListEntries.Kind.IP, ip == null ? null : ListEntries.Kind.IP.canonical(ip));
                    putIfPresent(values, ListEntries.Kind.DEVICE, rs.getString("device"));
                    return values;
                })
                .optional();
        return values;
    }

    private static <K> void putIfPresent(java.util.Map<K, String> values, K kind, @Nullable String value) {
        if (value != null) {
            values.put(kind, value);
        }
    }
}

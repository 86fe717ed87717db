package io.freightgate.fraud.internal;

import io.freightgate.fraud.EarlyFraudWarningView;
import io.freightgate.fraud.EarlyFraudWarningView.Refund;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored early fraud warnings (plain JDBC); every method expects the caller's transaction on the system path. */
@Component
public class EarlyFraudWarningRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    EarlyFraudWarningRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the warning unless it is stored already; whether it was new. */
    public boolean insert(EarlyFraudWarningView w) {
        return jdbc.sql("""
                        INSERT INTO fraud_early_fraud_warnings (id, charge_id, payment_intent_id, payment_request_id,
                            carrier_id, amount_minor, currency, fraud_type, actionable, hold_payout, explanations, refund,
                            refund_detail, stripe_created, received_at, updated_at)
                        VALUES (:id, :charge, :intent, :request, :carrier, :amount, :currency, :type, :actionable, :hold,
                            CAST(:explanations AS jsonb), :refund, :detail, :created, :received, :received)
                        ON CONFLICT (id) DO NOTHING
                        """)
                        .param("id", w.warningId())
                        .param("charge", w.chargeId())
                        .param("intent", w.paymentIntentId().orElse(null))
                        .param(
                                "request",
                                w.paymentRequestId()
                                        .map(PaymentRequestId::value)
                                        .orElse(null))
                        .param("carrier", w.carrier().map(TenantId::value).orElse(null))
                        .param("amount", w.amount().map(Money::minor).orElse(null))
                        .param(
                                "currency",
                                w.amount()
                                        .map(m -> m.currency().getCurrencyCode())
                                        .orElse(null))
                        .param("type", w.fraudType())
                        .param("actionable", w.actionable())
                        .param("hold", w.holdPayout())
                        .param("explanations", JSON.writeValueAsString(w.explanations()))
                        .param("refund", w.refund().name())
                        .param("detail", w.refundDetail().orElse(null))
                        .param("created", Timestamp.from(w.createdAtStripe()))
                        .param("received", Timestamp.from(w.receivedAt()))
                        .update()
                == 1;
    }

    /**
     * Stripe says the warning is no longer actionable (the charge was refunded or disputed): a refund still only
     * recommended is not any more.
     */
    public void notActionable(String id, Instant now) {
        jdbc.sql("""
                UPDATE fraud_early_fraud_warnings SET actionable = false, updated_at = :now,
                    refund = CASE WHEN refund = 'RECOMMENDED' THEN 'NOT_RECOMMENDED' ELSE refund END
                WHERE id = :id AND actionable
                """).param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Moves the refund from one of {@code from} to {@code to}; whether it moved. */
    public boolean refund(String id, Collection<Refund> from, Refund to, Optional<String> detail, Instant now) {
        return jdbc.sql("""
                        UPDATE fraud_early_fraud_warnings SET refund = :to, refund_detail = :detail, updated_at = :now
                        WHERE id = :id AND refund IN (:from)
                        """)
                        .param("id", id)
                        .param("from", from.stream().map(Refund::name).toList())
                        .param("to", to.name())
                        .param("detail", detail.orElse(null))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public Optional<EarlyFraudWarningView> find(String id) {
        return jdbc.sql("SELECT * FROM fraud_early_fraud_warnings WHERE id = :id")
                .param("id", id)
                .query(EarlyFraudWarningRecords::row)
                .optional();
    }

    public List<EarlyFraudWarningView> newest(int limit) {
        return jdbc.sql("SELECT * FROM fraud_early_fraud_warnings ORDER BY received_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query(EarlyFraudWarningRecords::row)
                .list();
    }

    private static EarlyFraudWarningView row(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        long amount = rs.getLong("amount_minor");
        boolean hasAmount = !rs.wasNull() && currency != null;
        UUID request = rs.getObject("payment_request_id", UUID.class);
        UUID carrier = rs.getObject("carrier_id", UUID.class);
        String detail = rs.getString("refund_detail");
        return new EarlyFraudWarningView(
                rs.getString("id"),
                rs.getString("charge_id"),
                Optional.ofNullable(rs.getString("payment_intent_id")),
                Optional.ofNullable(request).map(PaymentRequestId::new),
                Optional.ofNullable(carrier).map(TenantId::new),
                hasAmount ? Optional.of(Money.of(amount, currency)) : Optional.empty(),
                rs.getString("fraud_type"),
                rs.getBoolean("actionable"),
                rs.getBoolean("hold_payout"),
                JSON.readValue(rs.getString("explanations"), new TypeReference<List<String>>() {}),
                Refund.valueOf(rs.getString("refund")),
                Optional.ofNullable(detail),
                rs.getTimestamp("stripe_created").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

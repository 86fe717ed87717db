package io.freightgate.fraud.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Disputes and early fraud warnings on screened payments, once per source id. Every method expects the caller's
 * transaction on the system path.
 */
@Component
public class FeedbackRecords {

    /** Where feedback comes from. */
    public enum Source {
        DISPUTE,
        EARLY_FRAUD_WARNING
    }

    /** The card, device and IP a payment was screened with (the newest known value of each). */
    public record PaymentValues(Optional<String> card, Optional<String> device, Optional<String> ipAddress) {}

    /** What is known of a card's feedback. */
    public record CardFeedback(boolean disputes, boolean earlyFraudWarnings) {}

    private final JdbcClient jdbc;

    FeedbackRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values the payment request's stored decisions name, the newest of each. */
    public PaymentValues valuesOf(UUID paymentRequestId) {
        return jdbc.sql("""
                SELECT (array_agg(card_fingerprint ORDER BY occurred_at DESC)
                            FILTER (WHERE card_fingerprint IS NOT NULL))[1] AS card,
                       (array_agg(device ORDER BY occurred_at DESC) FILTER (WHERE device IS NOT NULL))[1] AS device,
                       (array_agg(ip_address ORDER BY occurred_at DESC) FILTER (WHERE ip_address IS NOT NULL))[1] AS ip
                FROM fraud_decisions WHERE payment_request_id = :request
                """)
                .param("request", paymentRequestId)
                .query((rs, row) -> new PaymentValues(
                        Optional.ofNullable(rs.getString("card")),
                        Optional.ofNullable(rs.getString("device")),
                        Optional.ofNullable(rs.getString("ip"))))
                .single();
    }

    /** Records feedback once per source id; false when this source id was recorded already. */
    public boolean record(Source source, String sourceId, UUID paymentRequestId, PaymentValues values, Instant at) {
        return jdbc.sql("""
                                INSERT INTO fraud_feedback (id, source, source_id, payment_request_id, card_fingerprint,
                                    device, ip_address, received_at)
                                VALUES (:id, :source, :sourceId, :request, :card, :device, :ip, :at)
                                ON CONFLICT (source, source_id) DO NOTHING
                                """)
                        .param("id", UUID.randomUUID())
                        .param("source", source.name())
                        .param("sourceId", sourceId)
                        .param("request", paymentRequestId)
                        .param("card", values.card().orElse(null))
                        .param("device", values.device().orElse(null))
                        .param("ip", values.ipAddress().orElse(null))
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Whether a payment with this card fingerprint was disputed, or had an early fraud warning. */
    public CardFeedback ofCard(String cardFingerprint) {
        return jdbc.sql("""
                SELECT coalesce(bool_or(source = 'DISPUTE'), false) AS disputes,
                       coalesce(bool_or(source = 'EARLY_FRAUD_WARNING'), false) AS warnings
                FROM fraud_feedback WHERE card_fingerprint = :card
                """)
                .param("card", cardFingerprint)
                .query((rs, row) -> new CardFeedback(rs.getBoolean("disputes"), rs.getBoolean("warnings")))
                .single();
    }
}

package io.freightgate.fraud;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An early fraud warning as FreightGate applied it: the payment it flags, what the rules in force made of it, and
 * where the proactive refund stands.
 *
 * @param holdPayout whether a {@code hold_payout} rule fired (the default {@code hold_payout if :early_fraud_warning:})
 * @param explanations the rules that fired, with the values they saw
 * @param refund {@link Refund#RECOMMENDED} until a person or the policy refunds
 */
public record EarlyFraudWarningView(
        String warningId,
        String chargeId,
        Optional<String> paymentIntentId,
        Optional<PaymentRequestId> paymentRequestId,
        Optional<TenantId> carrier,
        Optional<Money> amount,
        String fraudType,
        boolean actionable,
        boolean holdPayout,
        List<String> explanations,
        Refund refund,
        Optional<String> refundDetail,
        Instant createdAtStripe,
        Instant receivedAt,
        Instant updatedAt) {

    /** The proactive refund of the warned payment. */
    public enum Refund {
        /** A refund is recommended before the warning becomes a dispute; nobody made it yet. */
        RECOMMENDED,
        /** Not actionable (already refunded or disputed at Stripe), or the payment is unknown here. */
        NOT_RECOMMENDED,
        /** The policy's refund is being made. */
        REFUNDING,
        /** Refunded with reason {@code fraudulent}. */
        REFUNDED,
        /** Stripe's answer to the refund is not known yet; billing reconciles it (do not refund again). */
        UNCONFIRMED,
        /** The charge is disputed already ({@code charge_disputed}): the dispute case decides the money. */
        HANDED_TO_DISPUTE,
        /** The refund was refused for another reason (refundDetail). */
        FAILED
    }
}

package io.freightgate.fraud;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;

/**
 * The card issuer reported the payment's charge as fraudulent before any dispute (Stripe's
 * {@code radar.early_fraud_warning.created}), applied once per warning. The carrier's payouts are held and a proactive
 * refund is recommended (or made, by policy).
 *
 * @param warningId Stripe's {@code issfr_...} id
 * @param fraudType the issuer's {@code fraud_type} (for example {@code made_with_stolen_card})
 * @param actionable whether a refund can still prevent the dispute (Stripe's {@code actionable})
 */
public record EarlyFraudWarningReceived(
        String warningId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        String chargeId,
        String fraudType,
        boolean actionable) {}

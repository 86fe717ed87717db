package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import java.util.Optional;
import java.util.UUID;

/**
 * What transfers and payouts read of a payment request, as the caller's transaction sees it: its carrier, amounts,
 * state, the charge that paid it and whether screening let its payment through. {@code status} is the stored state
 * (never {@code OVERDUE}, which only views derive).
 */
public record BilledRequest(
        PaymentRequestId id,
        UUID carrier,
        String loadReference,
        Optional<UUID> loadId,
        Money amount,
        Money amountPaid,
        Money amountRefunded,
        PaymentRequestStatus status,
        Optional<String> stripeChargeId,
        boolean screeningAllowed) {

    /** The Stripe {@code transfer_group} of a request's charge and of every transfer made from it. */
    public static String transferGroup(PaymentRequestId paymentRequestId) {
        return "payment_request_" + paymentRequestId;
    }
}

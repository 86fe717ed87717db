package io.freightgate.billing.internal.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A PaymentIntent as Stripe last described it, read from JSON (API response or re-fetch), with its latest charge.
 *
 * @param captureBefore when an uncaptured authorization expires ({@code payment_method_details.card.capture_before})
 * @param declineCode Stripe's {@code decline_code} (or {@code code} when there is none) of the last payment error
 * @param chargeFeeMinor Stripe's fee on the latest charge, from its balance transaction once Stripe has one
 * @param radar Radar's outcome and the 3-D Secure result of the latest charge, when it was read expanded
 */
public record PaymentIntentSnapshot(
        String id,
        String status,
        long amount,
        long amountReceived,
        long amountCapturable,
        String currency,
        Optional<String> latestChargeId,
        Optional<String> nextActionUrl,
        Optional<String> declineCode,
        Optional<String> failureMessage,
        Optional<Instant> captureBefore,
        Optional<String> attemptId,
        Optional<String> paymentMethodId,
        Optional<Long> chargeFeeMinor,
        ChargeRadar radar) {

    /** A snapshot without the charge's Radar outcome. */
    public PaymentIntentSnapshot(
            String id,
            String status,
            long amount,
            long amountReceived,
            long amountCapturable,
            String currency,
            Optional<String> latestChargeId,
            Optional<String> nextActionUrl,
            Optional<String> declineCode,
            Optional<String> failureMessage,
            Optional<Instant> captureBefore,
            Optional<String> attemptId,
            Optional<String> paymentMethodId,
            Optional<Long> chargeFeeMinor) {
        this(
                id,
                status,
                amount,
                amountReceived,
                amountCapturable,
                currency,
                latestChargeId,
                nextActionUrl,
                declineCode,
                failureMessage,
                captureBefore,
                attemptId,
                paymentMethodId,
                chargeFeeMinor,
                ChargeRadar.NONE);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public boolean authorized() {
        return "requires_capture".equals(status);
    }

    public boolean awaitingCustomer() {
        return "requires_action".equals(status) || "requires_confirmation".equals(status);
    }

    public boolean processing() {
        return "processing".equals(status);
    }

    public boolean failed() {
        return "requires_payment_method".equals(status) && (declineCode.isPresent() || failureMessage.isPresent());
    }

    public boolean canceled() {
        return "canceled".equals(status);
    }
}

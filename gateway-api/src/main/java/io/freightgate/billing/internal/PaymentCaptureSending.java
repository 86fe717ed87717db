package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Capturing an authorization in full, as a recorded Stripe call (operation {@value #OPERATION}). */
@Component
public class PaymentCaptureSending extends PaymentIntentChange {

    /** The operation type of a capture in {@link StripeCalls}. */
    public static final String OPERATION = "payment.capture";

    PaymentCaptureSending(
            PaymentAttemptRecords attempts,
            PaymentSynchronizer synchronizer,
            StripePayments stripe,
            SystemAccess systemAccess,
            StripeCalls calls) {
        super(attempts, synchronizer, stripe, systemAccess, calls);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    String key(PaymentAttempt attempt) {
        return attempt.captureKey();
    }

    @Override
    Optional<UUID> callOf(PaymentAttempt attempt) {
        return attempt.captureCallId();
    }

    @Override
    void point(PaymentAttempt attempt, UUID callId) {
        attempt.capturingThrough(callId);
    }

    /** An authorization is captured only once fraud screening cleared it (ADR 0013). */
    @Override
    void permit(PaymentAttempt attempt) {
        if (!attempt.clearedForCapture()) {
            throw new IllegalStateException("The authorization of attempt " + attempt.id()
                    + " is not cleared by fraud screening ("
                    + attempt.authorizationVerdict().map(Enum::name).orElse("not screened")
                    + "); it is captured only when screening allows it or a review approves it");
        }
    }

    @Override
    ProviderOutcome<PaymentIntentSnapshot> call(String paymentIntentId, String idempotencyKey) {
        return stripe.capture(paymentIntentId, idempotencyKey);
    }

    @Override
    boolean done(PaymentIntentSnapshot intent) {
        return !intent.authorized();
    }

    @Override
    ProviderOutcome<PaymentIntentSnapshot> outcome(PaymentIntentSnapshot intent) {
        return intent.succeeded()
                ? new ProviderOutcome.Approved<>(intent)
                : new ProviderOutcome.Declined<>(
                        "payment_intent_unexpected_state",
                        "PaymentIntent " + intent.id() + " is " + intent.status() + ", not captured");
    }
}

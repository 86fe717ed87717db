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

/** Cancelling a PaymentIntent (releasing an authorization), as a recorded Stripe call (operation {@value #OPERATION}). */
@Component
public class PaymentCancelSending extends PaymentIntentChange {

    /** The operation type of a cancel in {@link StripeCalls}. */
    public static final String OPERATION = "payment.cancel";

    PaymentCancelSending(
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
        return attempt.cancelKey();
    }

    @Override
    Optional<UUID> callOf(PaymentAttempt attempt) {
        return attempt.cancelCallId();
    }

    @Override
    void point(PaymentAttempt attempt, UUID callId) {
        attempt.cancelingThrough(callId);
    }

    @Override
    ProviderOutcome<PaymentIntentSnapshot> call(String paymentIntentId, String idempotencyKey) {
        return stripe.cancel(paymentIntentId, idempotencyKey);
    }

    @Override
    boolean done(PaymentIntentSnapshot intent) {
        return !intent.authorized();
    }

    @Override
    ProviderOutcome<PaymentIntentSnapshot> outcome(PaymentIntentSnapshot intent) {
        return intent.canceled()
                ? new ProviderOutcome.Approved<>(intent)
                : new ProviderOutcome.Declined<>(
                        "payment_intent_unexpected_state",
                        "PaymentIntent " + intent.id() + " is " + intent.status() + ", not canceled");
    }
}

package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCallLookup;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import java.util.UUID;

/**
 * A change to an existing PaymentIntent (capturing or cancelling an authorization) as a recorded Stripe call: the
 * intent is recorded and committed (the attempt points to it), Stripe is called with the change's idempotency key, and
 * the PaymentIntent Stripe answers with is applied to the attempt and the request (the synchronizer) and recorded on
 * the call. A change whose answer was lost is settled by the janitor through this {@link StripeCallLookup}: it reads the
 * PaymentIntent; when it still waits for the change ({@code requires_capture}) the change is sent again with its key
 * (a capture or a cancel can only happen once to a PaymentIntent, so a repeat after Stripe's idempotency window cannot
 * move money twice), else the PaymentIntent as it is settles the call.
 */
abstract class PaymentIntentChange implements StripeCallLookup<PaymentIntentSnapshot> {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("PaymentIntentChange on its own authority");

    private final PaymentAttemptRecords attempts;
    private final PaymentSynchronizer synchronizer;
    private final SystemAccess systemAccess;
    private final StripeCalls calls;
    final StripePayments stripe;

    PaymentIntentChange(
            PaymentAttemptRecords attempts,
            PaymentSynchronizer synchronizer,
            StripePayments stripe,
            SystemAccess systemAccess,
            StripeCalls calls) {
        this.attempts = attempts;
        this.synchronizer = synchronizer;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.calls = calls;
    }

    /** The change's idempotency key for the attempt. */
    abstract String key(PaymentAttempt attempt);

    /** The attempt's call of this change, if recorded. */
    abstract Optional<UUID> callOf(PaymentAttempt attempt);

    /** Points the attempt to its call of this change. */
    abstract void point(PaymentAttempt attempt, UUID callId);

    /** Calls Stripe for the change. */
    abstract ProviderOutcome<PaymentIntentSnapshot> call(String paymentIntentId, String idempotencyKey);

    /** Whether the PaymentIntent shows the change made (or no longer possible): then it settles the call. */
    abstract boolean done(PaymentIntentSnapshot intent);

    /** What the PaymentIntent, once changed, says of the call. */
    abstract ProviderOutcome<PaymentIntentSnapshot> outcome(PaymentIntentSnapshot intent);

    /**
     * Refuses (with {@link IllegalStateException}) a change the attempt does not allow now. Checked in the transaction
     * that records the call, on the attempt row that transaction writes (a concurrent verdict conflicts with it).
     */
    void permit(PaymentAttempt attempt) {}

    private record Planned(UUID callId, String paymentIntentId, String key) {}

    /** Records the change as a Stripe call (once), commits, sends it and records what it came to. */
    public ProviderOutcome<PaymentIntentSnapshot> send(PaymentAttemptId attemptId) {
        // a webhook may update the attempt at this moment: the loser runs again on the fresh row
        Planned planned = OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, operation() + " of attempt " + attemptId, () -> {
                    PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
                    UUID callId = callOf(attempt).orElse(null);
                    if (callId == null) {
                        permit(attempt);
                        callId = calls.intend(
                                attempt.tenantId(), operation(), attempt.id().toString(), key(attempt));
                        point(attempt, callId);
                    }
                    return new Planned(callId, attempt.stripePaymentIntentId().orElseThrow(), key(attempt));
                }));
        var outcome = calls.send(() -> call(planned.paymentIntentId(), planned.key()));
        settle(planned.callId(), attemptId, outcome);
        return outcome;
    }

    private void settle(UUID callId, PaymentAttemptId attemptId, ProviderOutcome<PaymentIntentSnapshot> outcome) {
        if (outcome instanceof ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot intent)) {
            synchronizer.apply(attemptId, intent);
        }
        OnConflict.retry(() -> systemAccess.transaction(ACROSS_TENANTS, "record " + operation(), () -> {
            calls.record(
                    callId,
                    outcome instanceof ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot intent)
                            ? outcome(intent)
                            : outcome,
                    PaymentIntentSnapshot::id);
            return null;
        }));
    }

    private String paymentIntentOf(StripeCall call) {
        PaymentAttemptId attemptId = PaymentAttemptId.of(call.businessKey());
        return systemAccess.transaction(ACROSS_TENANTS, "read attempt " + attemptId, () -> attempts.find(attemptId)
                .flatMap(PaymentAttempt::stripePaymentIntentId)
                .orElseThrow());
    }

    @Override
    public ProviderOutcome<Optional<PaymentIntentSnapshot>> lookUp(StripeCall call) {
        return switch (stripe.retrieve(paymentIntentOf(call))) {
            case ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot intent) ->
                new ProviderOutcome.Approved<>(done(intent) ? Optional.of(intent) : Optional.empty());
            case ProviderOutcome.Declined<PaymentIntentSnapshot> d ->
                new ProviderOutcome.Declined<>(d.code(), d.message());
            case ProviderOutcome.Pending<PaymentIntentSnapshot> p -> new ProviderOutcome.Pending<>(p.reason());
            case ProviderOutcome.Unknown<PaymentIntentSnapshot> u -> new ProviderOutcome.Unknown<>(u.reason());
            case ProviderOutcome.NotAttempted<PaymentIntentSnapshot> n ->
                new ProviderOutcome.NotAttempted<>(n.reason());
        };
    }

    @Override
    public ProviderOutcome<PaymentIntentSnapshot> resend(StripeCall call) {
        return call(paymentIntentOf(call), call.idempotencyKey());
    }

    @Override
    public void settle(StripeCall call, ProviderOutcome<PaymentIntentSnapshot> outcome) {
        settle(call.id(), PaymentAttemptId.of(call.businessKey()), outcome);
    }

    @Override
    public String objectId(PaymentIntentSnapshot result) {
        return result.id();
    }
}

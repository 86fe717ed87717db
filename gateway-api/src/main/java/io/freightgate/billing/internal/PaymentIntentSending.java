package io.freightgate.billing.internal;

import io.freightgate.billing.PaymentAttemptFailed;
import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCallLookup;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creates and confirms an attempt's PaymentIntent as a recorded Stripe call ({@link StripeCalls}, operation
 * {@value #OPERATION}): the intent is recorded and committed (the attempt points to it), Stripe is called with the
 * attempt's idempotency key, and the outcome is recorded with its effect on the attempt and the request (a PaymentIntent
 * by its state: succeeded or authorized approved, failed or canceled declined, else pending). A creation
 * whose answer was lost (or a PaymentIntent still pending at Stripe: a SEPA debit processing, 3-D Secure to complete) is
 * settled by the {@link io.freightgate.platform.stripe.calls.StripeCallJanitor} through this class's
 * {@link StripeCallLookup}: the PaymentIntent is read by its id when the attempt knows it, else found among the
 * PaymentIntents created between the intent and the last send by its {@code freightgate_payment_attempt} metadata; only when Stripe has
 * none is the creation sent again, with the same key and parameters.
 */
@Component
public class PaymentIntentSending implements StripeCallLookup<PaymentIntentSnapshot> {

    /** The operation type of a PaymentIntent's creation in {@link StripeCalls}. */
    public static final String OPERATION = "payment.create";

    /** How long before the recorded intent the look-up lists PaymentIntents (clocks of two machines differ). */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(10);

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("PaymentIntentSending on its own authority");

    private final PaymentRequestRecords requests;
    private final PaymentAttemptRecords attempts;
    private final PaymentSynchronizer synchronizer;
    private final StripePayments stripe;
    private final SystemAccess systemAccess;
    private final StripeCalls calls;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentIntentSending(
            PaymentRequestRecords requests,
            PaymentAttemptRecords attempts,
            PaymentSynchronizer synchronizer,
            StripePayments stripe,
            SystemAccess systemAccess,
            StripeCalls calls,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.attempts = attempts;
        this.synchronizer = synchronizer;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.calls = calls;
        this.events = events;
        this.clock = clock;
    }

    private record Planned(UUID callId, StripePayments.IntentCall call) {}

    /**
     * Records the attempt's PaymentIntent creation as a Stripe call (once: a later send keeps the first record) and
     * commits it, then sends it and records the outcome. Returns Stripe's answer.
     */
    public ProviderOutcome<PaymentIntentSnapshot> send(PaymentAttemptId attemptId) {
        Planned planned = plan(attemptId, true);
        var outcome = calls.send(() -> stripe.createIntent(planned.call()));
        settle(planned.callId(), attemptId, outcome);
        return outcome;
    }

    private Planned plan(PaymentAttemptId attemptId, boolean intend) {
        return systemAccess.transaction(ACROSS_TENANTS, "prepare PaymentIntent of attempt " + attemptId, () -> {
            PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
            PaymentRequest request = requests.find(attempt.paymentRequestId()).orElseThrow();
            UUID callId = attempt.callId().orElse(null);
            if (callId == null) {
                if (!intend) {
                    throw new IllegalStateException("Payment attempt " + attemptId + " has no Stripe call");
                }
                if (attempt.outcome().settled()) {
                    throw new IllegalStateException(
                            "Payment attempt " + attemptId + " was given up before it was sent; pay again");
                }
                callId =
                        calls.intend(attempt.tenantId(), OPERATION, attempt.id().toString(), attempt.idempotencyKey());
                attempt.sendingThrough(callId);
            }
            return new Planned(
                    callId,
                    new StripePayments.IntentCall(
                            request.id(),
                            attempt.id(),
                            request.tenantId(),
                            request.shipperId(),
                            attempt.idempotencyKey(),
                            attempt.amountMinor(),
                            attempt.currency(),
                            attempt.method() == PaymentAttempt.Method.SEPA_DEBIT,
                            attempt.manualCapture(),
                            attempt.stripePaymentMethodId().orElseThrow(),
                            attempt.returnUrl(),
                            request.loadReference(),
                            "Load " + request.loadReference() + ": " + request.origin() + " - " + request.destination(),
                            attempt.mandate()
                                    .map(m -> new StripePayments.Mandate(m.ipAddress(), m.userAgent(), m.acceptedAt())),
                            attempt.requestThreeDSecure()));
        });
    }

    /**
     * Applies an answer to the attempt and records it on its call: a PaymentIntent is applied by the synchronizer
     * (which records the call with it); a refusal or a call never made ends the attempt and opens the request again;
     * no answer leaves the attempt {@code UNKNOWN} for the janitor.
     */
    private void settle(UUID callId, PaymentAttemptId attemptId, ProviderOutcome<PaymentIntentSnapshot> outcome) {
        if (outcome instanceof ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot intent)) {
            synchronizer.apply(attemptId, intent);
            OnConflict.retry(
                    () -> systemAccess.transaction(ACROSS_TENANTS, "record PaymentIntent " + intent.id(), () -> {
                        calls.record(callId, PaymentSynchronizer.outcome(intent), PaymentIntentSnapshot::id);
                        return null;
                    }));
            return;
        }
        OnConflict.retry(() -> systemAccess.transaction(ACROSS_TENANTS, "record payment attempt " + attemptId, () -> {
            calls.record(callId, outcome, PaymentIntentSnapshot::id);
            PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
            var now = clock.instant();
            switch (outcome) {
                case ProviderOutcome.Declined<PaymentIntentSnapshot> declined -> {
                    if (!attempt.outcome().settled()) {
                        attempt.declined(Optional.empty(), declined.code(), declined.message(), now);
                        reopen(attempt, true);
                    }
                }
                case ProviderOutcome.NotAttempted<PaymentIntentSnapshot> notAttempted -> {
                    if (!attempt.outcome().settled()) {
                        attempt.notAttempted(notAttempted.reason(), now);
                        reopen(attempt, false);
                    }
                }
                case ProviderOutcome.Pending<PaymentIntentSnapshot> pending -> attempt.unknown(pending.reason(), now);
                case ProviderOutcome.Unknown<PaymentIntentSnapshot> unknown -> attempt.unknown(unknown.reason(), now);
                case ProviderOutcome.Approved<PaymentIntentSnapshot> approved -> {}
            }
            return null;
        }));
    }

    /**
     * Gives up attempts begun before {@code before} that never reached Stripe: the process stopped between beginning the
     * attempt and recording its PaymentIntent call (during screening, or while a SEPA payment method was made). Without
     * a call nothing was sent (the call is recorded and committed before any send), so the attempt ends
     * {@code NOT_ATTEMPTED} and the request is payable again; a payment still in that window when this runs is refused
     * before it is sent. Returns how many were given up.
     */
    public int abandonUnsent(Instant before) {
        return systemAccess.transaction(ACROSS_TENANTS, "give up payment attempts never sent to Stripe", () -> {
            List<PaymentAttempt> unsent =
                    attempts.findByOutcomeAndCallIdIsNullAndCreatedAtBefore(AttemptOutcome.PENDING, before);
            Instant now = clock.instant();
            for (PaymentAttempt attempt : unsent) {
                attempt.notAttempted("Never sent to Stripe: the gateway stopped before the payment was sent", now);
                reopen(attempt, false);
            }
            return unsent.size();
        });
    }

    /** The attempt ended without money moving: the request is payable again. */
    private void reopen(PaymentAttempt attempt, boolean publish) {
        PaymentRequest request = requests.find(attempt.paymentRequestId()).orElseThrow();
        if (request.attemptFailed(attempt.id(), clock.instant()) && publish) {
            events.publishEvent(new PaymentAttemptFailed(
                    request.id(),
                    attempt.id(),
                    request.carrier(),
                    request.shipper(),
                    attempt.declineCode().orElse("declined")));
        }
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public ProviderOutcome<Optional<PaymentIntentSnapshot>> lookUp(StripeCall call) {
        PaymentAttemptId attemptId = PaymentAttemptId.of(call.businessKey());
        Optional<String> known =
                systemAccess.transaction(ACROSS_TENANTS, "read attempt " + attemptId, () -> attempts.find(attemptId)
                        .flatMap(PaymentAttempt::stripePaymentIntentId));
        if (known.isPresent()) {
            return switch (stripe.retrieve(known.get())) {
                case ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot intent) ->
                    new ProviderOutcome.Approved<>(Optional.of(intent));
                case ProviderOutcome.Declined<PaymentIntentSnapshot> d ->
                    new ProviderOutcome.Declined<>(d.code(), d.message());
                case ProviderOutcome.Pending<PaymentIntentSnapshot> p -> new ProviderOutcome.Pending<>(p.reason());
                case ProviderOutcome.Unknown<PaymentIntentSnapshot> u -> new ProviderOutcome.Unknown<>(u.reason());
                case ProviderOutcome.NotAttempted<PaymentIntentSnapshot> n ->
                    new ProviderOutcome.NotAttempted<>(n.reason());
            };
        }
        // made by a send, so between the intent and the last send (each with a margin for the clocks of two machines)
        Instant lastSent = Objects.requireNonNullElse(call.lastSentAt(), call.intendedAt());
        return stripe.findIntent(attemptId, call.intendedAt().minus(CLOCK_MARGIN), lastSent.plus(CLOCK_MARGIN));
    }

    @Override
    public ProviderOutcome<PaymentIntentSnapshot> resend(StripeCall call) {
        Planned planned = plan(PaymentAttemptId.of(call.businessKey()), false);
        return stripe.createIntent(planned.call());
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

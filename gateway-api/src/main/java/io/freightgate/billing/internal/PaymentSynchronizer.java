package io.freightgate.billing.internal;

import io.freightgate.billing.PaidRequestCommitted;
import io.freightgate.billing.PaymentAttemptFailed;
import io.freightgate.billing.PaymentCollected;
import io.freightgate.billing.PaymentRequestPaid;
import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies Stripe's view of a PaymentIntent to its attempt and payment request, in one transaction through the audited
 * system path (a webhook or job does not know the tenant beforehand), and publishes {@link PaymentRequestPaid} and
 * {@link PaymentAttemptFailed} on those transitions, in the same transaction. Applying the same snapshot twice changes
 * nothing the second time, and a snapshot of an attempt that is no longer current does not touch the request.
 */
@Component
public class PaymentSynchronizer {

    private static final Logger log = LoggerFactory.getLogger(PaymentSynchronizer.class);

    private final PaymentRequestRecords requests;
    private final PaymentAttemptRecords attempts;
    private final PaymentRefundRecords refunds;
    private final StripePayments stripe;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LedgerPostings postings;
    private final RefundOutcomes refundOutcomes;

    PaymentSynchronizer(
            PaymentRequestRecords requests,
            PaymentAttemptRecords attempts,
            PaymentRefundRecords refunds,
            StripePayments stripe,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock,
            LedgerPostings postings,
            RefundOutcomes refundOutcomes) {
        this.postings = postings;
        this.refundOutcomes = refundOutcomes;
        this.requests = requests;
        this.attempts = attempts;
        this.refunds = refunds;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies the snapshot to the attempt; returns what changed on the request. A request that became paid publishes
     * {@link PaymentCollected} in the same transaction (transfers creates the carrier's transfer and posts the payment
     * journal then) and {@link PaidRequestCommitted} after the commit (transfers offers the transfer to the release
     * policy).
     */
    public PaymentRequest.Change apply(PaymentAttemptId attemptId, PaymentIntentSnapshot intent) {
        PaymentRequest.Change applied = applyInTransaction(attemptId, intent);
        if (applied == PaymentRequest.Change.AUTHORIZED
                || applied == PaymentRequest.Change.PAID
                || (applied == PaymentRequest.Change.FAILED && intent.radar().blockedByRadar())) {
            // the screening after the authorization (AfterAuthorization), in this thread after the commit
            events.publishEvent(new AuthorizationObtained(attemptId, intent, applied));
        }
        if (applied == PaymentRequest.Change.PAID) {
            systemAccess
                    .call(
                            "find the request of attempt " + attemptId,
                            () -> transactions.execute(
                                    status -> attempts.find(attemptId).map(PaymentAttempt::paymentRequestId)))
                    .ifPresent(requestId -> events.publishEvent(new PaidRequestCommitted(requestId)));
        }
        return applied;
    }

    private PaymentRequest.Change applyInTransaction(PaymentAttemptId attemptId, PaymentIntentSnapshot intent) {
        return OnConflict.retry(() -> systemAccess.call(
                "apply Stripe's state of PaymentIntent " + intent.id(),
                () -> transactions.execute(status -> {
                    PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
                    PaymentRequest request =
                            requests.find(attempt.paymentRequestId()).orElseThrow();
                    var now = clock.instant();
                    attempt.observed(intent, now);
                    PaymentRequest.Change change =
                            request.apply(attemptId, intent, attempt.method() == PaymentAttempt.Method.SEPA_DEBIT, now);
                    publish(change, request, attempt);
                    if (change == PaymentRequest.Change.PAID) {
                        events.publishEvent(new PaymentCollected(
                                request.id(),
                                request.carrier(),
                                request.loadId(),
                                request.loadReference(),
                                request.amountPaid(),
                                request.stripeChargeId()
                                        .orElseGet(() -> intent.latestChargeId().orElseThrow()),
                                attempt.screeningVerdict() == PaymentAttempt.Verdict.REVIEW,
                                now));
                    }
                    postStripeFee(request, intent, now);
                    return change;
                })));
    }

    /**
     * What a PaymentIntent's state says of the call that created it: paid or authorized is approved, failed or canceled
     * declined, anything else (processing, 3-D Secure to complete) pending, which the janitor reads again. (Webhooks and
     * the payment page apply a PaymentIntent without touching the call, as for refunds and transfers: the janitor's next
     * look-up records it.)
     */
    public static ProviderOutcome<PaymentIntentSnapshot> outcome(PaymentIntentSnapshot intent) {
        if (intent.succeeded() || intent.authorized()) {
            return new ProviderOutcome.Approved<>(intent);
        }
        if (intent.failed() || intent.canceled()) {
            return new ProviderOutcome.Declined<>(
                    intent.declineCode().orElse(intent.canceled() ? "canceled" : "declined"),
                    intent.failureMessage().orElse("PaymentIntent " + intent.id() + " is " + intent.status()));
        }
        return new ProviderOutcome.Pending<>("PaymentIntent " + intent.id() + " is " + intent.status());
    }

    /**
     * Re-reads the PaymentIntent from Stripe and applies it (outside any transaction while Stripe is called). Throws
     * when Stripe cannot be reached, so a webhook is retried by the inbox.
     */
    public PaymentRequest.Change refresh(PaymentAttemptId attemptId, String paymentIntentId) {
        return switch (stripe.retrieve(paymentIntentId)) {
            case ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot intent) ->
                apply(attemptId, intent);
            case ProviderOutcome.Declined<PaymentIntentSnapshot> declined -> {
                log.warn(
                        "PaymentIntent {} of attempt {} cannot be read: {}",
                        paymentIntentId,
                        attemptId,
                        declined.message());
                yield PaymentRequest.Change.NONE;
            }
            case ProviderOutcome.Pending<PaymentIntentSnapshot> pending ->
                throw new IllegalStateException("Stripe is busy: " + pending.reason());
            case ProviderOutcome.Unknown<PaymentIntentSnapshot> unknown ->
                throw new IllegalStateException("Stripe did not answer: " + unknown.reason());
            case ProviderOutcome.NotAttempted<PaymentIntentSnapshot> notAttempted ->
                throw new IllegalStateException(notAttempted.reason());
        };
    }

    /** The attempt a PaymentIntent belongs to: by its recorded id, else by the attempt id in its metadata. */
    public Optional<PaymentAttemptId> attemptOf(String paymentIntentId, Optional<String> attemptMetadata) {
        return systemAccess.call(
                "find the payment attempt of PaymentIntent " + paymentIntentId,
                () -> transactions.execute(status -> attempts.findByStripePaymentIntentId(paymentIntentId)
                        .map(PaymentAttempt::id)
                        .or(() -> attemptMetadata
                                .flatMap(PaymentSynchronizer::uuid)
                                .map(PaymentAttemptId::new)
                                .flatMap(attempts::find)
                                .map(PaymentAttempt::id))));
    }

    /**
     * Stripe's current status of a refund FreightGate made: a failed refund makes its amount refundable again; the
     * outcome is published in the transaction ({@link io.freightgate.billing.RefundOutcomeChanged}: transfers posts the
     * ledger and takes back or sends back the carrier's share) and again after the commit
     * ({@link io.freightgate.billing.RefundOutcomeCommitted}: transfers calls Stripe).
     */
    public void refundObserved(
            String refundId, Optional<String> freightgateRefund, String stripeStatus, Optional<String> failure) {
        var recorded = OnConflict.retry(() -> systemAccess.call(
                "apply the state of refund " + refundId,
                () -> transactions.execute(status -> {
                    var refund = refunds.findByStripeRefundId(refundId).or(() -> freightgateRefund
                            .flatMap(PaymentSynchronizer::uuid)
                            .map(PaymentRefundId::new)
                            .flatMap(refunds::find));
                    if (refund.isEmpty()) {
                        return Optional.<PaymentRefundId>empty();
                    }
                    PaymentRefund r = refund.get();
                    AttemptOutcome before = r.outcome();
                    r.observed(refundId, stripeStatus, failure, clock.instant());
                    PaymentRequest request = requests.find(r.paymentRequestId()).orElseThrow();
                    if (before != AttemptOutcome.DECLINED && r.outcome() == AttemptOutcome.DECLINED) {
                        request.releaseRefund(r.amountMinor(), clock.instant());
                    }
                    refundOutcomes.recorded(request, r, before);
                    return Optional.of(r.id());
                })));
        recorded.ifPresent(refundOutcomes::committed);
    }

    /**
     * Stripe's processing fee on a paid request's charge, once a read of the payment carries it (only for the charge
     * that paid the request).
     */
    private void postStripeFee(PaymentRequest request, PaymentIntentSnapshot intent, java.time.Instant now) {
        if (request.amountPaidMinor() <= 0
                || intent.latestChargeId().isEmpty()
                || !intent.latestChargeId().equals(request.stripeChargeId())) {
            return;
        }
        postings.stripeFee(
                request.id(),
                intent.latestChargeId().get(),
                new Money(intent.chargeFeeMinor().orElse(0L), request.amount().currency()),
                now);
    }

    private void publish(PaymentRequest.Change change, PaymentRequest request, PaymentAttempt attempt) {
        TenantId carrier = request.carrier();
        TenantId shipper = request.shipper();
        switch (change) {
            case PAID ->
                events.publishEvent(new PaymentRequestPaid(
                        request.id(),
                        carrier,
                        shipper,
                        request.amountPaid(),
                        attempt.method().name(),
                        request.stripeChargeId().orElse(""),
                        request.reclaimableUntil()));
            case FAILED ->
                events.publishEvent(new PaymentAttemptFailed(
                        request.id(),
                        attempt.id(),
                        carrier,
                        shipper,
                        attempt.declineCode().orElse("failed")));
            default -> {}
        }
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

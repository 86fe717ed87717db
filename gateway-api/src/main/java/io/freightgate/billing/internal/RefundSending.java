package io.freightgate.billing.internal;

import io.freightgate.billing.RefundOutcomeChanged;
import io.freightgate.billing.RefundOutcomeCommitted;
import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends recorded refunds to Stripe and records Stripe's answer (the facade {@code Payments} records the intent and
 * reserves the amount first); repeats those whose answer was lost.
 */
@Component
public class RefundSending {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("RefundSending on its own authority");

    private static final Logger log = LoggerFactory.getLogger(RefundSending.class);

    /** How long a refund whose answer was lost may be sent again (Stripe keeps idempotency keys about 24 hours). */
    static final java.time.Duration REPEATABLE_FOR = java.time.Duration.ofHours(23);

    private final PaymentRequestRecords requests;
    private final PaymentRefundRecords refunds;
    private final RefundOutcomes refundOutcomes;
    private final StripePayments stripe;
    private final SystemAccess systemAccess;
    private final Clock clock;

    RefundSending(
            PaymentRequestRecords requests,
            PaymentRefundRecords refunds,
            RefundOutcomes refundOutcomes,
            StripePayments stripe,
            SystemAccess systemAccess,
            Clock clock) {
        this.requests = requests;
        this.refunds = refunds;
        this.refundOutcomes = refundOutcomes;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /**
     * Calls Stripe for a recorded refund (again, when its answer was lost: {@code repeat}) and records the answer. A
     * repeat first looks for the refund at Stripe by its {@code freightgate_refund} metadata and calls again, with the
     * same idempotency key, only when Stripe has none and the refund is younger than {@link #REPEATABLE_FOR}. The outcome is
     * published in the transaction that records it ({@link RefundOutcomeChanged}: transfers posts the ledger and plans
     * taking back the carrier's share when the transfer was made) and after its commit
     * ({@link RefundOutcomeCommitted}: transfers sends the reversal to Stripe).
     */
    public ProviderOutcome<StripePayments.RefundResult> send(UUID refundId, boolean repeat) {
        record Planned(
                UUID requestId, String intent, long amountMinor, String key, boolean repeat, Instant createdAt) {}
        Planned planned = systemAccess.transaction(ACROSS_TENANTS, "read refund " + refundId, () -> {
            PaymentRefund refund = refunds.findById(refundId).orElseThrow();
            String intent = requests.findById(refund.paymentRequestId())
                    .flatMap(PaymentRequest::stripePaymentIntentId)
                    .orElseThrow();
            return new Planned(
                    refund.paymentRequestId(),
                    intent,
                    refund.amountMinor(),
                    refund.idempotencyKey(),
                    repeat,
                    refund.createdAt());
        });
        ProviderOutcome<StripePayments.RefundResult> outcome;
        if (planned.repeat()) {
            // A repeat first asks Stripe whether the refund exists: Stripe keeps idempotency keys for about a day only,
            // so after that a repeated call could refund twice.
            var found = stripe.findRefund(planned.intent(), refundId);
            if (found instanceof ProviderOutcome.Approved<Optional<StripePayments.RefundResult>>(var existing)
                    && existing.isPresent()) {
                outcome = new ProviderOutcome.Approved<>(existing.get());
            } else if (!(found instanceof ProviderOutcome.Approved)) {
                return new ProviderOutcome.Unknown<>("Stripe could not list the refunds of " + planned.intent());
            } else if (planned.createdAt().isBefore(clock.instant().minus(REPEATABLE_FOR))) {
                log.error(
                        "Refund {} of payment request {} has had no answer from Stripe for more than {} and Stripe"
                                + " shows no such refund; it is not repeated (an operator must decide)",
                        refundId,
                        planned.requestId(),
                        REPEATABLE_FOR);
                return new ProviderOutcome.Unknown<>("Not repeated after " + REPEATABLE_FOR);
            } else {
                outcome = stripe.refund(planned.intent(), planned.amountMinor(), refundId, planned.key());
            }
        } else {
            outcome = stripe.refund(planned.intent(), planned.amountMinor(), refundId, planned.key());
        }
        var finalOutcome = outcome;
        OnConflict.retry(() -> systemAccess.transaction(ACROSS_TENANTS, "record refund " + refundId, () -> {
            PaymentRefund stored = refunds.findById(refundId).orElseThrow();
            PaymentRequest request = requests.findById(planned.requestId()).orElseThrow();
            AttemptOutcome before = stored.outcome();
            switch (finalOutcome) {
                case ProviderOutcome.Approved<StripePayments.RefundResult>(StripePayments.RefundResult result) -> {
                    stored.observed(result.id(), result.status(), result.failureReason(), clock.instant());
                    if (stored.outcome() == AttemptOutcome.DECLINED && before != AttemptOutcome.DECLINED) {
                        request.releaseRefund(stored.amountMinor(), clock.instant());
                    }
                }
                case ProviderOutcome.Declined<StripePayments.RefundResult> declined -> {
                    if (before != AttemptOutcome.DECLINED && before != AttemptOutcome.APPROVED) {
                        stored.declined(declined.message(), clock.instant());
                        request.releaseRefund(stored.amountMinor(), clock.instant());
                    }
                }
                default -> {
                    if (before != AttemptOutcome.APPROVED && before != AttemptOutcome.DECLINED) {
                        stored.unknown("Stripe did not answer; the refund will be reconciled", clock.instant());
                    }
                }
            }
            refundOutcomes.recorded(request, stored, before);
            return null;
        }));
        refundOutcomes.committed(refundId);
        return outcome;
    }

    /**
     * Repeats the refunds whose Stripe answer was lost (outcome {@code UNKNOWN}, untouched for {@code minimumAge}) with
     * their own idempotency keys, so Stripe answers with the refund it made (or makes it once). Returns how many were
     * repeated.
     */
    public int reconcile(java.time.Duration minimumAge) {
        List<UUID> unknown = systemAccess.transaction(
                ACROSS_TENANTS,
                "find refunds with unknown outcomes",
                () -> refunds.unsettledBefore(clock.instant().minus(minimumAge)).stream()
                        .limit(100)
                        .map(PaymentRefund::id)
                        .toList());
        for (UUID refundId : unknown) {
            try {
                send(refundId, true);
            } catch (RuntimeException e) {
                log.warn("Refund {} could not be reconciled now: {}", refundId, e.getMessage());
            }
        }
        return unknown.size();
    }
}

package io.freightgate.billing.internal;

import io.freightgate.billing.RefundOutcomeChanged;
import io.freightgate.billing.RefundOutcomeCommitted;
import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCallLookup;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sends recorded refunds to Stripe and records Stripe's answer (the facade {@code Payments} records the intent, with
 * its {@link StripeCalls} record, and reserves the amount first). A refund whose answer was lost is settled by the
 * {@link io.freightgate.platform.stripe.calls.StripeCallJanitor} through this class's {@link StripeCallLookup}: it is
 * looked up among the PaymentIntent's refunds by its {@code freightgate_refund} metadata and sent again, with the same
 * idempotency key, only when Stripe has none and Stripe's idempotency window has not passed (after it, an operator
 * decides).
 */
@Component
public class RefundSending implements StripeCallLookup<StripePayments.RefundResult> {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("RefundSending on its own authority");

    /** The operation type of a refund in {@link StripeCalls}. */
    public static final String OPERATION = "refund.create";

    private final PaymentRequestRecords requests;
    private final PaymentRefundRecords refunds;
    private final RefundOutcomes refundOutcomes;
    private final StripePayments stripe;
    private final SystemAccess systemAccess;
    private final StripeCalls calls;
    private final Clock clock;

    RefundSending(
            PaymentRequestRecords requests,
            PaymentRefundRecords refunds,
            RefundOutcomes refundOutcomes,
            StripePayments stripe,
            SystemAccess systemAccess,
            StripeCalls calls,
            Clock clock) {
        this.requests = requests;
        this.refunds = refunds;
        this.refundOutcomes = refundOutcomes;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.calls = calls;
        this.clock = clock;
    }

    /** In the transaction that records the refund's intent: its Stripe call, which the refund points to. */
    public void intend(PaymentRefund refund) {
        refund.sendingThrough(
                calls.intend(refund.tenantId(), OPERATION, refund.id().toString(), refund.idempotencyKey()));
    }

    private record Planned(
            PaymentRequestId requestId,
            String intent,
            long amountMinor,
            String key,
            UUID callId,
            Optional<String> stripeReason) {}

    /** The reasons Stripe's refunds know; any other reason stays FreightGate's own. */
    private static final Set<String> STRIPE_REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    private Planned plan(PaymentRefundId refundId) {
        return systemAccess.transaction(ACROSS_TENANTS, "read refund " + refundId, () -> {
            PaymentRefund refund = refunds.find(refundId).orElseThrow();
            String intent = requests.find(refund.paymentRequestId())
                    .flatMap(PaymentRequest::stripePaymentIntentId)
                    .orElseThrow();
            return new Planned(
                    refund.paymentRequestId(),
                    intent,
                    refund.amountMinor(),
                    refund.idempotencyKey(),
                    refund.callId().orElseThrow(),
                    refund.reason().filter(STRIPE_REASONS::contains));
        });
    }

    /**
     * Calls Stripe for a recorded refund and records the answer. The outcome is published in the transaction that
     * records it ({@link RefundOutcomeChanged}: transfers posts the ledger and plans taking back the carrier's share when
     * the transfer was made) and after its commit ({@link RefundOutcomeCommitted}: transfers sends the reversal to
     * Stripe).
     */
    public ProviderOutcome<StripePayments.RefundResult> send(PaymentRefundId refundId) {
        Planned planned = plan(refundId);
        var outcome = calls.send(() -> stripe.refund(
                planned.intent(), planned.amountMinor(), refundId, planned.key(), planned.stripeReason()));
        record(refundId, planned.callId(), outcome);
        return outcome;
    }

    private void record(PaymentRefundId refundId, UUID callId, ProviderOutcome<StripePayments.RefundResult> outcome) {
        OnConflict.retry(() -> systemAccess.transaction(ACROSS_TENANTS, "record refund " + refundId, () -> {
            calls.record(callId, outcome, StripePayments.RefundResult::id);
            PaymentRefund stored = refunds.find(refundId).orElseThrow();
            PaymentRequest request = requests.find(stored.paymentRequestId()).orElseThrow();
            AttemptOutcome before = stored.outcome();
            switch (outcome) {
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
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public ProviderOutcome<Optional<StripePayments.RefundResult>> lookUp(StripeCall call) {
        PaymentRefundId refundId = PaymentRefundId.of(call.businessKey());
        return stripe.findRefund(plan(refundId).intent(), refundId);
    }

    @Override
    public ProviderOutcome<StripePayments.RefundResult> resend(StripeCall call) {
        PaymentRefundId refundId = PaymentRefundId.of(call.businessKey());
        Planned planned = plan(refundId);
        return stripe.refund(
                planned.intent(), planned.amountMinor(), refundId, call.idempotencyKey(), planned.stripeReason());
    }

    @Override
    public void settle(StripeCall call, ProviderOutcome<StripePayments.RefundResult> outcome) {
        record(PaymentRefundId.of(call.businessKey()), call.id(), outcome);
    }

    /** A refund Stripe shows no trace of after its idempotency window is left for an operator, as before. */
    @Override
    public boolean resendsAfterWindow() {
        return false;
    }

    @Override
    public String objectId(StripePayments.RefundResult result) {
        return result.id();
    }
}

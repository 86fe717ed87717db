package io.freightgate.billing.internal;

import io.freightgate.billing.RefundOutcome;
import io.freightgate.billing.RefundOutcomeChanged;
import io.freightgate.billing.RefundOutcomeCommitted;
import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.kernel.PaymentRefundId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells transfers (and whoever else listens) what a refund's recorded outcome means: {@link RefundOutcomeChanged} in
 * the transaction that records it, {@link RefundOutcomeCommitted} once that transaction has committed. Billing never
 * names transfers; the carrier's share is theirs to take back or send again.
 */
@Component
public class RefundOutcomes {

    private final PaymentRefundRecords refunds;
    private final ApplicationEventPublisher events;

    RefundOutcomes(PaymentRefundRecords refunds, ApplicationEventPublisher events) {
        this.refunds = refunds;
        this.events = events;
    }

    /** Inside the transaction that recorded {@code refund}'s outcome, which was {@code before}. */
    public void recorded(PaymentRequest request, PaymentRefund refund, AttemptOutcome before) {
        var lines = refunds.ofRequest(request.id()).stream()
                .map(r -> new RefundOutcomeChanged.RefundLine(r.id(), r.amount(), outcome(r.outcome())))
                .toList();
        events.publishEvent(new RefundOutcomeChanged(
                refund.id(),
                request.id(),
                request.carrier(),
                request.loadReference(),
                refund.amount(),
                refund.stripeRefundId(),
                outcome(before),
                outcome(refund.outcome()),
                lines));
    }

    /** After the commit of the transaction that called {@link #recorded}, outside any transaction. */
    public void committed(PaymentRefundId refundId) {
        events.publishEvent(new RefundOutcomeCommitted(refundId));
    }

    static RefundOutcome outcome(AttemptOutcome outcome) {
        return RefundOutcome.valueOf(outcome.name());
    }
}

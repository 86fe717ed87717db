package io.freightgate.disputes;

import io.freightgate.disputes.internal.Disputes;
import io.freightgate.disputes.internal.domain.DisputeCase;
import io.freightgate.kernel.PaymentRequestId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The dispute desk: where FreightGate keeps its dispute cases, one per Stripe dispute on a FreightGate charge. A case
 * is opened and kept in step by Stripe's {@code charge.dispute.*} events alone (see {@link DisputeStatus} for its
 * lifecycle); the desk reads cases in the caller's tenant (the carrier's, or the shipper's), or every tenant's inside
 * the audited system scope. Publishes {@link DisputeOpened}, {@link DisputeFundsWithdrawn}, {@link
 * DisputeFundsReinstated} and {@link DisputeClosed}. Evidence and submission come with the dispute engine's next issue.
 */
@Component
public class DisputeDesk {

    private final Disputes disputes;
    private final TransactionOperations transactions;

    DisputeDesk(Disputes disputes, TransactionOperations transactions) {
        this.disputes = disputes;
        this.transactions = transactions;
    }

    /** The case, if the caller may see it. */
    public Optional<DisputeView> dispute(DisputeId id) {
        return transactions.execute(status -> disputes.findById(id.value()).map(DisputeCase::view));
    }

    /** The case of Stripe's dispute {@code dp_...}, if the caller may see it. */
    public Optional<DisputeView> byStripeDispute(String stripeDisputeId) {
        return transactions.execute(
                status -> disputes.findByStripeDisputeId(stripeDisputeId).map(DisputeCase::view));
    }

    /** The cases on a payment request's charges, oldest first. */
    public List<DisputeView> ofPaymentRequest(PaymentRequestId paymentRequestId) {
        return transactions.execute(
                status -> disputes.findByPaymentRequestIdOrderByOpenedAt(paymentRequestId.value()).stream()
                        .map(DisputeCase::view)
                        .toList());
    }
}

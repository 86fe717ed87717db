package io.freightgate.transfers.internal;

import io.freightgate.billing.PaidRequestCommitted;
import io.freightgate.billing.PaymentCollected;
import io.freightgate.billing.RefundOutcomeChanged;
import io.freightgate.billing.RefundOutcomeCommitted;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.transfers.Transfers;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What billing's payments and refunds mean for the carrier's transfer, heard through billing's events (billing never
 * names transfers). Plain synchronous listeners, so the timing is billing's: {@link PaymentCollected} and
 * {@link RefundOutcomeChanged} are handled inside the transaction that records them (the transfer, the holds, the
 * journals and the planned reversal commit or roll back with the payment), {@link PaidRequestCommitted} and
 * {@link RefundOutcomeCommitted} right after that commit, outside any transaction, before billing's caller goes on
 * (Stripe is never called inside a database transaction).
 *
 * <p>The Stripe calls a refund's transaction planned are kept for the thread from that transaction's commit until
 * {@link RefundOutcomeCommitted}: a transaction that rolls back (and is repeated on a conflict) plans nothing.
 */
@Component
class PaymentReactions {

    private static final Logger log = LoggerFactory.getLogger(PaymentReactions.class);

    private static final ThreadLocal<Map<PaymentRefundId, RefundReversals.Followup>> PLANNED = new ThreadLocal<>();

    private final TransferIntents intents;
    private final RefundReversals refundReversals;
    private final RefundReversalCalls refundReversalCalls;
    private final Transfers transfers;

    PaymentReactions(
            TransferIntents intents,
            RefundReversals refundReversals,
            RefundReversalCalls refundReversalCalls,
            Transfers transfers) {
        this.intents = intents;
        this.refundReversals = refundReversals;
        this.refundReversalCalls = refundReversalCalls;
        this.transfers = transfers;
    }

    /** In the paying transaction: the transfer (gross and fee fixed), a review hold, the {@code PAYMENT} journal. */
    @EventListener
    void paid(PaymentCollected paid) {
        intents.paid(paid);
    }

    /** After the commit: offered to the release policy. The payment stands whatever the transfer does. */
    @EventListener
    void paidCommitted(PaidRequestCommitted committed) {
        try {
            transfers.offer(committed.paymentRequestId());
        } catch (RuntimeException e) {
            log.warn(
                    "The transfer of payment request {} was not offered now: {}",
                    committed.paymentRequestId(),
                    e.getMessage());
        }
    }

    /** In the refund's transaction: the journal, and the reversal or restore to send once it commits. */
    @EventListener
    void refundRecorded(RefundOutcomeChanged changed) {
        RefundReversals.Followup followup = refundReversals.outcomeChanged(changed);
        if (followup.equals(RefundReversals.Followup.NONE)) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            plan(changed.refundId(), followup);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                plan(changed.refundId(), followup);
            }
        });
    }

    /** After the commit: the planned Stripe calls. Never throws (the transfer retry job repeats what is left). */
    @EventListener
    void refundCommitted(RefundOutcomeCommitted committed) {
        Map<PaymentRefundId, RefundReversals.Followup> planned = PLANNED.get();
        if (planned == null) {
            return;
        }
        RefundReversals.Followup followup = planned.remove(committed.refundId());
        if (planned.isEmpty()) {
            PLANNED.remove();
        }
        if (followup != null) {
            refundReversalCalls.followUp(followup);
        }
    }

    private static void plan(PaymentRefundId refundId, RefundReversals.Followup followup) {
        Map<PaymentRefundId, RefundReversals.Followup> planned = PLANNED.get();
        if (planned == null) {
            planned = new HashMap<>();
            PLANNED.set(planned);
        }
        planned.put(refundId, followup);
    }
}

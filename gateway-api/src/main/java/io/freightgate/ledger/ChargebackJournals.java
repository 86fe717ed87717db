package io.freightgate.ledger;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The ledger's entry point for the money of a chargeback on a payment request's charge: the withdrawal (the amount
 * into the carrier's {@code DISPUTE_RESERVE}, Stripe's dispute fee to {@code STRIPE_FEES}), the reinstatement of a won
 * chargeback, and the loss of a lost one. Each journal is referenced by Stripe's dispute id and posted once however
 * often it is asked for; a request that does not exist posts nothing. Called by flows, across tenants through the
 * audited system path.
 */
@Service
public class ChargebackJournals {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("ChargebackJournals on its own authority");

    private final RequestCarriers requests;
    private final LedgerPostings postings;
    private final SystemAccess systemAccess;

    ChargebackJournals(RequestCarriers requests, LedgerPostings postings, SystemAccess systemAccess) {
        this.requests = requests;
        this.postings = postings;
        this.systemAccess = systemAccess;
    }

    /** The card network withdrew {@code amount} and Stripe charged {@code fee} ({@code DISPUTE_WITHDRAWAL}). */
    public void journalWithdrawal(
            PaymentRequestId paymentRequestId, String stripeDisputeId, Money amount, Money fee, Instant at) {
        sameCurrency(amount, fee);
        post(
                paymentRequestId,
                "journal the withdrawal of dispute " + stripeDisputeId,
                carrier -> postings.disputeWithdrawn(carrier, paymentRequestId, stripeDisputeId, amount, fee, at));
    }

    /** The withdrawn {@code amount} and the {@code fee} came back ({@code DISPUTE_REINSTATEMENT}). */
    public void journalReinstatement(
            PaymentRequestId paymentRequestId, String stripeDisputeId, Money amount, Money fee, Instant at) {
        sameCurrency(amount, fee);
        post(
                paymentRequestId,
                "journal the reinstatement of dispute " + stripeDisputeId,
                carrier -> postings.disputeReinstated(carrier, paymentRequestId, stripeDisputeId, amount, fee, at));
    }

    /** The chargeback was lost: the withdrawn {@code amount} moves from the reserve to the losses ({@code DISPUTE_LOST}). */
    public void journalLoss(PaymentRequestId paymentRequestId, String stripeDisputeId, Money amount, Instant at) {
        post(
                paymentRequestId,
                "journal the loss of dispute " + stripeDisputeId,
                carrier -> postings.disputeLost(carrier, paymentRequestId, stripeDisputeId, amount, at));
    }

    private void post(PaymentRequestId paymentRequestId, String reason, Consumer<UUID> posting) {
        OnConflict.retry(() -> systemAccess.transaction(ACROSS_TENANTS, reason, () -> {
            requests.carrierOf(paymentRequestId).ifPresent(posting);
            return null;
        }));
    }

    private static void sameCurrency(Money amount, Money fee) {
        if (!amount.currency().equals(fee.currency())) {
            throw new IllegalArgumentException(
                    "A dispute's amount (" + amount + ") and fee (" + fee + ") are in one currency");
        }
    }
}

package io.freightgate.ledger;

import static io.freightgate.ledger.LedgerAccountKind.CARRIER_BANK;
import static io.freightgate.ledger.LedgerAccountKind.CARRIER_PAYABLE;
import static io.freightgate.ledger.LedgerAccountKind.CARRIER_PAYOUTS_IN_TRANSIT;
import static io.freightgate.ledger.LedgerAccountKind.CARRIER_TRANSFERS_RECEIVED;
import static io.freightgate.ledger.LedgerAccountKind.DISPUTE_LOSSES;
import static io.freightgate.ledger.LedgerAccountKind.DISPUTE_RESERVE;
import static io.freightgate.ledger.LedgerAccountKind.PLATFORM_FEE_REVENUE;
import static io.freightgate.ledger.LedgerAccountKind.STRIPE_FEES;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.internal.Journal;
import io.freightgate.ledger.internal.Ledger;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What each money movement writes to the ledger. Every method runs inside the transaction that records the movement
 * (system scope) and is idempotent through the journal's reference, so a replayed webhook or a repeated Stripe answer
 * posts nothing twice. The accounts and signs are documented in docs/payments.md ("Ledger").
 */
@Component
public class LedgerPostings {

    private final Ledger ledger;

    LedgerPostings(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A paid request's charge: what reached the platform's balance, and for whom. */
    public record PaidCharge(
            UUID carrier, PaymentRequestId paymentRequestId, String loadReference, String chargeId, Money gross) {}

    /** A refund Stripe made on a request's charge. */
    public record Refund(
            UUID carrier,
            PaymentRequestId paymentRequestId,
            String loadReference,
            String stripeRefundId,
            Money amount) {}

    /**
     * A payment succeeded: the gross reaches the platform's Stripe balance; the carrier's share is owed to it and the
     * platform's fee is revenue from that carrier. Stripe's fee follows in {@link #stripeFee}.
     */
    public void paid(PaidCharge charge, Money platformFee, Instant at) {
        long gross = charge.gross().minor();
        long fee = minorIn(charge.gross().currency(), platformFee);
        ledger.post(Journal.builder(
                        "charge:" + charge.chargeId(),
                        JournalKind.PAYMENT,
                        charge.gross().currency(),
                        at)
                .tenant(charge.carrier())
                .paymentRequest(charge.paymentRequestId())
                .description("Payment of " + charge.loadReference() + " (" + charge.chargeId() + ")")
                .platformBalance(gross, charge.chargeId())
                .of(charge.carrier(), CARRIER_PAYABLE, -(gross - fee))
                .of(charge.carrier(), PLATFORM_FEE_REVENUE, -fee)
                .build());
    }

    /**
     * Stripe's processing fee on a paid request's charge, once a read of the payment carries it. The platform's own
     * journal (no tenant): carriers do not see what Stripe charges the platform.
     */
    public void stripeFee(PaymentRequestId paymentRequestId, String chargeId, Money stripeFee, Instant at) {
        long fee = stripeFee.minor();
        Currency currency = stripeFee.currency();
        if (fee == 0 || !ledger.posted("charge:" + chargeId) || ledger.posted("stripe-fee:" + chargeId)) {
            return;
        }
        ledger.post(Journal.builder("stripe-fee:" + chargeId, JournalKind.STRIPE_FEE, currency, at)
                .paymentRequest(paymentRequestId)
                .description("Stripe fee on " + chargeId)
                .platform(STRIPE_FEES, fee)
                .platformBalance(-fee, chargeId)
                .build());
    }

    /** The carrier's share left the platform's balance for the carrier's connected account. */
    public void transferred(
            UUID carrier,
            PaymentRequestId paymentRequestId,
            String connectedAccount,
            String transferId,
            String destinationPayment,
            Money amount,
            Instant at) {
        long amountMinor = amount.minor();
        ledger.post(Journal.builder("transfer:" + transferId, JournalKind.TRANSFER, amount.currency(), at)
                .tenant(carrier)
                .paymentRequest(paymentRequestId)
                .description("Transfer " + transferId + " to " + connectedAccount)
                .of(carrier, CARRIER_PAYABLE, amountMinor)
                .platformBalance(-amountMinor, transferId)
                .carrierBalance(carrier, connectedAccount, amountMinor, destinationPayment)
                .of(carrier, CARRIER_TRANSFERS_RECEIVED, -amountMinor)
                .build());
    }

    /** A transfer (or part of it) came back from the carrier's connected account. */
    public void reversed(
            UUID carrier,
            PaymentRequestId paymentRequestId,
            String connectedAccount,
            String reversalId,
            String destinationPaymentRefund,
            Money amount,
            Instant at) {
        long amountMinor = amount.minor();
        ledger.post(
                Journal.builder("transfer-reversal:" + reversalId, JournalKind.TRANSFER_REVERSAL, amount.currency(), at)
                        .tenant(carrier)
                        .paymentRequest(paymentRequestId)
                        .description("Transfer reversal " + reversalId + " from " + connectedAccount)
                        .platformBalance(amountMinor, reversalId)
                        .of(carrier, CARRIER_PAYABLE, -amountMinor)
                        .carrierBalance(carrier, connectedAccount, -amountMinor, destinationPaymentRefund)
                        .of(carrier, CARRIER_TRANSFERS_RECEIVED, amountMinor)
                        .build());
    }

    /**
     * A refund succeeded: it leaves the platform's balance; {@code carrierShareMinor} of it is taken from what the
     * carrier is owed (or owes back, when the transfer was made), the rest is fee given back.
     */
    public void refunded(Refund refund, long carrierShareMinor, Instant at) {
        String refundId = refund.stripeRefundId();
        long amount = refund.amount().minor();
        ledger.post(Journal.builder(
                        "refund:" + refundId,
                        JournalKind.REFUND,
                        refund.amount().currency(),
                        at)
                .tenant(refund.carrier())
                .paymentRequest(refund.paymentRequestId())
                .description("Refund " + refundId + " of " + refund.loadReference())
                .platformBalance(-amount, refundId)
                .of(refund.carrier(), CARRIER_PAYABLE, carrierShareMinor)
                .of(refund.carrier(), PLATFORM_FEE_REVENUE, amount - carrierShareMinor)
                .build());
    }

    /** What the carrier is still owed on a request (the payable's credit balance over the request's entries). */
    public long stillOwed(PaymentRequestId paymentRequestId) {
        return -ledger.balanceOfRequest(paymentRequestId.value(), CARRIER_PAYABLE);
    }

    /** A refund that had succeeded failed: its journal mirrored (the money is back on the platform's balance). */
    public void refundFailed(
            UUID carrier, PaymentRequestId paymentRequestId, Currency currency, String stripeRefundId, Instant at) {
        var lines = ledger.linesOf("refund:" + stripeRefundId);
        if (lines.isEmpty()) {
            return;
        }
        var journal = Journal.builder("refund-failure:" + stripeRefundId, JournalKind.REFUND_FAILURE, currency, at)
                .tenant(carrier)
                .paymentRequest(paymentRequestId)
                .description("Refund " + stripeRefundId + " failed");
        for (Journal.Line line : lines) {
            if (line.stripeSource().isPresent()) {
                journal.platformBalance(-line.amountMinor(), line.stripeSource().get());
            } else {
                journal.of(line.organization().orElseThrow(), line.account(), -line.amountMinor());
            }
        }
        ledger.post(journal.build());
    }

    /** The card network withdrew a disputed amount, and Stripe its dispute fee, from the platform's balance. */
    public void disputeWithdrawn(
            UUID carrier,
            PaymentRequestId paymentRequestId,
            String disputeId,
            Money withdrawn,
            Money disputeFee,
            Instant at) {
        long amount = withdrawn.minor();
        long fee = minorIn(withdrawn.currency(), disputeFee);
        ledger.post(Journal.builder(
                        "dispute-withdrawal:" + disputeId, JournalKind.DISPUTE_WITHDRAWAL, withdrawn.currency(), at)
                .tenant(carrier)
                .paymentRequest(paymentRequestId)
                .description("Chargeback withdrawal " + disputeId)
                .platformBalance(-(amount + fee), disputeId)
                .of(carrier, DISPUTE_RESERVE, amount)
                .platform(STRIPE_FEES, fee)
                .build());
    }

    /** A won dispute: the amount and the dispute fee came back. */
    public void disputeReinstated(
            UUID carrier,
            PaymentRequestId paymentRequestId,
            String disputeId,
            Money reinstated,
            Money disputeFee,
            Instant at) {
        long amount = reinstated.minor();
        long fee = minorIn(reinstated.currency(), disputeFee);
        ledger.post(Journal.builder(
                        "dispute-reinstatement:" + disputeId,
                        JournalKind.DISPUTE_REINSTATEMENT,
                        reinstated.currency(),
                        at)
                .tenant(carrier)
                .paymentRequest(paymentRequestId)
                .description("Chargeback reversal " + disputeId)
                .platformBalance(amount + fee, disputeId)
                .of(carrier, DISPUTE_RESERVE, -amount)
                .platform(STRIPE_FEES, -fee)
                .build());
    }

    /** A lost dispute: the withdrawn amount is a loss. */
    public void disputeLost(UUID carrier, PaymentRequestId paymentRequestId, String disputeId, Money lost, Instant at) {
        long amount = lost.minor();
        ledger.post(Journal.builder("dispute-lost:" + disputeId, JournalKind.DISPUTE_LOST, lost.currency(), at)
                .tenant(carrier)
                .paymentRequest(paymentRequestId)
                .description("Dispute lost " + disputeId)
                .of(carrier, DISPUTE_LOSSES, amount)
                .of(carrier, DISPUTE_RESERVE, -amount)
                .build());
    }

    /** A payout left the carrier's Stripe balance. */
    public void payoutCreated(
            UUID carrier, Currency currency, String connectedAccount, String payoutId, long amount, Instant at) {
        ledger.post(Journal.builder("payout:" + payoutId, JournalKind.PAYOUT, currency, at)
                .tenant(carrier)
                .description("Payout " + payoutId + " from " + connectedAccount)
                .carrierBalance(carrier, connectedAccount, -amount, payoutId)
                .of(carrier, CARRIER_PAYOUTS_IN_TRANSIT, amount)
                .build());
    }

    /** The payout reached the carrier's bank. */
    public void payoutPaid(UUID carrier, Currency currency, String payoutId, long amount, Instant at) {
        ledger.post(Journal.builder("payout-paid:" + payoutId, JournalKind.PAYOUT_PAID, currency, at)
                .tenant(carrier)
                .description("Payout " + payoutId + " paid")
                .of(carrier, CARRIER_BANK, amount)
                .of(carrier, CARRIER_PAYOUTS_IN_TRANSIT, -amount)
                .build());
    }

    /**
     * The payout failed or was canceled: the amount is back on the carrier's Stripe balance (taken from the bank's side
     * when the payout had been reported paid and the bank returned it).
     */
    public void payoutReturned(
            UUID carrier, Currency currency, String connectedAccount, String payoutId, long amount, Instant at) {
        if (ledger.posted("payout-failure:" + payoutId)) {
            return;
        }
        boolean wasPaid = ledger.posted("payout-paid:" + payoutId);
        ledger.post(Journal.builder("payout-failure:" + payoutId, JournalKind.PAYOUT_FAILURE, currency, at)
                .tenant(carrier)
                .description("Payout " + payoutId + " returned")
                .carrierBalance(carrier, connectedAccount, amount, payoutId)
                .of(carrier, wasPaid ? CARRIER_BANK : CARRIER_PAYOUTS_IN_TRANSIT, -amount)
                .build());
    }

    /** The minor units of {@code amount}, which must be in the journal's {@code currency} (one currency per journal). */
    private static long minorIn(Currency currency, Money amount) {
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException("A journal in " + currency + " cannot take " + amount);
        }
        return amount.minor();
    }
}

package io.freightgate.transfers;

import io.freightgate.billing.BilledRequest;
import io.freightgate.billing.BilledRequests;
import io.freightgate.billing.DeliveryProof;
import io.freightgate.billing.PaymentProviderUnavailable;
import io.freightgate.billing.PaymentRequestNotFound;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Ownership;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.transfers.internal.TransferHoldRecords;
import io.freightgate.transfers.internal.TransferIntents;
import io.freightgate.transfers.internal.TransferReads;
import io.freightgate.transfers.internal.TransferRecords;
import io.freightgate.transfers.internal.TransferSending;
import io.freightgate.transfers.internal.domain.ReleasePolicy;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferHold;
import io.freightgate.transfers.internal.domain.TransferState;
import io.freightgate.transfers.internal.stripe.StripeTransfers;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carriers' transfers: the carrier's share of a paid payment request (amount paid minus the platform's fee minus what
 * was refunded) sent to its Stripe connected account with the request's {@code transfer_group} and its charge as
 * {@code source_transaction}, once the {@link ReleasePolicy release policy} is met (paid and settled, screening allowed
 * it, delivery confirmed or the carrier trusted, payout account able to receive transfers, carrier verified, no hold).
 *
 * <p>Sending follows the outbound rule: one transaction records the intent (attempt {@code n}, idempotency key
 * {@code fg-transfer-{paymentRequestId}-{n}}), Stripe is called after the commit, another transaction records the
 * outcome. An unknown outcome leaves the transfer {@code SENDING}; {@link TransferRetries} repeats the very same call
 * with the same key, so Stripe replays it and money never moves twice. Holds ({@link TransferHoldReason}) make a
 * transfer wait; {@link #reverse} takes back a transfer made and {@link #restore} sends it again with a new key.
 *
 * <p>Call the commands outside any database transaction: they reach the request through the audited system path,
 * whose scope PostgreSQL sees only when it is bound before a transaction begins (a listener in {@code flows} uses
 * {@code @ApplicationModuleListener(propagation = NOT_SUPPORTED)}). {@link #offer} called inside a transaction sends
 * nothing; the next round of {@link TransferRetries} does.
 */
@Service
public class Transfers {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("Transfers on its own authority");

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);

    private final TransferRecords transfers;
    private final TransferHoldRecords holds;
    private final TransferIntents intents;
    private final TransferReads reads;
    private final TransferSending sending;
    private final BilledRequests requests;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    Transfers(
            TransferRecords transfers,
            TransferHoldRecords holds,
            TransferIntents intents,
            TransferReads reads,
            TransferSending sending,
            BilledRequests requests,
            SystemAccess systemAccess,
            Clock clock,
            JdbcTemplate jdbc) {
        this.transfers = transfers;
        this.holds = holds;
        this.intents = intents;
        this.reads = reads;
        this.sending = sending;
        this.requests = requests;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * The transfer of a payment request, for its carrier or (across tenants) platform staff. Empty when the request is
     * not the caller's; a request not yet paid shows {@code AWAITING_PAYMENT}.
     */
    public Optional<TransferView> find(PaymentRequestId paymentRequestId, Reach reach) {
        return systemAccess.transaction(
                reach, "read the transfer of payment request " + paymentRequestId, () -> Ownership.owned(
                                requests.find(paymentRequestId), reach, request -> new TenantId(request.carrier()))
                        .map(request ->
                                reads.view(request, transfers.findByPaymentRequestId(paymentRequestId.value()))));
    }

    /**
     * Evidence of the delivery of the payment request's load arrived: its transfer may be released (see the policy)
     * when the {@code proof} is sufficient; a proof that needs a second signal is recorded and makes it wait for one.
     */
    public TransferView deliveryConfirmed(PaymentRequestId paymentRequestId, DeliveryProof proof) {
        OnConflict.retry(() -> systemAccess.transaction(
                ACROSS_TENANTS, "confirm delivery for payment request " + paymentRequestId, () -> {
                    BilledRequest request = requests.find(paymentRequestId)
                            .orElseThrow(() -> new PaymentRequestNotFound(paymentRequestId));
                    intents.transferOf(request).deliveryConfirmed(proof, clock.instant());
                    return null;
                }));
        return offer(paymentRequestId);
    }

    /** Evidence of the delivery of a load arrived: every payment request for that load learns it (see above). */
    public List<TransferView> deliveryConfirmedForLoad(UUID loadId, DeliveryProof proof) {
        List<PaymentRequestId> requestIds = systemAccess.transaction(
                ACROSS_TENANTS, "find the payment requests of load " + loadId, () -> requests.ofLoad(loadId));
        return requestIds.stream().map(id -> deliveryConfirmed(id, proof)).toList();
    }

    /**
     * A platform release of the delivery: finance accepts the delivery evidence (or its absence) on the platform's
     * responsibility, as a second signal would, and the transfer is sent if nothing else keeps it waiting. Recorded in
     * the transfer's audit trail with the actor.
     */
    public TransferView releaseDelivery(PaymentRequestId paymentRequestId) {
        return deliveryConfirmed(paymentRequestId, new DeliveryProof.Sufficient("platform:" + Tenancy.currentActor()));
    }

    /**
     * Holds the transfer (platform staff, or another module through flows). Fails with {@link IllegalStateException}
     * when the transfer was already made or is on its way (reverse it instead) or the same hold is active.
     */
    public TransferView hold(PaymentRequestId paymentRequestId, TransferHoldReason reason, Optional<String> note) {
        String actor = Tenancy.currentActor();
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "hold the transfer of " + paymentRequestId, () -> {
                    BilledRequest request = requests.find(paymentRequestId)
                            .orElseThrow(() -> new PaymentRequestNotFound(paymentRequestId));
                    Transfer transfer = intents.transferOf(request);
                    if (!intents.hold(transfer, reason, note, actor)) {
                        throw new IllegalStateException("The transfer of payment request " + paymentRequestId + " is "
                                + transfer.status()
                                + (transfer.status().waiting() ? " and already held for " + reason : "")
                                + "; it cannot be held" + (transfer.status().waiting() ? "" : " (reverse it instead)"));
                    }
                    return null;
                }));
        return find(paymentRequestId, ACROSS_TENANTS).orElseThrow();
    }

    /**
     * A dispute opened on the request's charge: its transfer gets a {@code DISPUTE} hold, unless it was already made or
     * is on its way (a dispute does not reverse it) or the hold is active. Idempotent.
     */
    public void holdForDispute(PaymentRequestId paymentRequestId) {
        OnConflict.retry(() -> systemAccess.transaction(
                ACROSS_TENANTS, "hold the transfer of " + paymentRequestId + " for a dispute", () -> {
                    requests.find(paymentRequestId)
                            .ifPresent(request -> intents.hold(
                                    intents.transferOf(request),
                                    TransferHoldReason.DISPUTE,
                                    Optional.of("Dispute opened on the charge"),
                                    "webhook:stripe"));
                    return null;
                }));
    }

    /**
     * The dispute on the request's charge was won: its {@code DISPUTE} hold is released and the transfer offered to the
     * release policy again. Idempotent: without an active dispute hold it only offers the transfer.
     */
    public void releaseDisputeHold(PaymentRequestId paymentRequestId) {
        OnConflict.retry(() -> systemAccess.transaction(
                ACROSS_TENANTS, "release the dispute hold of the transfer of " + paymentRequestId, () -> {
                    transfers
                            .findByPaymentRequestId(paymentRequestId.value())
                            .ifPresent(transfer -> holds.of(transfer.id()).stream()
                                    .filter(TransferHold::active)
                                    .filter(h -> h.reason() == TransferHoldReason.DISPUTE)
                                    .forEach(h -> h.release("webhook:stripe", clock.instant())));
                    return null;
                }));
        try {
            offer(paymentRequestId);
        } catch (RuntimeException e) {
            log.warn("The transfer of payment request {} was not offered now: {}", paymentRequestId, e.getMessage());
        }
    }

    /**
     * Holds every transfer of the carrier that has not been sent (a revoked verification). Returns how many were held;
     * repeating it holds nothing more.
     */
    public int holdPendingOf(TenantId carrier, TransferHoldReason reason, String note) {
        String actor = Tenancy.currentActor();
        return OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "hold the pending transfers of " + carrier, () -> {
                    int held = 0;
                    for (Transfer transfer : transfers.findByTenantIdAndStatusIn(
                            carrier.value(),
                            EnumSet.of(TransferState.AWAITING_PAYMENT, TransferState.PENDING, TransferState.FAILED))) {
                        if (intents.hold(transfer, reason, Optional.of(note), actor)) {
                            held++;
                        }
                    }
                    return held;
                }));
    }

    /**
     * Releases the active hold for {@code reason} and sends the transfer if nothing else keeps it waiting. Fails with
     * {@link IllegalStateException} when no such hold is active.
     */
    public TransferView release(PaymentRequestId paymentRequestId, TransferHoldReason reason) {
        String actor = Tenancy.currentActor();
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "release the transfer of " + paymentRequestId, () -> {
                    Transfer transfer = transfers
                            .findByPaymentRequestId(paymentRequestId.value())
                            .orElseThrow(() -> noHold(paymentRequestId, reason));
                    TransferHold hold = holds.of(transfer.id()).stream()
                            .filter(h -> h.active() && h.reason() == reason)
                            .findFirst()
                            .orElseThrow(() -> noHold(paymentRequestId, reason));
                    hold.release(actor, clock.instant());
                    return null;
                }));
        return offer(paymentRequestId);
    }

    /**
     * Takes back a transfer already made, in full (a Stripe transfer reversal; idempotency key
     * {@code fg-transfer-reversal-{paymentRequestId}-{n}}). Fails with {@link IllegalStateException} when the transfer
     * was not made or Stripe refuses, and with {@link PaymentProviderUnavailable} when Stripe's answer is unknown (the
     * job repeats it with the same key).
     */
    public TransferView reverse(PaymentRequestId paymentRequestId) {
        ProviderOutcome<StripeTransfers.Reversal> outcome = sending.reverse(paymentRequestId.value());
        return switch (outcome) {
            case ProviderOutcome.Approved<StripeTransfers.Reversal> approved ->
                find(paymentRequestId, ACROSS_TENANTS).orElseThrow();
            case ProviderOutcome.Declined<StripeTransfers.Reversal> declined ->
                throw new IllegalStateException("Stripe refused the reversal: " + declined.message());
            case ProviderOutcome.Pending<StripeTransfers.Reversal> pending -> throw reversalUnknown();
            case ProviderOutcome.Unknown<StripeTransfers.Reversal> unknown -> throw reversalUnknown();
            case ProviderOutcome.NotAttempted<StripeTransfers.Reversal> notAttempted -> throw reversalUnknown();
        };
    }

    /**
     * Sends a reversed transfer again, with a new idempotency key, as soon as the release policy allows (holds still
     * apply). Fails with {@link IllegalStateException} unless the transfer is reversed.
     */
    public TransferView restore(PaymentRequestId paymentRequestId) {
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "restore the transfer of " + paymentRequestId, () -> {
                    if (refundFollowUpsOpen(paymentRequestId)) {
                        throw new IllegalStateException("A refund's reversal or restore of payment request "
                                + paymentRequestId + " is still in progress with Stripe; restore once it is settled");
                    }
                    transfers
                            .findByPaymentRequestId(paymentRequestId.value())
                            .orElseThrow(() -> new IllegalStateException(
                                    "Payment request " + paymentRequestId + " has no transfer to restore"))
                            .restore(clock.instant());
                    return null;
                }));
        return offer(paymentRequestId);
    }

    /** Whether a refund's reversal or restore of the request has an outcome still to learn. */
    private boolean refundFollowUpsOpen(PaymentRequestId paymentRequestId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM transfer_refund_reversals WHERE payment_request_id = ? AND (status IN ('PENDING',"
                                + " 'UNKNOWN') OR restore_status IN ('PENDING', 'UNKNOWN'))",
                        Integer.class,
                        paymentRequestId.value())
                .isEmpty();
    }

    /**
     * Asks the release policy and sends the transfer when it is met. Inside a caller's transaction it sends nothing (the
     * retry job will). Never throws for Stripe's answers: they are recorded on the transfer.
     */
    public TransferView offer(PaymentRequestId paymentRequestId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                sending.send(paymentRequestId.value());
            } catch (RuntimeException e) {
                log.warn("The transfer of payment request {} was not sent now: {}", paymentRequestId, e.getMessage());
            }
        }
        return find(paymentRequestId, ACROSS_TENANTS).orElseThrow(() -> new PaymentRequestNotFound(paymentRequestId));
    }

    private static IllegalStateException noHold(PaymentRequestId paymentRequestId, TransferHoldReason reason) {
        return new IllegalStateException(
                "The transfer of payment request " + paymentRequestId + " has no active " + reason + " hold");
    }

    private static PaymentProviderUnavailable reversalUnknown() {
        return new PaymentProviderUnavailable(
                "Stripe did not answer; the reversal is recorded and will be repeated with the same key.");
    }
}

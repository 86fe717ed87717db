package io.freightgate.transfers.internal;

import io.freightgate.billing.BilledRequest;
import io.freightgate.billing.LoadDeliveries;
import io.freightgate.billing.PaymentCollected;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.transfers.TransferHeld;
import io.freightgate.transfers.TransferHoldReason;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferHold;
import io.freightgate.transfers.internal.domain.TransferId;
import io.freightgate.transfers.internal.domain.TransferState;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a payment's state changes mean for the carrier's transfer, written in the same transaction as the change: a paid
 * request gets its transfer (gross and fee fixed), a payment that screening sent to REVIEW gets a {@code FRAUD_REVIEW}
 * hold (an open dispute's {@code DISPUTE} hold is placed through the same method). Every method must run inside the
 * caller's transaction; none calls Stripe.
 */
@Component
public class TransferIntents {

    private final TransferRecords transfers;
    private final TransferHoldRecords holds;
    private final TransferProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LoadDeliveries deliveries;
    private final LedgerPostings postings;

    TransferIntents(
            TransferRecords transfers,
            TransferHoldRecords holds,
            TransferProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            LoadDeliveries deliveries,
            LedgerPostings postings) {
        this.postings = postings;
        this.transfers = transfers;
        this.holds = holds;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    /** The transfer of a request, created when missing. */
    public Transfer transferOf(BilledRequest request) {
        return transferOf(
                request.id().value(), request.carrier(), request.amount().currency());
    }

    /** The transfer of a request, created when missing. */
    public Transfer transferOf(UUID paymentRequestId, UUID carrier, Currency currency) {
        return transfers
                .findByPaymentRequestId(paymentRequestId)
                .orElseGet(() -> transfers.save(
                        Transfer.of(TransferId.random(), paymentRequestId, carrier, currency, clock.instant())));
    }

    /**
     * The request was paid ({@link PaymentCollected}, in the transaction that recorded it): the transfer's gross and
     * fee are fixed now, and the {@code PAYMENT} journal is posted with them.
     */
    public Transfer paid(PaymentCollected paid) {
        Money gross = paid.amountPaid();
        Transfer transfer =
                transferOf(paid.paymentRequestId().value(), paid.carrier().value(), gross.currency());
        transfer.paid(gross, properties.feePolicy().feeOn(gross), clock.instant());
        if (transfer.deliveryConfirmedAt().isEmpty()) {
            // Billed after the proof of delivery: the confirmation happened before there was a transfer to tell.
            paid.loadId()
                    .flatMap(deliveries::delivery)
                    .ifPresent(proof -> transfer.deliveryConfirmed(proof, clock.instant()));
        }
        if (paid.screenedForReview()) {
            hold(transfer, TransferHoldReason.FRAUD_REVIEW, Optional.of("Screening answered REVIEW"), "screening");
        }
        postings.paid(
                new LedgerPostings.PaidCharge(
                        paid.carrier().value(),
                        paid.paymentRequestId(),
                        paid.loadReference(),
                        paid.stripeChargeId(),
                        gross),
                transfer.fee(),
                paid.collectedAt());
        return transfer;
    }

    /**
     * Places a hold unless one with the same reason is active. A transfer already made (or on its way) is not held:
     * it is reversed instead. Returns whether a hold was placed.
     */
    public boolean hold(Transfer transfer, TransferHoldReason reason, Optional<String> note, String actor) {
        if (transfer.status() == TransferState.SENT
                || transfer.status() == TransferState.SENDING
                || transfer.status() == TransferState.REVERSING) {
            return false;
        }
        boolean active = holds.of(transfer.id()).stream().anyMatch(h -> h.active() && h.reason() == reason);
        if (active) {
            return false;
        }
        holds.save(TransferHold.place(UUID.randomUUID(), transfer, reason, note, actor, clock.instant()));
        events.publishEvent(new TransferHeld(
                new PaymentRequestId(transfer.paymentRequestId()), new TenantId(transfer.tenantId()), reason));
        return true;
    }
}

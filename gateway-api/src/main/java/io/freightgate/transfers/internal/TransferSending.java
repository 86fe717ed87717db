package io.freightgate.transfers.internal;

import io.freightgate.billing.BilledRequest;
import io.freightgate.billing.BilledRequests;
import io.freightgate.billing.PaymentParticipation;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.TransferFailed;
import io.freightgate.transfers.TransferReleased;
import io.freightgate.transfers.TransferReversed;
import io.freightgate.transfers.internal.domain.ReleasePolicy;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferState;
import io.freightgate.transfers.internal.stripe.StripeTransfers;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The outbound half of transfers: records the intent, calls Stripe after the commit and records the outcome, for
 * transfers and their reversals (see the {@code Transfers} facade for the rule). Never called inside a transaction.
 */
@Component
public class TransferSending {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("TransferSending on its own authority");

    private final TransferRecords transfers;
    private final TransferIntents intents;
    private final TransferReads reads;
    private final BilledRequests requests;
    private final StripeTransfers stripe;
    private final PaymentParticipation participation;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LedgerPostings postings;

    TransferSending(
            TransferRecords transfers,
            TransferIntents intents,
            TransferReads reads,
            BilledRequests requests,
            StripeTransfers stripe,
            PaymentParticipation participation,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock,
            LedgerPostings postings) {
        this.transfers = transfers;
        this.intents = intents;
        this.reads = reads;
        this.requests = requests;
        this.stripe = stripe;
        this.participation = participation;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
        this.postings = postings;
    }

    /**
     * Begins the reversal of a transfer already made (in full, key {@code fg-transfer-reversal-{paymentRequestId}-{n}}),
     * calls Stripe and records its answer, which is returned. Fails with {@link IllegalStateException} when there is no
     * transfer or it was not made.
     */
    public ProviderOutcome<StripeTransfers.Reversal> reverse(UUID paymentRequestId) {
        var call = OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "reverse the transfer of " + paymentRequestId, () -> {
                    Transfer transfer = transfers
                            .findByPaymentRequestId(paymentRequestId)
                            .orElseThrow(() -> new IllegalStateException(
                                    "Payment request " + paymentRequestId + " has no transfer to reverse"));
                    String key = transfer.beginReversal(clock.instant());
                    return new ReversalCall(
                            transfer.id(), transfer.stripeTransferId().orElseThrow(), key);
                }));
        ProviderOutcome<StripeTransfers.Reversal> outcome =
                stripe.reverse(call.transferId(), paymentRequestId, call.key());
        recordReversal(call.id(), outcome);
        return outcome;
    }

    /**
     * One send: the intent is recorded when the policy is met (or, with {@code repeat}, a {@code SENDING} transfer's
     * recorded call is taken as it is), then Stripe is called and the outcome recorded. Used by
     * {@link io.freightgate.transfers.Transfers#offer} and by {@link io.freightgate.transfers.TransferRetries}.
     */
    public void send(UUID paymentRequestId, boolean repeat) {
        Optional<StripeTransfers.TransferCall> call = prepare(paymentRequestId, repeat);
        if (call.isEmpty()) {
            return;
        }
        var outcome = stripe.create(call.get());
        record(paymentRequestId, outcome);
    }

    /** Repeats an unknown reversal with its recorded key. */
    public void repeatReversal(UUID paymentRequestId) {
        var call = systemAccess.transaction(ACROSS_TENANTS, "read the reversal of " + paymentRequestId, () -> transfers
                .findByPaymentRequestId(paymentRequestId)
                .filter(t -> t.status() == TransferState.REVERSING)
                .map(t -> {
                    t.retrying(clock.instant());
                    return new ReversalCall(
                            t.id(),
                            t.stripeTransferId().orElseThrow(),
                            t.reversalKey().orElseThrow());
                }));
        call.ifPresent(c -> recordReversal(c.id(), stripe.reverse(c.transferId(), paymentRequestId, c.key())));
    }

    private Optional<StripeTransfers.TransferCall> prepare(UUID paymentRequestId, boolean repeat) {
        Optional<TransferReads.Facts> facts = systemAccess.transaction(
                ACROSS_TENANTS, "read the transfer facts of " + paymentRequestId, () -> requests.find(paymentRequestId)
                        .map(request -> reads.facts(request, transfers.findByPaymentRequestId(paymentRequestId))));
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        boolean verified = participation.refusal(facts.get().carrier()).isEmpty();
        return OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "send the transfer of " + paymentRequestId, () -> {
                    BilledRequest request = requests.find(paymentRequestId).orElseThrow();
                    Transfer transfer = intents.transferOf(request);
                    if (transfer.status() == TransferState.SENDING) {
                        if (!repeat) {
                            return Optional.<StripeTransfers.TransferCall>empty();
                        }
                        transfer.retrying(clock.instant());
                        return Optional.of(call(transfer));
                    }
                    TransferReads.Facts now = reads.facts(request, Optional.of(transfer));
                    var decision = ReleasePolicy.decide(now.policy(verified));
                    return switch (decision) {
                        case ReleasePolicy.Release release -> {
                            Money amount = release.amount();
                            if (transfer.reversedAt().isPresent()) {
                                // A restore sends what the carrier is owed: a refund made after the first transfer took
                                // back
                                // only the carrier's proportional share, not the whole refund the policy deducts.
                                long owed = postings.stillOwed(request.id());
                                if (owed <= 0) {
                                    transfer.nothingToTransfer(request.amountRefundedMinor(), clock.instant());
                                    yield Optional.<StripeTransfers.TransferCall>empty();
                                }
                                amount = Money.of(owed, request.currency());
                            }
                            transfer.beginSending(
                                    amount,
                                    request.amountRefundedMinor(),
                                    now.destination().orElseThrow(),
                                    request.stripeChargeId().orElseThrow(),
                                    clock.instant());
                            yield Optional.of(call(transfer));
                        }
                        case ReleasePolicy.NothingToTransfer nothing -> {
                            transfer.nothingToTransfer(request.amountRefundedMinor(), clock.instant());
                            yield Optional.<StripeTransfers.TransferCall>empty();
                        }
                        case ReleasePolicy.Hold hold -> Optional.<StripeTransfers.TransferCall>empty();
                    };
                }));
    }

    private void record(UUID paymentRequestId, ProviderOutcome<StripeTransfers.Sent> outcome) {
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "record the transfer of " + paymentRequestId, () -> {
                    Transfer transfer =
                            transfers.findByPaymentRequestId(paymentRequestId).orElseThrow();
                    TenantId carrier = new TenantId(transfer.tenantId());
                    switch (outcome) {
                        case ProviderOutcome.Approved<StripeTransfers.Sent>(StripeTransfers.Sent sent) -> {
                            String id = sent.id();
                            if (transfer.sent(id, clock.instant())) {
                                postings.transferred(
                                        transfer.tenantId(),
                                        paymentRequestId,
                                        Currency.getInstance(transfer.currency()),
                                        transfer.destinationAccount().orElseThrow(),
                                        id,
                                        sent.destinationPayment(),
                                        transfer.amount().minor(),
                                        clock.instant());
                                events.publishEvent(new TransferReleased(
                                        paymentRequestId,
                                        carrier,
                                        transfer.amount(),
                                        transfer.fee(),
                                        id,
                                        BilledRequest.transferGroup(paymentRequestId)));
                            }
                        }
                        case ProviderOutcome.Declined<StripeTransfers.Sent> declined -> {
                            if (transfer.failed(declined.code() + ": " + declined.message(), clock.instant())) {
                                events.publishEvent(new TransferFailed(
                                        paymentRequestId,
                                        carrier,
                                        transfer.amount(),
                                        declined.code(),
                                        declined.message()));
                            }
                        }
                        case ProviderOutcome.Pending<StripeTransfers.Sent> pending ->
                            transfer.outcomeUnknown("In progress at Stripe: " + pending.reason(), clock.instant());
                        case ProviderOutcome.Unknown<StripeTransfers.Sent> unknown ->
                            transfer.outcomeUnknown(unknown.reason(), clock.instant());
                        case ProviderOutcome.NotAttempted<StripeTransfers.Sent> notAttempted ->
                            transfer.outcomeUnknown("Not sent: " + notAttempted.reason(), clock.instant());
                    }
                    return null;
                }));
    }

    private void recordReversal(UUID transferId, ProviderOutcome<StripeTransfers.Reversal> outcome) {
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "record the reversal of transfer " + transferId, () -> {
                    Transfer transfer = transfers.findById(transferId).orElseThrow();
                    switch (outcome) {
                        case ProviderOutcome.Approved<StripeTransfers.Reversal>(StripeTransfers.Reversal reversal) -> {
                            String id = reversal.id();
                            Money amount = transfer.amount();
                            String stripeTransfer = transfer.stripeTransferId().orElse("");
                            String connected = transfer.destinationAccount().orElseThrow();
                            if (transfer.reversed(id, clock.instant())) {
                                postings.reversed(
                                        transfer.tenantId(),
                                        transfer.paymentRequestId(),
                                        Currency.getInstance(transfer.currency()),
                                        connected,
                                        id,
                                        reversal.destinationPaymentRefund(),
                                        reversal.amountMinor(),
                                        clock.instant());
                                events.publishEvent(new TransferReversed(
                                        transfer.paymentRequestId(),
                                        new TenantId(transfer.tenantId()),
                                        amount,
                                        stripeTransfer,
                                        id));
                            }
                        }
                        case ProviderOutcome.Declined<StripeTransfers.Reversal> declined ->
                            transfer.reversalRefused(declined.code() + ": " + declined.message(), clock.instant());
                        case ProviderOutcome.Pending<StripeTransfers.Reversal> pending ->
                            transfer.outcomeUnknown("Reversal in progress: " + pending.reason(), clock.instant());
                        case ProviderOutcome.Unknown<StripeTransfers.Reversal> unknown ->
                            transfer.outcomeUnknown("Reversal: " + unknown.reason(), clock.instant());
                        case ProviderOutcome.NotAttempted<StripeTransfers.Reversal> notAttempted ->
                            transfer.outcomeUnknown("Reversal not sent: " + notAttempted.reason(), clock.instant());
                    }
                    return null;
                }));
    }

    private record ReversalCall(UUID id, String transferId, String key) {}

    private static StripeTransfers.TransferCall call(Transfer transfer) {
        return new StripeTransfers.TransferCall(
                transfer.paymentRequestId(),
                transfer.idempotencyKey().orElseThrow(),
                transfer.amount().minor(),
                transfer.currency(),
                transfer.destinationAccount().orElseThrow(),
                transfer.sourceTransaction().orElseThrow(),
                BilledRequest.transferGroup(transfer.paymentRequestId()));
    }
}

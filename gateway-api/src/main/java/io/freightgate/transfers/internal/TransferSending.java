package io.freightgate.transfers.internal;

import io.freightgate.billing.BilledRequest;
import io.freightgate.billing.BilledRequests;
import io.freightgate.billing.PaymentParticipation;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.TransferFailed;
import io.freightgate.transfers.TransferReleased;
import io.freightgate.transfers.TransferReversed;
import io.freightgate.transfers.internal.domain.ReleasePolicy;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferId;
import io.freightgate.transfers.internal.domain.TransferState;
import io.freightgate.transfers.internal.stripe.StripeTransfers;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The outbound half of transfers: records the intent (the transfer's state and its {@link StripeCalls} record, in one
 * transaction), calls Stripe after the commit and records the outcome on both, for transfers and their reversals (see
 * the {@code Transfers} facade for the rule). Never called inside a transaction. A call whose answer is lost is settled
 * by the {@link io.freightgate.platform.stripe.calls.StripeCallJanitor} through {@link TransferCallLookups}.
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
    private final StripeCalls calls;

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
            LedgerPostings postings,
            StripeCalls calls) {
        this.calls = calls;
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
                    boolean reversing = transfer.status() == TransferState.REVERSING;
                    String key = transfer.beginReversal(clock.instant());
                    if (!reversing) {
                        transfer.reversingThrough(
                                calls.intend(transfer.tenantId(), REVERSAL, paymentRequestId.toString(), key));
                    }
                    return new ReversalCall(
                            transfer.id(),
                            transfer.stripeTransferId().orElseThrow(),
                            key,
                            transfer.reversalCallId().orElseThrow());
                }));
        ProviderOutcome<StripeTransfers.Reversal> outcome =
                calls.send(() -> stripe.reverse(call.transferId(), paymentRequestId, call.key()));
        recordReversal(call.id(), call.callId(), outcome);
        return outcome;
    }

    /** The operation type of a transfer's send in {@link StripeCalls}. */
    public static final String CREATE = "transfer.create";

    /** The operation type of a transfer's full reversal in {@link StripeCalls}. */
    public static final String REVERSAL = "transfer.reversal";

    /**
     * One send: when the policy is met the intent is recorded (with its Stripe call), then Stripe is called and the
     * outcome recorded. A transfer already {@code SENDING} is left to the janitor. Used by
     * {@link io.freightgate.transfers.Transfers#offer} and by {@link io.freightgate.transfers.TransferRetries}.
     */
    public void send(UUID paymentRequestId) {
        Optional<Prepared> call = prepare(paymentRequestId);
        if (call.isEmpty()) {
            return;
        }
        var outcome = calls.send(() -> stripe.create(call.get().call()));
        record(paymentRequestId, call.get().callId(), outcome);
    }

    /** The janitor's look-up of a send: the transfer in the request's group that carries the call's key. */
    ProviderOutcome<Optional<StripeTransfers.Sent>> findSent(StripeCall call) {
        UUID paymentRequestId = UUID.fromString(call.businessKey());
        return stripe.findTransfer(
                BilledRequest.transferGroup(new PaymentRequestId(paymentRequestId)), call.idempotencyKey());
    }

    /** The janitor sends a call again: rebuilt from the transfer, when it still waits for that call. */
    ProviderOutcome<StripeTransfers.Sent> resend(StripeCall call) {
        UUID paymentRequestId = UUID.fromString(call.businessKey());
        Optional<StripeTransfers.TransferCall> again =
                systemAccess.transaction(ACROSS_TENANTS, "read the transfer of " + paymentRequestId, () -> transfers
                        .findByPaymentRequestId(paymentRequestId)
                        .filter(t -> t.status() == TransferState.SENDING
                                && t.callId().equals(Optional.of(call.id())))
                        .map(TransferSending::call));
        return again.<ProviderOutcome<StripeTransfers.Sent>>map(stripe::create)
                .orElseGet(() -> new ProviderOutcome.NotAttempted<>("The transfer no longer waits for this call"));
    }

    /** The janitor's outcome of a send. */
    void settle(StripeCall call, ProviderOutcome<StripeTransfers.Sent> outcome) {
        record(UUID.fromString(call.businessKey()), call.id(), outcome);
    }

    /** The janitor's look-up of a reversal: the transfer's reversal that carries the call's key. */
    ProviderOutcome<Optional<StripeTransfers.Reversal>> findReversal(StripeCall call) {
        Optional<String> transferId = systemAccess.transaction(
                ACROSS_TENANTS, "read the reversed transfer of " + call.businessKey(), () -> transfers
                        .findByPaymentRequestId(UUID.fromString(call.businessKey()))
                        .flatMap(Transfer::stripeTransferId));
        return transferId
                .map(id -> stripe.findReversal(id, call.idempotencyKey()))
                .orElseGet(() -> new ProviderOutcome.Approved<>(Optional.empty()));
    }

    /** The janitor sends a reversal again, when the transfer still waits for that call. */
    ProviderOutcome<StripeTransfers.Reversal> resendReversal(StripeCall call) {
        UUID paymentRequestId = UUID.fromString(call.businessKey());
        Optional<String> transferId =
                systemAccess.transaction(ACROSS_TENANTS, "read the reversal of " + paymentRequestId, () -> transfers
                        .findByPaymentRequestId(paymentRequestId)
                        .filter(t -> t.status() == TransferState.REVERSING
                                && t.reversalCallId().equals(Optional.of(call.id())))
                        .flatMap(Transfer::stripeTransferId));
        return transferId
                .map(id -> stripe.reverse(id, paymentRequestId, call.idempotencyKey()))
                .orElseGet(() -> new ProviderOutcome.NotAttempted<>("The transfer no longer waits for this reversal"));
    }

    /** The janitor's outcome of a reversal. */
    void settleReversal(StripeCall call, ProviderOutcome<StripeTransfers.Reversal> outcome) {
        Optional<TransferId> transferId =
                systemAccess.transaction(ACROSS_TENANTS, "read the transfer of " + call.businessKey(), () -> transfers
                        .findByPaymentRequestId(UUID.fromString(call.businessKey()))
                        .map(Transfer::id));
        transferId.ifPresentOrElse(
                id -> recordReversal(id, call.id(), outcome),
                () -> systemAccess.transaction(
                        ACROSS_TENANTS,
                        "record reversal call " + call.id(),
                        () -> calls.record(call.id(), outcome, StripeTransfers.Reversal::id)));
    }

    private record Prepared(StripeTransfers.TransferCall call, UUID callId) {}

    private Optional<Prepared> prepare(UUID paymentRequestId) {
        Optional<TransferReads.Facts> facts = systemAccess.transaction(
                ACROSS_TENANTS, "read the transfer facts of " + paymentRequestId, () -> requests.find(
                                new PaymentRequestId(paymentRequestId))
                        .map(request -> reads.facts(request, transfers.findByPaymentRequestId(paymentRequestId))));
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        boolean verified = participation.refusal(facts.get().carrier()).isEmpty();
        return OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "send the transfer of " + paymentRequestId, () -> {
                    BilledRequest request = requests.find(new PaymentRequestId(paymentRequestId))
                            .orElseThrow();
                    Transfer transfer = intents.transferOf(request);
                    if (transfer.status() == TransferState.SENDING) {
                        return Optional.<Prepared>empty();
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
                                    transfer.nothingToTransfer(
                                            request.amountRefunded().minor(), clock.instant());
                                    yield Optional.<Prepared>empty();
                                }
                                amount = new Money(owed, request.amount().currency());
                            }
                            String key = transfer.beginSending(
                                    amount,
                                    request.amountRefunded().minor(),
                                    now.destination().orElseThrow(),
                                    request.stripeChargeId().orElseThrow(),
                                    clock.instant());
                            UUID callId = calls.intend(transfer.tenantId(), CREATE, paymentRequestId.toString(), key);
                            transfer.sendingThrough(callId);
                            yield Optional.of(new Prepared(call(transfer), callId));
                        }
                        case ReleasePolicy.NothingToTransfer nothing -> {
                            transfer.nothingToTransfer(request.amountRefunded().minor(), clock.instant());
                            yield Optional.<Prepared>empty();
                        }
                        case ReleasePolicy.Hold hold -> Optional.<Prepared>empty();
                    };
                }));
    }

    private void record(UUID paymentRequestId, UUID callId, ProviderOutcome<StripeTransfers.Sent> outcome) {
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "record the transfer of " + paymentRequestId, () -> {
                    calls.record(callId, outcome, StripeTransfers.Sent::id);
                    Transfer transfer =
                            transfers.findByPaymentRequestId(paymentRequestId).orElseThrow();
                    if (!transfer.callId().equals(Optional.of(callId))) {
                        return null; // an older call's answer: the transfer has moved on
                    }
                    TenantId carrier = new TenantId(transfer.tenantId());
                    switch (outcome) {
                        case ProviderOutcome.Approved<StripeTransfers.Sent>(StripeTransfers.Sent sent) -> {
                            String id = sent.id();
                            if (transfer.sent(id, clock.instant())) {
                                postings.transferred(
                                        transfer.tenantId(),
                                        new PaymentRequestId(paymentRequestId),
                                        transfer.destinationAccount().orElseThrow(),
                                        id,
                                        sent.destinationPayment(),
                                        transfer.amount(),
                                        clock.instant());
                                events.publishEvent(new TransferReleased(
                                        new PaymentRequestId(paymentRequestId),
                                        carrier,
                                        transfer.amount(),
                                        transfer.fee(),
                                        id,
                                        BilledRequest.transferGroup(new PaymentRequestId(paymentRequestId))));
                            }
                        }
                        case ProviderOutcome.Declined<StripeTransfers.Sent> declined -> {
                            if (transfer.failed(declined.code() + ": " + declined.message(), clock.instant())) {
                                events.publishEvent(new TransferFailed(
                                        new PaymentRequestId(paymentRequestId),
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

    private void recordReversal(TransferId transferId, UUID callId, ProviderOutcome<StripeTransfers.Reversal> outcome) {
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "record the reversal of transfer " + transferId, () -> {
                    calls.record(callId, outcome, StripeTransfers.Reversal::id);
                    Transfer transfer = transfers.findById(transferId.value()).orElseThrow();
                    if (!transfer.reversalCallId().equals(Optional.of(callId))) {
                        return null; // an older reversal's answer: the transfer has moved on
                    }
                    switch (outcome) {
                        case ProviderOutcome.Approved<StripeTransfers.Reversal>(StripeTransfers.Reversal reversal) -> {
                            String id = reversal.id();
                            Money amount = transfer.amount();
                            String stripeTransfer = transfer.stripeTransferId().orElse("");
                            String connected = transfer.destinationAccount().orElseThrow();
                            if (transfer.reversed(id, clock.instant())) {
                                postings.reversed(
                                        transfer.tenantId(),
                                        new PaymentRequestId(transfer.paymentRequestId()),
                                        connected,
                                        id,
                                        reversal.destinationPaymentRefund(),
                                        new Money(reversal.amountMinor(), transfer.currency()),
                                        clock.instant());
                                events.publishEvent(new TransferReversed(
                                        new PaymentRequestId(transfer.paymentRequestId()),
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

    private record ReversalCall(TransferId id, String transferId, String key, UUID callId) {}

    private static StripeTransfers.TransferCall call(Transfer transfer) {
        return new StripeTransfers.TransferCall(
                transfer.paymentRequestId(),
                transfer.idempotencyKey().orElseThrow(),
                transfer.amount(),
                transfer.destinationAccount().orElseThrow(),
                transfer.sourceTransaction().orElseThrow(),
                BilledRequest.transferGroup(new PaymentRequestId(transfer.paymentRequestId())));
    }
}

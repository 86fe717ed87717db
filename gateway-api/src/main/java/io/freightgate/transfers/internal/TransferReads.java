package io.freightgate.transfers.internal;

import io.freightgate.billing.BilledRequest;
import io.freightgate.billing.PaymentParticipation;
import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutAccounts;
import io.freightgate.transfers.TransferHoldReason;
import io.freightgate.transfers.TransferView;
import io.freightgate.transfers.internal.domain.ReleasePolicy;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferHold;
import io.freightgate.transfers.internal.domain.TransferState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the release policy is told about a transfer (its facts, read in the caller's transaction) and how a transfer is
 * shown ({@link TransferView}, with what a waiting transfer waits for). Used by the {@code Transfers} facade and by
 * {@link TransferSending}.
 */
@Component
public class TransferReads {

    private final TransferHoldRecords holds;
    private final PaymentParticipation participation;
    private final PayoutAccounts payoutAccounts;
    private final TransferProperties properties;

    TransferReads(
            TransferHoldRecords holds,
            PaymentParticipation participation,
            PayoutAccounts payoutAccounts,
            TransferProperties properties) {
        this.holds = holds;
        this.participation = participation;
        this.payoutAccounts = payoutAccounts;
        this.properties = properties;
    }

    /** The transfer of {@code request} as shown to its carrier and to platform staff. */
    public TransferView view(BilledRequest request, Optional<Transfer> transfer) {
        return view(request, transfer, waitingFor(request, transfer));
    }

    /** What the policy needs, read in one transaction (KYC's answer is asked outside it). */
    public record Facts(
            TenantId carrier,
            TransferState state,
            PaymentRequestStatus request,
            boolean screeningAllowed,
            ReleasePolicy.Delivery delivery,
            boolean trusted,
            Optional<String> destination,
            Set<TransferHoldReason> activeHolds,
            Money share) {

        public ReleasePolicy.Facts policy(boolean verified) {
            return new ReleasePolicy.Facts(
                    state,
                    request,
                    screeningAllowed,
                    delivery,
                    trusted,
                    destination.isPresent(),
                    verified,
                    activeHolds,
                    share);
        }
    }

    public Facts facts(BilledRequest request, Optional<Transfer> transfer) {
        List<TransferHold> all = transfer.map(t -> holds.of(t.id())).orElse(List.of());
        Set<TransferHoldReason> active = all.stream()
                .filter(TransferHold::active)
                .map(TransferHold::reason)
                .collect(Collectors.toUnmodifiableSet());
        boolean reviewCleared =
                all.stream().anyMatch(h -> !h.active() && h.reason() == TransferHoldReason.FRAUD_REVIEW);
        boolean screeningAllowed = reviewCleared || request.screeningAllowed();
        Optional<String> destination = payoutAccounts.transferDestination(request.carrier());
        Money share = transfer.map(t -> t.share(request.amountRefunded().minor()))
                .orElse(Money.zero(request.amount().currency()));
        return new Facts(
                new TenantId(request.carrier()),
                transfer.map(Transfer::status).orElse(TransferState.AWAITING_PAYMENT),
                request.status(),
                screeningAllowed,
                transfer.map(Transfer::delivery).orElseGet(ReleasePolicy.Delivery.NotConfirmed::new),
                properties.trusted(request.carrier()),
                destination,
                active,
                share);
    }

    /** What the release policy says a waiting transfer waits for: every reason, and the delivery wait in words. */
    private record Waiting(List<String> reasons, Optional<String> deliveryWait) {
        static final Waiting NOTHING = new Waiting(List.of(), Optional.empty());
    }

    private Waiting waitingFor(BilledRequest request, Optional<Transfer> transfer) {
        Facts facts = facts(request, transfer);
        if (!facts.state().waiting()) {
            return Waiting.NOTHING;
        }
        boolean verified = participation.refusal(facts.carrier()).isEmpty();
        return switch (ReleasePolicy.decide(facts.policy(verified))) {
            case ReleasePolicy.Hold hold ->
                new Waiting(hold.reasons().stream().map(Enum::name).toList(), hold.deliveryWait());
            case ReleasePolicy.Release release -> Waiting.NOTHING;
            case ReleasePolicy.NothingToTransfer nothing -> Waiting.NOTHING;
        };
    }

    private TransferView view(BilledRequest request, Optional<Transfer> transfer, Waiting waiting) {
        List<TransferView.Hold> holdViews = transfer.map(t -> holds.of(t.id()).stream()
                        .map(h -> new TransferView.Hold(
                                h.reason(), h.note(), h.placedBy(), h.placedAt(), h.releasedBy(), h.releasedAt()))
                        .toList())
                .orElse(List.of());
        boolean held = holdViews.stream().anyMatch(h -> h.releasedAt().isEmpty());
        TransferState state = transfer.map(Transfer::status).orElse(TransferState.AWAITING_PAYMENT);
        String status = held && state.waiting() ? "HELD" : state.name();
        Money zero = Money.zero(request.amount().currency());
        Money fee = transfer.filter(t -> t.status() != TransferState.AWAITING_PAYMENT)
                .map(Transfer::fee)
                .orElseGet(() -> properties.feePolicy().feeOn(request.amount()));
        Money gross = transfer.filter(t -> t.status() != TransferState.AWAITING_PAYMENT)
                .map(Transfer::gross)
                .orElse(request.amount());
        Money refunded = request.amountRefunded();
        Money amount = transfer.filter(t -> !t.status().waiting() && t.status() != TransferState.NOTHING_TO_TRANSFER)
                .map(Transfer::amount)
                .orElseGet(() -> {
                    long share = gross.minor() - fee.minor() - refunded.minor();
                    return share > 0 ? new Money(share, zero.currency()) : zero;
                });
        return new TransferView(
                request.id(),
                status,
                gross,
                fee,
                transfer.filter(t -> !t.status().waiting())
                        .map(Transfer::refunded)
                        .orElse(refunded),
                amount,
                BilledRequest.transferGroup(request.id()),
                waiting.reasons(),
                waiting.deliveryWait(),
                holdViews,
                transfer.flatMap(Transfer::deliveryConfirmedAt),
                transfer.map(Transfer::attemptNumber).orElse(0),
                transfer.flatMap(Transfer::idempotencyKey),
                transfer.flatMap(Transfer::destinationAccount),
                transfer.flatMap(Transfer::stripeTransferId),
                transfer.flatMap(Transfer::stripeReversalId),
                transfer.flatMap(Transfer::releasedAt),
                transfer.flatMap(Transfer::reversedAt),
                transfer.flatMap(Transfer::lastError));
    }
}

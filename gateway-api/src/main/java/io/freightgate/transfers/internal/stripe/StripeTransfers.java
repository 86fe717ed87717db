package io.freightgate.transfers.internal.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.stripe.param.TransferReversalCreateParams;
import com.stripe.param.TransferReversalListParams;
import io.freightgate.kernel.Money;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.StripeFailures;
import io.freightgate.platform.stripe.calls.StripeCalls;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The Stripe adapter for carriers' transfers (separate charges and transfers): a transfer from the platform's balance to
 * the carrier's connected account, tied to the payment request's charge ({@code source_transaction}) and group
 * ({@code transfer_group}), and its reversal. Every call carries FreightGate's idempotency key; every failure becomes a
 * {@link ProviderOutcome}; no Stripe type leaves this class.
 */
@Component
public class StripeTransfers {

    /** Metadata on every transfer, to find the payment request from Stripe's side. */
    public static final String REQUEST_METADATA = "freightgate_payment_request";

    /** Metadata on every transfer and reversal: the idempotency key of the call that made it, for the janitor's look-up. */
    public static final String CALL_METADATA = "freightgate_call";

    /** The largest page of a list (a request's transfer group holds a handful of transfers). */
    private static final long PAGE = 100;

    private final StripeClient stripe;

    StripeTransfers(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** Everything the transfer call sends; rebuilt identically from the stored transfer when it is repeated. */
    public record TransferCall(
            UUID paymentRequestId,
            String idempotencyKey,
            Money amount,
            String destination,
            String sourceTransaction,
            String transferGroup) {}

    /** A transfer Stripe made: its id and the payment it created on the connected account ({@code py_...}). */
    public record Sent(String id, String destinationPayment) {}

    /** A reversal Stripe made: its id, amount, and the refund of the destination payment ({@code pyr_...}). */
    public record Reversal(String id, long amountMinor, String destinationPaymentRefund) {}

    /** Creates the transfer; Approved carries Stripe's transfer. */
    public ProviderOutcome<Sent> create(TransferCall call) {
        var params = TransferCreateParams.builder()
                .setAmount(call.amount().minor())
                .setCurrency(call.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setDestination(call.destination())
                .setSourceTransaction(call.sourceTransaction())
                .setTransferGroup(call.transferGroup())
                .setDescription("Carrier share of payment request " + call.paymentRequestId())
                .putMetadata(REQUEST_METADATA, call.paymentRequestId().toString())
                .putMetadata(CALL_METADATA, call.idempotencyKey())
                .build();
        try {
            var transfer = stripe.v1().transfers().create(params, key(call.idempotencyKey()));
            return new ProviderOutcome.Approved<>(new Sent(transfer.getId(), transfer.getDestinationPayment()));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** Reverses what is left of a transfer; Approved carries the reversal. */
    public ProviderOutcome<Reversal> reverse(String transferId, UUID paymentRequestId, String idempotencyKey) {
        return reversal(
                transferId,
                TransferReversalCreateParams.builder()
                        .setDescription("Reversal of the carrier share of payment request " + paymentRequestId),
                paymentRequestId,
                idempotencyKey);
    }

    /** Reverses {@code amountMinor} of a transfer (a refund's share); Approved carries the reversal. */
    public ProviderOutcome<Reversal> reverse(
            String transferId, UUID paymentRequestId, long amountMinor, String reason, String idempotencyKey) {
        return reversal(
                transferId,
                TransferReversalCreateParams.builder().setAmount(amountMinor).setDescription(reason),
                paymentRequestId,
                idempotencyKey);
    }

    private ProviderOutcome<Reversal> reversal(
            String transferId,
            TransferReversalCreateParams.Builder params,
            UUID paymentRequestId,
            String idempotencyKey) {
        try {
            var reversal = stripe.v1()
                    .transfers()
                    .reversals()
                    .create(
                            transferId,
                            params.putMetadata(REQUEST_METADATA, paymentRequestId.toString())
                                    .putMetadata(CALL_METADATA, idempotencyKey)
                                    .build(),
                            key(idempotencyKey));
            return new ProviderOutcome.Approved<>(
                    new Reversal(reversal.getId(), reversal.getAmount(), reversal.getDestinationPaymentRefund()));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /**
     * Looks up (read-only) the transfer a call made: the transfers of {@code transferGroup} whose {@link #CALL_METADATA}
     * is {@code idempotencyKey}. Approved(empty) when Stripe has none.
     */
    public ProviderOutcome<Optional<Sent>> findTransfer(String transferGroup, String idempotencyKey) {
        try {
            var params = TransferListParams.builder()
                    .setTransferGroup(transferGroup)
                    .setLimit(PAGE)
                    .build();
            for (var transfer : stripe.v1().transfers().list(params).autoPagingIterable()) {
                if (idempotencyKey.equals(transfer.getMetadata().get(CALL_METADATA))) {
                    return new ProviderOutcome.Approved<>(
                            Optional.of(new Sent(transfer.getId(), transfer.getDestinationPayment())));
                }
            }
            return new ProviderOutcome.Approved<>(Optional.empty());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /**
     * Looks up (read-only) the reversal a call made: the reversals of {@code transferId} whose {@link #CALL_METADATA} is
     * {@code idempotencyKey}. Approved(empty) when Stripe has none.
     */
    public ProviderOutcome<Optional<Reversal>> findReversal(String transferId, String idempotencyKey) {
        try {
            var params = TransferReversalListParams.builder().setLimit(PAGE).build();
            for (var reversal :
                    stripe.v1().transfers().reversals().list(transferId, params).autoPagingIterable()) {
                if (idempotencyKey.equals(reversal.getMetadata().get(CALL_METADATA))) {
                    return new ProviderOutcome.Approved<>(Optional.of(new Reversal(
                            reversal.getId(), reversal.getAmount(), reversal.getDestinationPaymentRefund())));
                }
            }
            return new ProviderOutcome.Approved<>(Optional.empty());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder()
                .setIdempotencyKey(idempotencyKey)
                .setMaxNetworkRetries(StripeCalls.NETWORK_RETRIES)
                .build();
    }
}

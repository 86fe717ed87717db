package io.freightgate.transfers;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The carrier's transfer of a payment request as finance sees it. {@code status}: {@code AWAITING_PAYMENT},
 * {@code PENDING} (waiting for the release policy: see {@code waitingFor}), {@code HELD} (a hold is active),
 * {@code SENDING} (sent to Stripe, answer not yet known: retried with the same key), {@code SENT}, {@code FAILED}
 * (Stripe refused; retried once the policy is met), {@code REVERSING}, {@code REVERSED}, {@code NOTHING_TO_TRANSFER}.
 * {@code amount} is the carrier's share: gross minus fee minus refunded. {@code deliveryConfirmedAt} is when evidence of
 * the delivery was first recorded; {@code deliveryWait}, while that evidence is the carrier's word alone, says the
 * transfer waits for a second delivery signal and what the evidence lacks.
 */
public record TransferView(
        PaymentRequestId paymentRequestId,
        String status,
        Money gross,
        Money fee,
        Money refunded,
        Money amount,
        String transferGroup,
        List<String> waitingFor,
        Optional<String> deliveryWait,
        List<Hold> holds,
        Optional<Instant> deliveryConfirmedAt,
        int attempt,
        Optional<String> idempotencyKey,
        Optional<String> destinationAccount,
        Optional<String> stripeTransferId,
        Optional<String> stripeReversalId,
        Optional<Instant> releasedAt,
        Optional<Instant> reversedAt,
        Optional<String> lastError) {

    public TransferView {
        waitingFor = List.copyOf(waitingFor);
        holds = List.copyOf(holds);
    }

    /** A hold, active while {@code releasedAt} is empty. */
    public record Hold(
            TransferHoldReason reason,
            Optional<String> note,
            String placedBy,
            Instant placedAt,
            Optional<String> releasedBy,
            Optional<Instant> releasedAt) {}
}

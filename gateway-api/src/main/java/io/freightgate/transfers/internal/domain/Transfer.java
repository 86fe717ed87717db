package io.freightgate.transfers.internal.domain;

import io.freightgate.billing.DeliveryProof;
import io.freightgate.kernel.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * The carrier's share of one payment request, and where sending it to the carrier's Stripe connected account stands
 * ({@link TransferState}). Created when the request is paid (or earlier, when a hold or a delivery confirmation
 * arrives first), with the platform's fee fixed at that moment. Each send is numbered: attempt {@code n} uses the
 * idempotency key {@code fg-transfer-{paymentRequestId}-{n}}; an unknown outcome repeats the same number, a refusal or
 * a restore after a reversal takes the next one. Refused transitions throw {@link IllegalStateException}.
 */
@Entity
@Table(name = "transfers")
@Audited
public class Transfer {

    @Id
    private UUID id;

    @Column(name = "payment_request_id", nullable = false, updatable = false)
    private UUID paymentRequestId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    /**
     * What the shipper paid (zero until then); its currency is the currency of every amount of the transfer (one
     * column, ADR 9): fee, refunded and amount are in it.
     */
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "gross_minor", nullable = false))
    @AttributeOverride(
            name = "currency",
            column = @Column(name = "currency", nullable = false, length = 3, updatable = false))
    private Money gross;

    @Column(name = "fee_minor", nullable = false)
    private long feeMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferState status;

    @Column(name = "attempt_number", nullable = false)
    private int attemptNumber;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "destination_account")
    private String destinationAccount;

    @Column(name = "source_transaction")
    private String sourceTransaction;

    @Column(name = "stripe_transfer_id")
    private @Nullable String stripeTransferId;

    @Column(name = "stripe_reversal_id")
    private @Nullable String stripeReversalId;

    @Column(name = "reversal_key")
    private @Nullable String reversalKey;

    @Column(name = "delivery_confirmed_at")
    private Instant deliveryConfirmedAt;

    @Column(name = "delivery_wait")
    private @Nullable String deliveryWait;

    @Column(name = "released_at")
    private @Nullable Instant releasedAt;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "last_error")
    private @Nullable String lastError;

    /** The Stripe call of the current send ({@code stripe_calls}): its outcome is recorded there. */
    @Column(name = "call_id")
    private UUID callId;

    /** The Stripe call of the current full reversal. */
    @Column(name = "reversal_call_id")
    private UUID reversalCallId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Transfer() {}

    /** The transfer of a request, before or after it is paid; the fee is fixed by {@link #paid}. */
    public static Transfer of(TransferId id, UUID paymentRequestId, UUID carrier, Currency currency, Instant now) {
        var transfer = new Transfer();
        transfer.id = id.value();
        transfer.paymentRequestId = paymentRequestId;
        transfer.tenantId = carrier;
        transfer.gross = Money.zero(currency);
        transfer.status = TransferState.AWAITING_PAYMENT;
        transfer.createdAt = now;
        transfer.updatedAt = now;
        return transfer;
    }

    /** The request was paid: gross and fee are fixed, the transfer waits for the release policy. */
    public void paid(Money gross, Money fee, Instant now) {
        if (status != TransferState.AWAITING_PAYMENT) {
            return;
        }
        requireCurrency(gross);
        requireCurrency(fee);
        this.gross = gross;
        feeMinor = fee.minor();
        status = TransferState.PENDING;
        updatedAt = now;
    }

    /** What the carrier receives now: paid minus fee minus refunded, never below zero. */
    public Money share(long refundedNow) {
        long share = Math.subtractExact(Math.subtractExact(gross.minor(), feeMinor), refundedNow);
        return new Money(Math.max(0, share), gross.currency());
    }

    /**
     * Evidence of the delivery arrived. The first evidence records the time; sufficient evidence clears what weaker
     * evidence waited for; weak evidence never undoes sufficient evidence, and the first weakness named is kept.
     */
    public void deliveryConfirmed(DeliveryProof proof, Instant now) {
        switch (proof) {
            case DeliveryProof.Sufficient sufficient -> {
                if (deliveryConfirmedAt == null || deliveryWait != null) {
                    deliveryConfirmedAt = deliveryConfirmedAt == null ? now : deliveryConfirmedAt;
                    deliveryWait = null;
                    updatedAt = now;
                }
            }
            case DeliveryProof.NeedsSecondSignal weak -> {
                if (deliveryConfirmedAt == null) {
                    deliveryConfirmedAt = now;
                    deliveryWait = weak.reason();
                    updatedAt = now;
                }
            }
        }
    }

    /** What the delivery evidence recorded so far means to the release policy. */
    public ReleasePolicy.Delivery delivery() {
        if (deliveryConfirmedAt == null) {
            return new ReleasePolicy.Delivery.NotConfirmed();
        }
        return deliveryWait == null
                ? new ReleasePolicy.Delivery.Confirmed()
                : new ReleasePolicy.Delivery.AwaitsSecondSignal(deliveryWait);
    }

    /**
     * The release policy is met: the intent to send {@code amount} is recorded with the next attempt number and its
     * idempotency key; Stripe is called after this commits.
     */
    public String beginSending(Money amount, long refundedNow, String destination, String source, Instant now) {
        if (!status.waiting() || status == TransferState.AWAITING_PAYMENT) {
            throw new IllegalStateException(
                    "Transfer of " + paymentRequestId + " is " + status + "; it cannot be sent");
        }
        requireCurrency(amount);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A transfer moves a positive amount");
        }
        attemptNumber++;
        idempotencyKey = key(paymentRequestId, attemptNumber);
        amountMinor = amount.minor();
        refundedMinor = refundedNow;
        destinationAccount = destination;
        sourceTransaction = source;
        status = TransferState.SENDING;
        lastError = null;
        updatedAt = now;
        return idempotencyKey;
    }

    /** Stripe made the transfer. Returns whether this changed anything (a replayed answer does not). */
    public boolean sent(String stripeTransferId, Instant now) {
        if (status != TransferState.SENDING) {
            return false;
        }
        this.stripeTransferId = stripeTransferId;
        status = TransferState.SENT;
        releasedAt = now;
        lastError = null;
        updatedAt = now;
        return true;
    }

    /** Stripe refused the transfer: it waits again and the next send takes a new number. */
    public boolean failed(String reason, Instant now) {
        if (status != TransferState.SENDING) {
            return false;
        }
        status = TransferState.FAILED;
        lastError = reason;
        updatedAt = now;
        return true;
    }

    /** Stripe's answer is unknown: the transfer stays {@code SENDING} and is repeated with the same key. */
    public void outcomeUnknown(String reason, Instant now) {
        lastError = reason;
        updatedAt = now;
    }

    /** The send's Stripe call, recorded with the intent in the same transaction as {@link #beginSending}. */
    public void sendingThrough(UUID call) {
        if (status != TransferState.SENDING) {
            throw new IllegalStateException(
                    "Transfer of " + paymentRequestId + " is " + status + "; it is not sending");
        }
        callId = call;
    }

    /** The reversal's Stripe call, recorded with the intent in the same transaction as {@link #beginReversal}. */
    public void reversingThrough(UUID call) {
        if (status != TransferState.REVERSING) {
            throw new IllegalStateException(
                    "Transfer of " + paymentRequestId + " is " + status + "; it is not reversing");
        }
        reversalCallId = call;
    }

    /** Nothing is left for the carrier (the request was refunded in full, or the fee took it all). */
    public void nothingToTransfer(long refundedNow, Instant now) {
        if (!status.waiting()) {
            return;
        }
        refundedMinor = refundedNow;
        amountMinor = 0;
        status = TransferState.NOTHING_TO_TRANSFER;
        updatedAt = now;
    }

    /** The intent to reverse the transfer in full; its key is {@code fg-transfer-reversal-{request}-{n}}. */
    public String beginReversal(Instant now) {
        if (status == TransferState.REVERSING) {
            return java.util.Objects.requireNonNull(reversalKey, "a reversing transfer has its reversal key");
        }
        if (status != TransferState.SENT) {
            throw new IllegalStateException(
                    "Transfer of " + paymentRequestId + " is " + status + "; only a transfer made can be reversed");
        }
        reversalKey = "fg-transfer-reversal-" + paymentRequestId + "-" + attemptNumber;
        status = TransferState.REVERSING;
        updatedAt = now;
        return reversalKey;
    }

    public boolean reversed(String reversalId, Instant now) {
        if (status != TransferState.REVERSING) {
            return false;
        }
        stripeReversalId = reversalId;
        status = TransferState.REVERSED;
        reversedAt = now;
        lastError = null;
        updatedAt = now;
        return true;
    }

    /** Stripe refused the reversal: the transfer stands as made. */
    public void reversalRefused(String reason, Instant now) {
        if (status == TransferState.REVERSING) {
            status = TransferState.SENT;
            lastError = reason;
            updatedAt = now;
        }
    }

    /** A reversed transfer is to be sent again: it waits for the release policy and the next send takes a new key. */
    public void restore(Instant now) {
        if (status != TransferState.REVERSED) {
            throw new IllegalStateException(
                    "Transfer of " + paymentRequestId + " is " + status + "; only a reversed transfer can be restored");
        }
        status = TransferState.PENDING;
        stripeTransferId = null;
        stripeReversalId = null;
        reversalKey = null;
        releasedAt = null;
        updatedAt = now;
    }

    public static String key(UUID paymentRequestId, int attempt) {
        return "fg-transfer-" + paymentRequestId + "-" + attempt;
    }

    private void requireCurrency(Money money) {
        if (!money.currency().equals(gross.currency())) {
            throw new IllegalArgumentException("Transfer of " + paymentRequestId + " is in " + gross.currency());
        }
    }

    public TransferId id() {
        return new TransferId(id);
    }

    public UUID paymentRequestId() {
        return paymentRequestId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Currency currency() {
        return gross.currency();
    }

    public Money gross() {
        return gross;
    }

    public Money fee() {
        return new Money(feeMinor, gross.currency());
    }

    public Money refunded() {
        return new Money(refundedMinor, gross.currency());
    }

    public Money amount() {
        return new Money(amountMinor, gross.currency());
    }

    public TransferState status() {
        return status;
    }

    public int attemptNumber() {
        return attemptNumber;
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Optional<String> destinationAccount() {
        return Optional.ofNullable(destinationAccount);
    }

    public Optional<String> sourceTransaction() {
        return Optional.ofNullable(sourceTransaction);
    }

    public Optional<String> stripeTransferId() {
        return Optional.ofNullable(stripeTransferId);
    }

    public Optional<String> stripeReversalId() {
        return Optional.ofNullable(stripeReversalId);
    }

    public Optional<String> reversalKey() {
        return Optional.ofNullable(reversalKey);
    }

    public Optional<Instant> deliveryConfirmedAt() {
        return Optional.ofNullable(deliveryConfirmedAt);
    }

    public Optional<Instant> releasedAt() {
        return Optional.ofNullable(releasedAt);
    }

    public Optional<Instant> reversedAt() {
        return Optional.ofNullable(reversedAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<UUID> callId() {
        return Optional.ofNullable(callId);
    }

    public Optional<UUID> reversalCallId() {
        return Optional.ofNullable(reversalCallId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

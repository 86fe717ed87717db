package io.freightgate.billing.internal.domain;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
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
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A full or partial refund of a paid request; its idempotency key is {@code fg-refund-<id>}. */
@Entity
@Table(name = "payment_refunds")
public class PaymentRefund {

    @Id
    private UUID id;

    @Column(name = "payment_request_id", nullable = false, updatable = false)
    private UUID paymentRequestId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "shipper_id", nullable = false, updatable = false)
    private UUID shipperId;

    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false, updatable = false))
    @AttributeOverride(
            name = "currency",
            column = @Column(name = "currency", nullable = false, length = 3, updatable = false))
    private Money amount;

    @Column(updatable = false)
    private @Nullable String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptOutcome outcome;

    @Column(name = "stripe_refund_id")
    private @Nullable String stripeRefundId;

    @Column(name = "stripe_status")
    private @Nullable String stripeStatus;

    @Column(name = "failure_message")
    private @Nullable String failureMessage;

    /** The Stripe call that makes this refund ({@code stripe_calls}), recorded with the intent. */
    @Column(name = "call_id")
    private @Nullable UUID callId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PaymentRefund() {}

    public static PaymentRefund intend(
            PaymentRefundId id,
            PaymentRequest request,
            long amountMinor,
            Optional<String> reason,
            String actor,
            Instant now) {
        var refund = new PaymentRefund();
        refund.id = id.value();
        refund.paymentRequestId = request.id().value();
        refund.tenantId = request.tenantId();
        refund.shipperId = request.shipperId();
        refund.amount = new Money(amountMinor, request.amount().currency());
        refund.reason = reason.orElse(null);
        refund.outcome = AttemptOutcome.PENDING;
        refund.createdBy = actor;
        refund.createdAt = now;
        refund.updatedAt = now;
        return refund;
    }

    /** Stripe's refund status ({@code succeeded}, {@code pending}, {@code failed}, {@code canceled}). */
    public void observed(String refundId, String status, Optional<String> failure, Instant now) {
        if (outcome == AttemptOutcome.DECLINED && stripeRefundId != null) {
            return; // a failed or canceled refund is final at Stripe: a late or replayed report changes nothing
        }
        stripeRefundId = refundId;
        stripeStatus = status;
        outcome = switch (status) {
            case "succeeded" -> AttemptOutcome.APPROVED;
            case "failed", "canceled" -> AttemptOutcome.DECLINED;
            default -> AttemptOutcome.PENDING;
        };
        failureMessage = failure.orElse(null);
        updatedAt = now;
    }

    public void declined(String message, Instant now) {
        outcome = AttemptOutcome.DECLINED;
        failureMessage = message;
        updatedAt = now;
    }

    public void unknown(String message, Instant now) {
        outcome = AttemptOutcome.UNKNOWN;
        failureMessage = message;
        updatedAt = now;
    }

    /** The refund's Stripe call, recorded in the transaction that records the intent. */
    public void sendingThrough(UUID call) {
        callId = call;
    }

    public Optional<UUID> callId() {
        return Optional.ofNullable(callId);
    }

    public String idempotencyKey() {
        return "fg-refund-" + id;
    }

    public PaymentRefundId id() {
        return new PaymentRefundId(id);
    }

    public PaymentRequestId paymentRequestId() {
        return new PaymentRequestId(paymentRequestId);
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Money amount() {
        return amount;
    }

    public long amountMinor() {
        return amount.minor();
    }

    /** The ISO code of the amount's currency. */
    public String currency() {
        return amount.currency().getCurrencyCode();
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public AttemptOutcome outcome() {
        return outcome;
    }

    public Optional<String> stripeRefundId() {
        return Optional.ofNullable(stripeRefundId);
    }

    public Optional<String> stripeStatus() {
        return Optional.ofNullable(stripeStatus);
    }

    public Optional<String> failureMessage() {
        return Optional.ofNullable(failureMessage);
    }

    public Instant createdAt() {
        return createdAt;
    }
}

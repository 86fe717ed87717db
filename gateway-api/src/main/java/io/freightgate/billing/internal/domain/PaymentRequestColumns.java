package io.freightgate.billing.internal.domain;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * The columns of {@link PaymentRequest} and their reads (table {@code payment_requests}, audited like the request). Kept
 * apart from the request's rules so that neither file grows past reading size; only {@link PaymentRequest} changes
 * them, through its checked transitions.
 */
@MappedSuperclass
@Audited
public abstract class PaymentRequestColumns {

    @Id
    protected UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    protected UUID tenantId;

    @Column(name = "shipper_id", nullable = false, updatable = false)
    protected UUID shipperId;

    @Column(name = "load_reference", nullable = false, updatable = false)
    protected String loadReference;

    @Column(name = "load_id", updatable = false)
    protected @Nullable UUID loadId;

    @Column(nullable = false, updatable = false)
    protected String origin;

    @Column(nullable = false, updatable = false)
    protected String destination;

    @Column(name = "pickup_date", nullable = false, updatable = false)
    protected LocalDate pickupDate;

    @Column(name = "delivery_date", nullable = false, updatable = false)
    protected LocalDate deliveryDate;

    @Column(name = "due_date", nullable = false, updatable = false)
    protected LocalDate dueDate;

    @Column(updatable = false)
    protected @Nullable String terms;

    @Column(updatable = false)
    protected @Nullable String description;

    /** What the carrier bills; its currency is the currency of every amount of the request (one column). */
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false, updatable = false))
    @AttributeOverride(
            name = "currency",
            column = @Column(name = "currency", nullable = false, length = 3, updatable = false))
    protected Money amount;

    @Column(name = "capture_on_delivery", nullable = false, updatable = false)
    protected boolean captureOnDelivery;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    protected PaymentRequestState status;

    @Column(name = "current_attempt_id")
    protected @Nullable UUID currentAttemptId;

    @Column(name = "attempt_count", nullable = false)
    protected int attemptCount;

    @Column(name = "amount_paid_minor", nullable = false)
    protected long amountPaidMinor;

    @Column(name = "amount_refunded_minor", nullable = false)
    protected long amountRefundedMinor;

    @Column(name = "payment_method_type")
    protected @Nullable String paymentMethodType;

    @Column(name = "stripe_payment_intent_id")
    protected @Nullable String stripePaymentIntentId;

    @Column(name = "stripe_charge_id")
    protected @Nullable String stripeChargeId;

    @Column(name = "capture_before")
    protected @Nullable Instant captureBefore;

    @Column(name = "paid_at")
    protected @Nullable Instant paidAt;

    @Column(name = "reclaimable_until")
    protected @Nullable Instant reclaimableUntil;

    @Column(name = "canceled_at")
    protected @Nullable Instant canceledAt;

    @Column(name = "rate_confirmation_id")
    protected @Nullable UUID rateConfirmationId;

    // The payment page's link: a random token of 32 bytes, found by its SHA-256 and kept encrypted for the reminder
    // mails; never audited (the audit trail keeps no credential).
    @NotAudited
    @Column(name = "pay_token_hash", nullable = false)
    protected String payTokenHash;

    @NotAudited
    @Column(name = "pay_token_ciphertext")
    protected byte @Nullable [] payTokenCiphertext;

    @Column(name = "pay_token_expires_at")
    protected @Nullable Instant payTokenExpiresAt;

    @Column(name = "notified_at")
    protected @Nullable Instant notifiedAt;

    @Column(name = "reminder_before_sent_at")
    protected @Nullable Instant reminderBeforeSentAt;

    @Column(name = "reminder_overdue_sent_at")
    protected @Nullable Instant reminderOverdueSentAt;

    @Column(name = "expiry_alerted_at")
    protected @Nullable Instant expiryAlertedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    protected String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    protected Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    protected Instant updatedAt;

    @Version
    protected long version;

    protected PaymentRequestColumns() {}

    public PaymentRequestId id() {
        return new PaymentRequestId(id);
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID shipperId() {
        return shipperId;
    }

    /** The carrier that issued the request (its tenant). */
    public TenantId carrier() {
        return new TenantId(tenantId);
    }

    /** The shipper it is addressed to. */
    public TenantId shipper() {
        return new TenantId(shipperId);
    }

    public String loadReference() {
        return loadReference;
    }

    public Optional<UUID> loadId() {
        return Optional.ofNullable(loadId);
    }

    public String origin() {
        return origin;
    }

    public String destination() {
        return destination;
    }

    public LocalDate pickupDate() {
        return pickupDate;
    }

    public LocalDate deliveryDate() {
        return deliveryDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Optional<String> terms() {
        return Optional.ofNullable(terms);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Money amount() {
        return amount;
    }

    /** What the shipper paid, in the request's currency. */
    public Money amountPaid() {
        return new Money(amountPaidMinor, amount.currency());
    }

    /** What was refunded of it, in the request's currency. */
    public Money amountRefunded() {
        return new Money(amountRefundedMinor, amount.currency());
    }

    public long amountMinor() {
        return amount.minor();
    }

    /** The ISO code of the request's currency. */
    public String currency() {
        return amount.currency().getCurrencyCode();
    }

    public boolean captureOnDelivery() {
        return captureOnDelivery;
    }

    public PaymentRequestState status() {
        return status;
    }

    public Optional<PaymentAttemptId> currentAttemptId() {
        return Optional.ofNullable(currentAttemptId).map(PaymentAttemptId::new);
    }

    public int attemptCount() {
        return attemptCount;
    }

    public long amountPaidMinor() {
        return amountPaidMinor;
    }

    public long amountRefundedMinor() {
        return amountRefundedMinor;
    }

    public Optional<String> paymentMethodType() {
        return Optional.ofNullable(paymentMethodType);
    }

    public Optional<String> stripePaymentIntentId() {
        return Optional.ofNullable(stripePaymentIntentId);
    }

    public Optional<String> stripeChargeId() {
        return Optional.ofNullable(stripeChargeId);
    }

    public Optional<Instant> captureBefore() {
        return Optional.ofNullable(captureBefore);
    }

    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<Instant> reclaimableUntil() {
        return Optional.ofNullable(reclaimableUntil);
    }

    public Optional<Instant> canceledAt() {
        return Optional.ofNullable(canceledAt);
    }

    public Optional<UUID> rateConfirmationId() {
        return Optional.ofNullable(rateConfirmationId);
    }

    public String payTokenHash() {
        return payTokenHash;
    }

    public Optional<Instant> notifiedAt() {
        return Optional.ofNullable(notifiedAt);
    }

    public Optional<Instant> reminderBeforeSentAt() {
        return Optional.ofNullable(reminderBeforeSentAt);
    }

    public Optional<Instant> reminderOverdueSentAt() {
        return Optional.ofNullable(reminderOverdueSentAt);
    }

    public Optional<Instant> expiryAlertedAt() {
        return Optional.ofNullable(expiryAlertedAt);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

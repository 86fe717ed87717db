package io.freightgate.billing.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A carrier's bill to a shipper for a load, and where its payment stands. Owned by the carrier's tenant and visible to
 * the shipper it is addressed to (PostgreSQL lets either party's tenant see the row). Every change goes through a
 * method that checks the transition ({@link PaymentRequestState}); a refused one throws
 * {@link IllegalStateException}. Stripe's view of a payment attempt is applied by {@link #apply}, which is idempotent
 * and ignores snapshots of attempts that are no longer current.
 */
@Entity
@Table(name = "payment_requests")
@Audited
public class PaymentRequest {

    /** How long a settled SEPA debit may still be reclaimed by the payer's bank (authorized debits: 8 weeks). */
    public static final long SEPA_RECLAIM_DAYS = 56;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "shipper_id", nullable = false, updatable = false)
    private UUID shipperId;

    @Column(name = "load_reference", nullable = false, updatable = false)
    private String loadReference;

    @Column(name = "load_id", updatable = false)
    private UUID loadId;

    @Column(nullable = false, updatable = false)
    private String origin;

    @Column(nullable = false, updatable = false)
    private String destination;

    @Column(name = "pickup_date", nullable = false, updatable = false)
    private LocalDate pickupDate;

    @Column(name = "delivery_date", nullable = false, updatable = false)
    private LocalDate deliveryDate;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(updatable = false)
    private String terms;

    @Column(updatable = false)
    private String description;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "capture_on_delivery", nullable = false, updatable = false)
    private boolean captureOnDelivery;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentRequestState status;

    @Column(name = "current_attempt_id")
    private UUID currentAttemptId;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Column(name = "amount_paid_minor", nullable = false)
    private long amountPaidMinor;

    @Column(name = "amount_refunded_minor", nullable = false)
    private long amountRefundedMinor;

    @Column(name = "payment_method_type")
    private String paymentMethodType;

    @Column(name = "stripe_payment_intent_id")
    private String stripePaymentIntentId;

    @Column(name = "stripe_charge_id")
    private String stripeChargeId;

    @Column(name = "capture_before")
    private Instant captureBefore;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "reclaimable_until")
    private Instant reclaimableUntil;

    @Column(name = "canceled_at")
    private Instant canceledAt;

    @Column(name = "rate_confirmation_id")
    private UUID rateConfirmationId;

    // The payment page's link: a random token of 32 bytes, found by its SHA-256 and kept encrypted for the reminder
    // mails; never audited (the audit trail keeps no credential).
    @NotAudited
    @Column(name = "pay_token_hash", nullable = false)
    private String payTokenHash;

    @NotAudited
    @Column(name = "pay_token_ciphertext")
    private byte[] payTokenCiphertext;

    @Column(name = "pay_token_expires_at")
    private Instant payTokenExpiresAt;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    @Column(name = "reminder_before_sent_at")
    private Instant reminderBeforeSentAt;

    @Column(name = "reminder_overdue_sent_at")
    private Instant reminderOverdueSentAt;

    @Column(name = "expiry_alerted_at")
    private Instant expiryAlertedAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PaymentRequest() {}

    /** What {@link #apply} changed. */
    public enum Change {
        NONE,
        PENDING,
        AUTHORIZED,
        PAID,
        FAILED,
        AUTHORIZATION_RELEASED
    }

    /** The details a carrier gives; checked by the facade before. */
    public record Details(
            UUID shipperId,
            String loadReference,
            Optional<UUID> loadId,
            String origin,
            String destination,
            LocalDate pickupDate,
            LocalDate deliveryDate,
            LocalDate dueDate,
            Optional<String> terms,
            Optional<String> description,
            long amountMinor,
            String currency,
            boolean captureOnDelivery) {}

    public static PaymentRequest open(
            UUID id, UUID carrier, Details details, String payTokenHash, String actor, Instant now) {
        var request = new PaymentRequest();
        request.id = id;
        request.tenantId = carrier;
        request.shipperId = details.shipperId();
        request.loadReference = details.loadReference();
        request.loadId = details.loadId().orElse(null);
        request.origin = details.origin();
        request.destination = details.destination();
        request.pickupDate = details.pickupDate();
        request.deliveryDate = details.deliveryDate();
        request.dueDate = details.dueDate();
        request.terms = details.terms().orElse(null);
        request.description = details.description().orElse(null);
        request.amountMinor = details.amountMinor();
        request.currency = details.currency();
        request.captureOnDelivery = details.captureOnDelivery();
        request.status = PaymentRequestState.OPEN;
        request.payTokenHash = payTokenHash;
        request.createdBy = actor;
        request.createdAt = now;
        request.updatedAt = now;
        return request;
    }

    /**
     * A new payment-page link replaces the current one (which stops working at once): only while the request can still
     * be paid. Fails with {@link IllegalStateException} otherwise.
     */
    public void issuePaymentLink(String tokenHash, byte[] tokenCiphertext, Instant expiresAt, Instant now) {
        if (!status.payable()) {
            throw new IllegalStateException(
                    "Payment request " + id + " is " + status + "; a payment link is issued only while it is open");
        }
        payTokenHash = tokenHash;
        payTokenCiphertext = tokenCiphertext.clone();
        payTokenExpiresAt = expiresAt;
        updatedAt = now;
    }

    /** Why the payment page's link no longer opens the request, if it does not: canceled, or past its time. */
    public Optional<String> paymentLinkEnded(Instant now) {
        if (status == PaymentRequestState.CANCELED) {
            return Optional.of("This payment request was cancelled by the carrier, so this link is no longer valid.");
        }
        if (payTokenExpiresAt == null || !now.isBefore(payTokenExpiresAt)) {
            return Optional.of("This payment link expired and is no longer valid. Ask the carrier for a new link.");
        }
        return Optional.empty();
    }

    /** The current link's token, encrypted, while it has not expired. */
    public Optional<byte[]> currentPaymentToken(Instant now) {
        return payTokenCiphertext == null || payTokenExpiresAt == null || !now.isBefore(payTokenExpiresAt)
                ? Optional.empty()
                : Optional.of(payTokenCiphertext.clone());
    }

    public Optional<Instant> paymentLinkExpiresAt() {
        return Optional.ofNullable(payTokenExpiresAt);
    }

    /** A new payment attempt begins: the request is pending until Stripe (or screening) decides. */
    public int beginAttempt(UUID attemptId, String method, Instant now) {
        if (!status.payable()) {
            throw new IllegalStateException("Payment request " + id + " is " + status + " and cannot be paid");
        }
        currentAttemptId = attemptId;
        attemptCount++;
        paymentMethodType = method;
        status = PaymentRequestState.PAYMENT_PENDING;
        updatedAt = now;
        return attemptCount;
    }

    /** The attempt ended without money moving (declined, blocked, failed): the request can be paid again. */
    public boolean attemptFailed(UUID attemptId, Instant now) {
        if (!attemptId.equals(currentAttemptId) || status != PaymentRequestState.PAYMENT_PENDING) {
            return false;
        }
        status = PaymentRequestState.OPEN;
        updatedAt = now;
        return true;
    }

    /** Applies Stripe's current view of the attempt's PaymentIntent. */
    public Change apply(UUID attemptId, PaymentIntentSnapshot intent, boolean sepa, Instant now) {
        if (!attemptId.equals(currentAttemptId)) {
            return Change.NONE;
        }
        // the current attempt's PaymentIntent is the one refunds and disputes concern (an earlier attempt's may have
        // been declined)
        stripePaymentIntentId = intent.id();
        intent.latestChargeId().ifPresent(charge -> stripeChargeId = charge);
        Change change = Change.NONE;
        if (intent.succeeded()
                && (status == PaymentRequestState.PAYMENT_PENDING || status == PaymentRequestState.AUTHORIZED)) {
            status = PaymentRequestState.PAID;
            amountPaidMinor = intent.amountReceived();
            paidAt = now;
            captureBefore = null;
            reclaimableUntil = sepa ? now.plus(SEPA_RECLAIM_DAYS, ChronoUnit.DAYS) : null;
            change = Change.PAID;
        } else if (intent.authorized() && status == PaymentRequestState.PAYMENT_PENDING) {
            status = PaymentRequestState.AUTHORIZED;
            captureBefore = intent.captureBefore().orElse(null);
            change = Change.AUTHORIZED;
        } else if (intent.failed() && status == PaymentRequestState.PAYMENT_PENDING) {
            status = PaymentRequestState.OPEN;
            change = Change.FAILED;
        } else if (intent.canceled() && status == PaymentRequestState.AUTHORIZED) {
            status = PaymentRequestState.OPEN;
            captureBefore = null;
            change = Change.AUTHORIZATION_RELEASED;
        } else if (intent.canceled() && status == PaymentRequestState.PAYMENT_PENDING) {
            status = PaymentRequestState.OPEN;
            change = Change.FAILED;
        } else if ((intent.processing() || intent.awaitingCustomer())
                && status == PaymentRequestState.PAYMENT_PENDING) {
            change = Change.PENDING;
        }
        if (change != Change.NONE) {
            updatedAt = now;
        }
        return change;
    }

    /** The carrier withdraws the request before it is paid. */
    public void cancel(Instant now) {
        if (status != PaymentRequestState.OPEN && status != PaymentRequestState.AUTHORIZED) {
            throw new IllegalStateException("Payment request " + id + " is " + status + " and cannot be canceled");
        }
        status = PaymentRequestState.CANCELED;
        canceledAt = now;
        captureBefore = null;
        updatedAt = now;
    }

    /** What may still be refunded: received minus refunded or being refunded. */
    public long refundableMinor() {
        return amountPaidMinor - amountRefundedMinor;
    }

    /** Reserves {@code amount} for a refund being made; refused on disputed, unpaid or over-refunded requests. */
    public void reserveRefund(long amount, Instant now) {
        if (status == PaymentRequestState.DISPUTED) {
            throw new IllegalStateException("Payment request " + id + " is disputed; the dispute decides the money");
        }
        if (!status.refundable()) {
            throw new IllegalStateException("Payment request " + id + " is " + status + "; nothing to refund");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("The refund amount must be positive");
        }
        if (amount > refundableMinor()) {
            throw new IllegalArgumentException("The refund exceeds what is left to refund (" + refundableMinor()
                    + " minor units of " + currency + ")");
        }
        amountRefundedMinor += amount;
        status = amountRefundedMinor == amountPaidMinor
                ? PaymentRequestState.REFUNDED
                : PaymentRequestState.PARTIALLY_REFUNDED;
        updatedAt = now;
    }

    /** A reserved refund was refused or failed: the amount is refundable again. */
    public void releaseRefund(long amount, Instant now) {
        amountRefundedMinor = Math.max(0, amountRefundedMinor - amount);
        if (status == PaymentRequestState.REFUNDED || status == PaymentRequestState.PARTIALLY_REFUNDED) {
            status = amountRefundedMinor == 0 ? PaymentRequestState.PAID : PaymentRequestState.PARTIALLY_REFUNDED;
        }
        updatedAt = now;
    }

    /** The shipper's bank opened a dispute on the charge. */
    public boolean disputed(Instant now) {
        if (status == PaymentRequestState.DISPUTED
                || !(status.refundable() || status == PaymentRequestState.REFUNDED)) {
            return false;
        }
        status = PaymentRequestState.DISPUTED;
        updatedAt = now;
        return true;
    }

    /** The dispute was won: the money is back, the request is paid again. */
    public boolean disputeWon(Instant now) {
        if (status != PaymentRequestState.DISPUTED) {
            return false;
        }
        status = amountRefundedMinor == 0
                ? PaymentRequestState.PAID
                : amountRefundedMinor == amountPaidMinor
                        ? PaymentRequestState.REFUNDED
                        : PaymentRequestState.PARTIALLY_REFUNDED;
        updatedAt = now;
        return true;
    }

    public void attachRateConfirmation(UUID documentId, Instant now) {
        if (status == PaymentRequestState.CANCELED) {
            throw new IllegalStateException("Payment request " + id + " is canceled");
        }
        rateConfirmationId = documentId;
        updatedAt = now;
    }

    public void notified(Instant now) {
        notifiedAt = now;
    }

    public void remindedBeforeDue(Instant now) {
        reminderBeforeSentAt = now;
    }

    public void remindedOverdue(Instant now) {
        reminderOverdueSentAt = now;
    }

    public void expiryAlerted(Instant now) {
        expiryAlertedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID shipperId() {
        return shipperId;
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

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public boolean captureOnDelivery() {
        return captureOnDelivery;
    }

    public PaymentRequestState status() {
        return status;
    }

    public Optional<UUID> currentAttemptId() {
        return Optional.ofNullable(currentAttemptId);
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

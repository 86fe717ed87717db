package io.freightgate.billing.internal.domain;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;

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
public class PaymentRequest extends PaymentRequestColumns {

    /** How long a settled SEPA debit may still be reclaimed by the payer's bank (authorized debits: 8 weeks). */
    public static final long SEPA_RECLAIM_DAYS = 56;

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
            PaymentRequestId id, UUID carrier, Details details, String payTokenHash, String actor, Instant now) {
        var request = new PaymentRequest();
        request.id = id.value();
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
        request.amount = Money.of(details.amountMinor(), details.currency());
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
    public int beginAttempt(PaymentAttemptId attemptId, String method, Instant now) {
        if (!status.payable()) {
            throw new IllegalStateException("Payment request " + id + " is " + status + " and cannot be paid");
        }
        currentAttemptId = attemptId.value();
        attemptCount++;
        paymentMethodType = method;
        status = PaymentRequestState.PAYMENT_PENDING;
        updatedAt = now;
        return attemptCount;
    }

    /** The attempt ended without money moving (declined, blocked, failed): the request can be paid again. */
    public boolean attemptFailed(PaymentAttemptId attemptId, Instant now) {
        if (!attemptId.value().equals(currentAttemptId) || status != PaymentRequestState.PAYMENT_PENDING) {
            return false;
        }
        status = PaymentRequestState.OPEN;
        updatedAt = now;
        return true;
    }

    /** Applies Stripe's current view of the attempt's PaymentIntent. */
    public Change apply(PaymentAttemptId attemptId, PaymentIntentSnapshot intent, boolean sepa, Instant now) {
        if (!attemptId.value().equals(currentAttemptId)) {
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
                    + " minor units of " + currency() + ")");
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
}

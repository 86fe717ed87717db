package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A payment request as its carrier, its shipper and platform staff see it. */
public record PaymentRequestView(
        PaymentRequestId id,
        TenantId carrier,
        TenantId shipper,
        PaymentRequestStatus status,
        Money amount,
        Money amountPaid,
        Money amountRefunded,
        String loadReference,
        Optional<UUID> loadId,
        String origin,
        String destination,
        LocalDate pickupDate,
        LocalDate deliveryDate,
        LocalDate dueDate,
        Optional<String> terms,
        Optional<String> description,
        boolean captureOnDelivery,
        Optional<String> paymentMethodType,
        Optional<String> stripePaymentIntentId,
        Optional<Instant> captureBefore,
        Optional<Instant> paidAt,
        Optional<Instant> reclaimableUntil,
        boolean rateConfirmationAttached,
        List<PaymentAttemptView> attempts,
        List<RefundView> refunds,
        Instant createdAt,
        Instant updatedAt) {

    /** A SEPA payment is reclaimable by the payer's bank until {@link #reclaimableUntil}. */
    public boolean reclaimable(Instant now) {
        return reclaimableUntil.map(now::isBefore).orElse(false);
    }
}

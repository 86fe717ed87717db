package io.freightgate.fraud;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.UUID;

/**
 * A payment went to the fraud review queue: a person (or the policy before the authorization expires) decides whether
 * its money moves on. Until {@link ReviewClosed} follows, the carrier's transfer and payouts are held.
 *
 * @param reviewId the review in the fraud module's queue
 * @param stage {@code BEFORE_CONFIRMATION} or {@code AFTER_AUTHORIZATION}: the screening that asked for the review
 */
public record PaymentHeldForReview(
        UUID reviewId, PaymentRequestId paymentRequestId, TenantId carrier, TenantId shipper, String stage) {}

package io.freightgate.payouts;

import io.freightgate.kernel.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Event: an active carrier may no longer receive transfers, because requirements went past due or Stripe disabled its
 * payouts. Notifications tell the carrier what is needed ({@code pastDue}).
 */
public record PayoutAccountRestricted(
        TenantId carrier, String stripeAccountId, List<String> pastDue, Optional<String> disabledReason) {}

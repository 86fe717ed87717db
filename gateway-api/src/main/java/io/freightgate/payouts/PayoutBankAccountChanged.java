package io.freightgate.payouts;

import io.freightgate.kernel.TenantId;
import java.time.Instant;

/**
 * Event: a bank account was added to the carrier's connected account after its first one (Stripe's
 * {@code account.external_account.created}): where its payouts go changed.
 *
 * @param bankAccountId Stripe's id of the new external account ({@code ba_...})
 * @param changedAt when Stripe announced it (the event's {@code created})
 */
public record PayoutBankAccountChanged(
        TenantId carrier, String stripeAccountId, String bankAccountId, Instant changedAt) {}

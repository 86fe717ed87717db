package io.freightgate.payouts;

import io.freightgate.kernel.TenantId;

/** Event: a restricted carrier's requirements are met again; it receives transfers again. */
public record PayoutAccountRestored(TenantId carrier, String stripeAccountId) {}

package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;

/** Event: compliance sent the case back to the organization; {@code reason} is what to fix (notify it). */
public record ResubmissionRequested(TenantId organization, String reason) {}

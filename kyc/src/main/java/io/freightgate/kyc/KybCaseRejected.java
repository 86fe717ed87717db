package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;

/** Event: compliance rejected the case for good. */
public record KybCaseRejected(TenantId organization, String reason) {}

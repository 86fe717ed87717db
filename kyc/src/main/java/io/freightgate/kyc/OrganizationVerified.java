package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.time.Instant;

/** Event: compliance approved the organization's KYB case; it may now bill, pay and receive payouts. */
public record OrganizationVerified(TenantId organization, OrganizationKind kind, Instant verifiedAt) {}

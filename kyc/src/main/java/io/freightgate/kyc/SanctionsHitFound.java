package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.List;

/** Event: screening matched a name of the organization's case to a sanctions list; the case waits for compliance. */
public record SanctionsHitFound(TenantId organization, List<String> listedNames) {}

package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;

/** Event: VIES's answer about an organization's VAT number changed (for example VALID to INVALID on re-validation). */
public record VatStatusChanged(TenantId organization, String vatNumber, VatStatus previous, VatStatus current) {}

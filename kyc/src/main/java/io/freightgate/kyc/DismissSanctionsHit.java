package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.Objects;

/** Command (compliance): record why a sanctions hit is a false positive, so the case can be approved. */
public record DismissSanctionsHit(TenantId organization, String reason) {

    public DismissSanctionsHit {
        Objects.requireNonNull(organization, "organization");
        reason = Texts.required(reason, "reason", 2000);
    }
}

package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.Objects;

/** Command (compliance): reject the case for good, with the reason the organization is told. */
public record RejectCase(TenantId organization, String reason) {

    public RejectCase {
        Objects.requireNonNull(organization, "organization");
        reason = Texts.required(reason, "reason", 2000);
    }
}

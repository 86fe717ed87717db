package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.Objects;

/** Command (compliance): send the case back to the organization, saying what is missing or wrong. */
public record RequestResubmission(TenantId organization, String reason) {

    public RequestResubmission {
        Objects.requireNonNull(organization, "organization");
        reason = Texts.required(reason, "reason", 2000);
    }
}

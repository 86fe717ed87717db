package io.freightgate.billing;

import io.freightgate.kernel.TenantId;
import java.util.Optional;

/**
 * Port: whether an organization may take part in payments (issue, be billed, pay). Payments declares it; a class in
 * {@code io.freightgate.flows} answers it from KYC: only verified organizations bill and pay.
 */
public interface PaymentParticipation {

    /** Empty when the organization may take part; otherwise the reason it may not, as shown to the caller. */
    Optional<String> refusal(TenantId organization);
}

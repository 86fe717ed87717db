package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;

/**
 * Event: VIES answered with a fault that needs a person ({@code VAT_BLOCKED}, {@code IP_BLOCKED}, {@code
 * INVALID_REQUESTER_INFO}, or an unknown fault); the check is not retried automatically.
 *
 * @param organization the tenant whose check raised it
 */
public record ViesOperatorAlerted(TenantId organization, String memberState, String fault, String detail) {}

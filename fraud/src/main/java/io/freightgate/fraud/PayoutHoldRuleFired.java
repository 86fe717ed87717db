package io.freightgate.fraud;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.UUID;

/**
 * A {@code hold_payout} rule fired while a payment was screened (before confirmation or after its authorization): the
 * carrier's payouts are held until a risk analyst releases the hold. Published once per screening that fired it; the
 * hold is one per payment request, so both stages firing hold once.
 *
 * @param decisionId the stored decision, with the facts and the explanation of what fired
 */
public record PayoutHoldRuleFired(UUID decisionId, PaymentRequestId paymentRequestId, TenantId carrier, String stage) {}

package io.freightgate.disputes;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A dispute case as the desk shows it.
 *
 * @param id FreightGate's id of the case
 * @param stripeDisputeId Stripe's {@code dp_...} (or {@code du_...}) id
 * @param chargeId the disputed charge ({@code ch_...} or {@code py_...})
 * @param paymentIntentId the PaymentIntent of the charge
 * @param paymentRequestId the payment request the PaymentIntent paid
 * @param carrier the tenant that issued the payment request
 * @param shipper the tenant that paid it
 * @param status Stripe's status of the dispute (see {@link DisputeStatus})
 * @param amount the disputed amount
 * @param reason Stripe's reason ({@code product_not_received}, {@code fraudulent}, ...)
 * @param evidenceDueBy when the evidence must be submitted; empty when the issuer allows no response
 * @param withdrawn the amount the card network withdrew, once it did
 * @param reinstated the amount that came back after a won dispute, once it did
 * @param openedAt when Stripe opened the dispute
 * @param closedAt when FreightGate learnt the dispute was closed
 */
public record DisputeView(
        DisputeId id,
        String stripeDisputeId,
        String chargeId,
        String paymentIntentId,
        PaymentRequestId paymentRequestId,
        TenantId carrier,
        TenantId shipper,
        DisputeStatus status,
        Money amount,
        String reason,
        Optional<Instant> evidenceDueBy,
        Optional<Money> withdrawn,
        Optional<Money> reinstated,
        Instant openedAt,
        Optional<Instant> closedAt) {

    /** Whether the dispute is still undecided. */
    public boolean open() {
        return !status.closed();
    }
}

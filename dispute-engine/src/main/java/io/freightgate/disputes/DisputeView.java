package io.freightgate.disputes;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A dispute case as the desk shows it.
 *
 * @param id FreightGate's id of the case
 * @param stripeDisputeId Stripe's {@code dp_...} (or {@code du_...}) id
 * @param chargeId the disputed charge ({@code ch_...} or {@code py_...})
 * @param paymentIntentId the PaymentIntent of the charge; empty when Stripe named none
 * @param paymentRequestId the payment request the PaymentIntent paid; empty for an orphan case
 * @param carrier the tenant that issued the payment request; empty for an orphan case
 * @param shipper the tenant that paid it; empty for an orphan case
 * @param loadReference the carrier's reference of the billed load; empty for an orphan case
 * @param loadId the billed load, when FreightGate keeps it
 * @param status Stripe's status of the dispute (see {@link DisputeStatus})
 * @param amount the disputed amount, in the payment's currency
 * @param reason Stripe's reason ({@code product_not_received}, {@code fraudulent}, ...)
 * @param network the card network, or the payment method's type for other methods
 * @param paymentMethodType the disputed payment's method ({@code card}, {@code sepa_debit}...)
 * @param response what FreightGate can answer; {@link DisputeResponse#recovery()} says the case goes to recovery
 * @param evidenceDueBy when the evidence must be submitted; empty when the issuer allows no response
 * @param withdrawn the amount the card network withdrew, once it did
 * @param fee Stripe's dispute fee, once the withdrawal listed it
 * @param reinstated the amount that came back after a won dispute, once it did
 * @param owner the finance agent working the case (a user id), once assigned
 * @param openedAt when Stripe opened the dispute
 * @param closedAt when FreightGate learnt the dispute was closed
 */
public record DisputeView(
        DisputeId id,
        String stripeDisputeId,
        String chargeId,
        Optional<String> paymentIntentId,
        Optional<PaymentRequestId> paymentRequestId,
        Optional<TenantId> carrier,
        Optional<TenantId> shipper,
        Optional<String> loadReference,
        Optional<UUID> loadId,
        DisputeStatus status,
        Money amount,
        String reason,
        Optional<String> network,
        Optional<String> paymentMethodType,
        DisputeResponse response,
        Optional<Instant> evidenceDueBy,
        Optional<Money> withdrawn,
        Optional<Money> fee,
        Optional<Money> reinstated,
        Optional<UUID> owner,
        Instant openedAt,
        Optional<Instant> closedAt) {

    /** Whether the dispute is still undecided. */
    public boolean open() {
        return !status.closed();
    }

    /** Whether no FreightGate payment is known for the disputed charge. */
    public boolean orphan() {
        return paymentRequestId.isEmpty();
    }
}

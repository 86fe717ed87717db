package io.freightgate.flows;

import io.freightgate.disputes.DisputeClosed;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeUpdated;
import io.freightgate.integrations.IntegrationEvent;
import io.freightgate.integrations.IntegrationEventType;
import io.freightgate.integrations.IntegratorWebhooks;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The dispute engine's events become {@code dispute.created}, {@code dispute.updated} and {@code dispute.closed}
 * deliveries to the carrier's webhook endpoints. Like {@link PaymentEventsAreSentToIntegratorWebhooks}, the listener
 * runs synchronously in the transaction that changed the case (the engine publishes each event once per case, in that
 * transaction), so the deliveries exist exactly when the change commits. Event ids derive from the case and what
 * happened to it (the status reached, the outcome), so a receiver can deduplicate.
 *
 * <p>Only the carrier hears of them: the shipper's own bank raised the dispute, and what the carrier does about it (its
 * evidence, its documents) is not the shipper's to follow (docs/disputes.md, who sees what).
 */
@Component
class DisputeEventsAreSentToIntegratorWebhooks {

    private final IntegratorWebhooks webhooks;

    DisputeEventsAreSentToIntegratorWebhooks(IntegratorWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void on(DisputeOpened event) {
        Map<String, Object> data = common(
                event.disputeId(), event.stripeDisputeId(), event.paymentRequestId(), event.carrier(), event.amount());
        data.put("status", event.status().stripe());
        data.put("reason", event.reason());
        event.evidenceDueBy().ifPresent(due -> data.put("evidence_due_by", due.toString()));
        send(
                IntegrationEventType.DISPUTE_CREATED,
                event.disputeId().value().toString(),
                event.carrier(),
                event.at(),
                data);
    }

    @EventListener
    void on(DisputeUpdated event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dispute_id", event.disputeId().value().toString());
        data.put("stripe_dispute_id", event.stripeDisputeId());
        data.put("payment_request_id", event.paymentRequestId().toString());
        data.put("carrier_id", event.carrier().toString());
        data.put("previous_status", event.previous().stripe());
        data.put("status", event.status().stripe());
        send(
                IntegrationEventType.DISPUTE_UPDATED,
                event.disputeId().value() + ":" + event.status().stripe(),
                event.carrier(),
                event.at(),
                data);
    }

    @EventListener
    void on(DisputeClosed event) {
        Map<String, Object> data = common(
                event.disputeId(), event.stripeDisputeId(), event.paymentRequestId(), event.carrier(), event.amount());
        data.put("outcome", event.outcome().name().toLowerCase(java.util.Locale.ROOT));
        event.withdrawn().ifPresent(withdrawn -> data.put("withdrawn", money(withdrawn)));
        send(
                IntegrationEventType.DISPUTE_CLOSED,
                event.disputeId().value().toString(),
                event.carrier(),
                event.at(),
                data);
    }

    private void send(
            IntegrationEventType type, String businessKey, TenantId carrier, Instant at, Map<String, Object> data) {
        webhooks.publish(
                new IntegrationEvent(type, IntegrationEvent.idOf(type, businessKey), at, Set.of(carrier), data));
    }

    private static Map<String, Object> common(
            DisputeId dispute, String stripeDisputeId, PaymentRequestId request, TenantId carrier, Money amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dispute_id", dispute.value().toString());
        data.put("stripe_dispute_id", stripeDisputeId);
        data.put("payment_request_id", request.toString());
        data.put("carrier_id", carrier.toString());
        data.put("amount", money(amount));
        return data;
    }

    private static Map<String, Object> money(Money amount) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount_minor", amount.minor());
        money.put("currency", amount.currency().getCurrencyCode());
        return money;
    }
}

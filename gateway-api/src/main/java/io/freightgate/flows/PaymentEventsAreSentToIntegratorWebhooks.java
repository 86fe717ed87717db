package io.freightgate.flows;

import io.freightgate.billing.PaymentAttemptFailed;
import io.freightgate.billing.PaymentRequestCreated;
import io.freightgate.billing.PaymentRequestPaid;
import io.freightgate.integrations.IntegrationEvent;
import io.freightgate.integrations.IntegrationEventType;
import io.freightgate.integrations.IntegratorWebhooks;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutFailed;
import io.freightgate.payouts.PayoutPaid;
import io.freightgate.transfers.TransferHeld;
import io.freightgate.transfers.TransferReleased;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The payment events integrators can subscribe to become deliveries to the webhook endpoints of the carrier and the
 * shipper concerned. Like {@link PayoutAccountChangesAreMailedToCarrierAdmins}, the listener runs synchronously in the
 * transaction that publishes the event, and {@link IntegratorWebhooks#publish} writes the deliveries there (an outbox):
 * they exist exactly when the change commits, never for one that rolls back, and the worker sends them afterwards.
 * Event ids derive from the business identity (the payment request, the attempt), so a receiver can deduplicate.
 *
 * <p>Transfer and payout events go to the carrier's endpoints only (they are the carrier's money). Dispute events are
 * sent by {@link DisputeEventsAreSentToIntegratorWebhooks}.
 */
@Component
class PaymentEventsAreSentToIntegratorWebhooks {

    private final IntegratorWebhooks webhooks;
    private final Clock clock;

    PaymentEventsAreSentToIntegratorWebhooks(IntegratorWebhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @EventListener
    void on(PaymentRequestCreated event) {
        Map<String, Object> data = parties(event.paymentRequestId(), event.carrier(), event.shipper());
        data.put("amount", money(event.amount()));
        send(
                IntegrationEventType.PAYMENT_REQUEST_CREATED,
                event.paymentRequestId(),
                event.carrier(),
                event.shipper(),
                data);
    }

    @EventListener
    void on(PaymentRequestPaid event) {
        Map<String, Object> data = parties(event.paymentRequestId(), event.carrier(), event.shipper());
        data.put("amount", money(event.amount()));
        data.put("method", event.method());
        event.reclaimableUntil().ifPresent(until -> data.put("reclaimable_until", until.toString()));
        send(
                IntegrationEventType.PAYMENT_REQUEST_PAID,
                event.paymentRequestId(),
                event.carrier(),
                event.shipper(),
                data);
    }

    @EventListener
    void on(PaymentAttemptFailed event) {
        Map<String, Object> data = parties(event.paymentRequestId(), event.carrier(), event.shipper());
        data.put("attempt_id", event.attemptId().toString());
        data.put("decline_code", event.declineCode());
        send(IntegrationEventType.PAYMENT_ATTEMPT_FAILED, event.attemptId(), event.carrier(), event.shipper(), data);
    }

    @EventListener
    void on(TransferReleased event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_request_id", event.paymentRequestId().toString());
        data.put("carrier_id", event.carrier().toString());
        data.put("amount", money(event.amount()));
        data.put("platform_fee", money(event.fee()));
        data.put("stripe_transfer_id", event.stripeTransferId());
        data.put("transfer_group", event.transferGroup());
        toCarrier(IntegrationEventType.TRANSFER_RELEASED, event.stripeTransferId(), event.carrier(), data);
    }

    @EventListener
    void on(TransferHeld event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_request_id", event.paymentRequestId().toString());
        data.put("carrier_id", event.carrier().toString());
        data.put("reason", event.reason().name());
        toCarrier(
                IntegrationEventType.TRANSFER_HELD,
                event.paymentRequestId() + ":" + event.reason().name() + ":"
                        + clock.instant().toEpochMilli(),
                event.carrier(),
                data);
    }

    @EventListener
    void on(PayoutPaid event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payout_id", event.payoutId().toString());
        data.put("carrier_id", event.carrier().toString());
        data.put("amount", money(event.amount()));
        data.put("stripe_payout_id", event.stripePayoutId());
        event.arrivalDate().ifPresent(date -> data.put("arrival_date", date.toString()));
        toCarrier(IntegrationEventType.PAYOUT_PAID, event.payoutId().toString(), event.carrier(), data);
    }

    @EventListener
    void on(PayoutFailed event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payout_id", event.payoutId().toString());
        data.put("carrier_id", event.carrier().toString());
        data.put("amount", money(event.amount()));
        data.put("stripe_payout_id", event.stripePayoutId());
        event.failureCode().ifPresent(code -> data.put("failure_code", code));
        event.failureMessage().ifPresent(message -> data.put("failure_message", message));
        toCarrier(IntegrationEventType.PAYOUT_FAILED, event.payoutId().toString(), event.carrier(), data);
    }

    private void toCarrier(IntegrationEventType type, String businessKey, TenantId carrier, Map<String, Object> data) {
        webhooks.publish(new IntegrationEvent(
                type, IntegrationEvent.idOf(type, businessKey), clock.instant(), Set.of(carrier), data));
    }

    /** {@code businessKey}: the typed id the event is about; its UUID string is part of the event's id. */
    private void send(
            IntegrationEventType type,
            Object businessKey,
            TenantId carrier,
            TenantId shipper,
            Map<String, Object> data) {
        webhooks.publish(new IntegrationEvent(
                type,
                IntegrationEvent.idOf(type, businessKey.toString()),
                clock.instant(),
                Set.of(carrier, shipper),
                data));
    }

    private static Map<String, Object> parties(PaymentRequestId paymentRequestId, TenantId carrier, TenantId shipper) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_request_id", paymentRequestId.toString());
        data.put("carrier_id", carrier.toString());
        data.put("shipper_id", shipper.toString());
        return data;
    }

    private static Map<String, Object> money(Money amount) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount_minor", amount.minor());
        money.put("currency", amount.currency().getCurrencyCode());
        return money;
    }
}

package io.freightgate.payments.internal;

import io.freightgate.payments.internal.stripe.StripePayments;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps payment requests in line with Stripe's platform events. A {@code payment_intent.*} event only says that
 * something happened: the PaymentIntent is re-read from Stripe and its current state applied, so events arriving late,
 * twice or out of order change nothing wrong. The attempt is found by the PaymentIntent id or, when the creation's
 * answer was lost, by the attempt id in its metadata. Disputes mark the request disputed (and paid again when won);
 * refund updates settle pending refunds and give failed ones back. Events about objects FreightGate did not make are
 * ignored.
 */
@Component
class PaymentEvents implements StripeEventHandler {

    private final PaymentSynchronizer synchronizer;
    private final JsonMapper json = JsonMapper.builder().build();

    PaymentEvents(PaymentSynchronizer synchronizer) {
        this.synchronizer = synchronizer;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(
                "payment_intent.succeeded",
                "payment_intent.payment_failed",
                "payment_intent.processing",
                "payment_intent.requires_action",
                "payment_intent.amount_capturable_updated",
                "payment_intent.canceled",
                "charge.dispute.created",
                "charge.dispute.funds_withdrawn",
                "charge.dispute.funds_reinstated",
                "charge.dispute.closed",
                "charge.refund.updated",
                "refund.updated",
                "refund.failed");
    }

    @Override
    public void handle(InboxEvent event) {
        if (event.account().isPresent()) {
            return;
        }
        JsonNode object = json.readTree(event.payload()).path("data").path("object");
        String type = event.type();
        if (type.startsWith("payment_intent.")) {
            String intent = object.path("id").asString("");
            Optional<String> attemptMetadata = text(object.path("metadata").path(StripePayments.ATTEMPT_METADATA));
            synchronizer.attemptOf(intent, attemptMetadata).ifPresent(attempt -> synchronizer.refresh(attempt, intent));
        } else if (type.startsWith("charge.dispute.")) {
            Optional<String> intent = text(object.path("payment_intent"));
            if (intent.isEmpty()) {
                return;
            }
            if (type.equals("charge.dispute.created") || type.equals("charge.dispute.closed")) {
                synchronizer.disputed(
                        intent.get(),
                        type.equals("charge.dispute.created"),
                        "won".equals(object.path("status").asString("")));
            }
            List<PaymentSynchronizer.DisputeMovement> movements = new ArrayList<>();
            for (JsonNode txn : object.path("balance_transactions")) {
                if (txn.isObject()) {
                    movements.add(new PaymentSynchronizer.DisputeMovement(
                            txn.path("reporting_category").asString(""),
                            txn.path("amount").asLong(0),
                            txn.path("fee").asLong(0)));
                }
            }
            synchronizer.disputeMoney(
                    intent.get(),
                    object.path("id").asString(""),
                    object.path("amount").asLong(0),
                    object.path("status").asString(""),
                    movements);
        } else {
            text(object.path("id"))
                    .filter(id -> id.startsWith("re_"))
                    .ifPresent(refund -> synchronizer.refundObserved(
                            refund,
                            text(object.path("metadata").path("freightgate_refund")),
                            object.path("status").asString(""),
                            text(object.path("failure_reason"))));
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}

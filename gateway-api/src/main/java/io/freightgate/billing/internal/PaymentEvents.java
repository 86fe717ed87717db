package io.freightgate.billing.internal;

import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps payment requests in line with Stripe's platform events. A {@code payment_intent.*} event only says that
 * something happened: the PaymentIntent is re-read from Stripe and its current state applied, so events arriving late,
 * twice or out of order change nothing wrong. The attempt is found by the PaymentIntent id or, when the creation's
 * answer was lost, by the attempt id in its metadata. Refund updates settle pending refunds and give failed ones back. Events about objects FreightGate did not make are
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

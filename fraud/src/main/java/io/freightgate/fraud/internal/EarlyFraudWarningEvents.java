package io.freightgate.fraud.internal;

import io.freightgate.fraud.EarlyFraudWarnings;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code radar.early_fraud_warning.created} and {@code .updated} from the webhook inbox into
 * {@link EarlyFraudWarnings}. The object is read as JSON (any API version renders these few fields alike); an event
 * without a warning in it is dropped.
 */
@Component
class EarlyFraudWarningEvents implements StripeEventHandler {

    private final EarlyFraudWarnings warnings;
    private final SystemAccess systemAccess;
    private final JsonMapper json = JsonMapper.builder().build();

    EarlyFraudWarningEvents(EarlyFraudWarnings warnings, SystemAccess systemAccess) {
        this.warnings = warnings;
        this.systemAccess = systemAccess;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("radar.early_fraud_warning.created", "radar.early_fraud_warning.updated");
    }

    @Override
    public void handle(InboxEvent event) {
        JsonNode object = json.readTree(event.payload()).path("data").path("object");
        String id = object.path("id").asString("");
        String charge = stripeId(object.path("charge"));
        if (!id.startsWith("issfr_") || charge.isEmpty()) {
            return;
        }
        String intent = stripeId(object.path("payment_intent"));
        var warning = new EarlyFraudWarnings.StripeWarning(
                id,
                charge,
                intent.isEmpty() ? Optional.empty() : Optional.of(intent),
                object.path("fraud_type").asString("unknown"),
                object.path("actionable").asBoolean(false),
                object.path("created").isIntegralNumber()
                        ? Instant.ofEpochSecond(object.path("created").asLong())
                        : event.created());
        systemAccess.callAs("webhook:" + event.eventId(), Optional.empty(), "apply " + event.type() + " " + id, () -> {
            warnings.receive(warning);
            return null;
        });
    }

    /** An id, or the id of an expanded object. */
    private static String stripeId(JsonNode node) {
        return node.isString() ? node.asString() : node.path("id").asString("");
    }
}

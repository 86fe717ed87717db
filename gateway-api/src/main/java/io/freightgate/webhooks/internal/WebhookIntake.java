package io.freightgate.webhooks.internal;

import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.webhooks.InboxEventStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies, parses and stores one delivery. The answer reflects a committed row: {@link Stored} and
 * {@link Duplicate} only return after the commit (or after learning that the event is already committed).
 */
@Component
class WebhookIntake {

    /** What became of a delivery. */
    sealed interface Outcome {}

    record Stored(String eventId, InboxEventStatus status) implements Outcome {}

    record Duplicate(String eventId) implements Outcome {}

    record Refused(String detail) implements Outcome {}

    record Malformed(String detail) implements Outcome {}

    private final StripeSignature signature;
    private final WebhookSecrets secrets;
    private final InboxStore store;
    private final EventDispatch dispatch;
    private final InboxProcessor processor;
    private final TransactionOperations transactions;
    private final WebhookMetrics metrics;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    WebhookIntake(
            WebhookProperties properties,
            WebhookSecrets secrets,
            InboxStore store,
            EventDispatch dispatch,
            InboxProcessor processor,
            TransactionOperations transactions,
            WebhookMetrics metrics,
            Clock clock) {
        this.signature = new StripeSignature(properties.tolerance());
        this.secrets = secrets;
        this.store = store;
        this.dispatch = dispatch;
        this.processor = processor;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    Outcome receive(WebhookEndpoint endpoint, byte[] body, String signatureHeader) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        var verification = signature.verify(body, signatureHeader, secrets.of(endpoint), now);
        if (verification instanceof StripeSignature.Rejected(StripeSignature.Rejection reason)) {
            metrics.received(endpoint, "rejected");
            return new Refused(reason.detail());
        }
        Optional<InboxStore.NewEvent> parsed = parse(endpoint, body);
        if (parsed.isEmpty()) {
            metrics.received(endpoint, "malformed");
            return new Malformed("The body is not a Stripe event (JSON object with id, type and created).");
        }
        InboxStore.NewEvent event = parsed.get();
        InboxEventStatus status =
                dispatch.isHandled(event.type()) ? InboxEventStatus.RECEIVED : InboxEventStatus.IGNORED;
        boolean inserted = Boolean.TRUE.equals(transactions.execute(tx -> store.insert(event, status, now)));
        metrics.intake(endpoint, Duration.ofNanos(System.nanoTime() - started));
        if (!inserted) {
            metrics.received(endpoint, "duplicate");
            return new Duplicate(event.eventId());
        }
        metrics.received(endpoint, WebhookMetrics.outcome(status));
        if (status == InboxEventStatus.RECEIVED) {
            processor.nudge();
        }
        return new Stored(event.eventId(), status);
    }

    /** The event's identity from its JSON, or empty when the body is not a v1 event. */
    Optional<InboxStore.NewEvent> parse(WebhookEndpoint endpoint, byte[] body) {
        return parse(endpoint, new String(body, StandardCharsets.UTF_8));
    }

    Optional<InboxStore.NewEvent> parse(WebhookEndpoint endpoint, String payload) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String id = text(root, "id").orElse("");
        String type = text(root, "type").orElse("");
        JsonNode created = root.get("created");
        if (!id.startsWith("evt_") || id.length() > 255 || type.isEmpty() || type.length() > 255) {
            return Optional.empty();
        }
        if (created == null || !created.isIntegralNumber() || created.asLong() <= 0) {
            return Optional.empty();
        }
        JsonNode object = root.path("data").path("object");
        return Optional.of(new InboxStore.NewEvent(
                endpoint,
                id,
                type,
                text(root, "account"),
                object.isObject() ? text(object, "id") : Optional.empty(),
                text(root, "api_version"),
                Instant.ofEpochSecond(created.asLong()),
                payload));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}

package io.freightgate.webhooks;

import io.freightgate.platform.stripe.events.WebhookEndpoint;
import java.time.Instant;
import java.util.Optional;

/** An inbox event as operators see it (without the payload). */
public record InboxEventView(
        long id,
        WebhookEndpoint endpoint,
        String eventId,
        String type,
        Optional<String> account,
        InboxEventStatus status,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<String> lastError,
        Instant eventCreated,
        Instant receivedAt,
        Optional<Instant> processedAt) {}

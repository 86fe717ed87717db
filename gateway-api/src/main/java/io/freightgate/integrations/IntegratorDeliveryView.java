package io.freightgate.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One event's delivery to one endpoint: {@code PENDING} (waiting for its next attempt), {@code SUCCEEDED} (a 2xx came
 * back), {@code FAILED} (every attempt of the series failed) or {@code CANCELED} (the endpoint was disabled or deleted
 * before it went out). Every attempt is listed, oldest first.
 */
public record IntegratorDeliveryView(
        UUID id,
        UUID endpointId,
        UUID eventId,
        String eventType,
        String status,
        int attemptCount,
        Optional<Instant> nextAttemptAt,
        Optional<Instant> deliveredAt,
        Instant createdAt,
        List<Attempt> attempts) {

    /** One HTTP attempt: the status (none when no response came), duration, the start of the answer, or the error. */
    public record Attempt(
            int number,
            Instant attemptedAt,
            Optional<Integer> statusCode,
            long durationMs,
            Optional<String> responseBody,
            Optional<String> error) {}
}

package io.freightgate.integrations;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something integrators hear about: its type, a stable id (the same business fact always has the same id, so a
 * receiver can deduplicate), when it happened, the organizations whose endpoints receive it (the carrier and/or the
 * shipper concerned) and its {@code data}, serialized as given (snake_case keys, money as
 * {@code {"amount_minor": ..., "currency": ...}}).
 */
public record IntegrationEvent(
        IntegrationEventType type, UUID id, Instant occurredAt, Set<TenantId> organizations, Map<String, Object> data) {

    public IntegrationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        organizations = Set.copyOf(organizations);
        if (organizations.isEmpty()) {
            throw new IllegalArgumentException("An integration event concerns at least one organization");
        }
    }

    /** The event id derived from the type and the business identity of what happened (e.g. a payment request id). */
    public static UUID idOf(IntegrationEventType type, String businessKey) {
        return UUID.nameUUIDFromBytes(
                (type.wireName() + ":" + businessKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

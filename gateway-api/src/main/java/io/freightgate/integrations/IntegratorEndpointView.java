package io.freightgate.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered endpoint as its organization sees it; never the secret. {@code previousSecretExpiresAt} is set while a
 * rotated-out secret still signs (both signatures are sent).
 */
public record IntegratorEndpointView(
        UUID id,
        String url,
        Optional<String> description,
        List<String> eventTypes,
        boolean enabled,
        Optional<Instant> previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt) {}

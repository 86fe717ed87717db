package io.freightgate.fraud;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A fraud rule as analysts see it.
 *
 * @param action the rule's action keyword ({@code block}, {@code review}, ...)
 * @param state {@code DRAFT}, {@code AWAITING_APPROVAL}, {@code ENABLED} or {@code DISABLED}
 * @param requestedBy who asked for a block rule to be enabled, while it awaits a second analyst
 */
public record RuleView(
        UUID id,
        String name,
        String text,
        String action,
        String state,
        String createdBy,
        Instant createdAt,
        Optional<String> requestedBy,
        String updatedBy,
        Instant updatedAt,
        long version) {}

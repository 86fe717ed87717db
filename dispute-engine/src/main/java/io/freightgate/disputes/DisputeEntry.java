package io.freightgate.disputes;

import java.time.Instant;
import java.util.UUID;

/**
 * A line of a case's timeline (and, for the kinds that are {@link DisputeEntryKind#feed()}, of the notification feed).
 *
 * @param actor who did it: {@code stripe} for Stripe's news, {@code user:...} for a person, {@code system} otherwise
 * @param text what happened, in words; notes as the agent wrote them (encode where rendered)
 */
public record DisputeEntry(
        UUID id,
        DisputeId disputeId,
        String stripeDisputeId,
        DisputeEntryKind kind,
        String actor,
        String text,
        Instant at) {}

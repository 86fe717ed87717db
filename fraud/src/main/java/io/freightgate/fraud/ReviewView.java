package io.freightgate.fraud;

import io.freightgate.kernel.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fraud review as the queue shows it.
 *
 * @param ageSeconds how long it has been open (its SLA age), or was open until it closed
 * @param decideBy when the policy decides it unless a person did (before the authorization expires)
 * @param explanations the rules that fired with the values they saw, the deciding one first
 * @param facts the facts the decision was made on, as text
 * @param log what happened to it, oldest first
 */
public record ReviewView(
        UUID id,
        String status,
        String stage,
        UUID paymentRequestId,
        UUID carrier,
        UUID shipper,
        Money amount,
        String method,
        Instant openedAt,
        long ageSeconds,
        Optional<Instant> decideBy,
        Optional<String> claimedBy,
        Optional<String> closedBy,
        Optional<Instant> closedAt,
        Optional<String> note,
        Optional<String> stripeReviewId,
        List<String> explanations,
        Map<String, String> facts,
        List<Entry> log) {

    public ReviewView {
        explanations = List.copyOf(explanations);
        facts = Map.copyOf(facts);
        log = List.copyOf(log);
    }

    /** One thing that happened to the review. */
    public record Entry(Instant at, String actor, String action, Optional<String> note) {}
}

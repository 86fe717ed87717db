package io.freightgate.fraud.internal.domain.velocity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment attempt as the counters see it.
 *
 * @param attempt what makes the attempt one (its id): counting the same attempt again changes nothing
 * @param at when it was screened (or declined)
 * @param keys the attempt's value per dimension; a dimension it has no value for (no card on a SEPA debit, no device
 *     yet) is absent and its counters stay unknown
 * @param card the card's fingerprint, when paid by card: what the distinct-card counters count
 */
public record CountedAttempt(String attempt, Instant at, Map<Dimension, String> keys, Optional<String> card) {

    public CountedAttempt {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(at, "at");
        Map<Dimension, String> copy = new EnumMap<>(Dimension.class);
        keys.forEach((dimension, value) -> {
            if (!value.isBlank()) {
                copy.put(dimension, value);
            }
        });
        keys = java.util.Collections.unmodifiableMap(copy);
        card = card.filter(c -> !c.isBlank());
    }
}

package io.freightgate.fraud.internal.domain.velocity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counters read for one attempt: only those of the dimensions the attempt has a value for (the others stay
 * unknown to the rules). A counter includes the attempt itself.
 */
public record VelocityCounts(Map<Counter, Long> values) {

    public VelocityCounts {
        values.forEach((counter, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException(counter.attribute() + " cannot be negative: " + value);
            }
        });
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<Long> of(Counter counter) {
        return Optional.ofNullable(values.get(counter));
    }

    /** The counters as facts: attribute name to count. */
    public Map<String, Long> byAttribute() {
        Map<String, Long> byName = new LinkedHashMap<>();
        values.forEach((counter, value) -> byName.put(counter.attribute(), value));
        return byName;
    }
}

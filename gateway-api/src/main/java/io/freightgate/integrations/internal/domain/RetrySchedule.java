package io.freightgate.integrations.internal.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * When a failed delivery is tried again: exponential backoff ({@code initial * 2^(attempt-1)}, at most {@code max})
 * with "equal jitter" (half the delay fixed, the other half random), so that receivers coming back after an outage
 * are not hit by every sender at the same instant. After {@code maxAttempts} failed attempts there is no next one.
 *
 * @param random returns a uniformly random long in {@code [0, bound)} for a positive bound
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts, LongUnaryOperator random) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt");
        }
    }

    /** The delay before the attempt after failed attempt number {@code attempt} (1-based), or empty when it was the last. */
    public Optional<Duration> delayAfter(int attempt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration ceiling = ceilingAfter(attempt);
        long halfMillis = Math.max(1, ceiling.toMillis() / 2);
        long jitter = random.applyAsLong(halfMillis + 1);
        return Optional.of(ceiling.minusMillis(halfMillis).plusMillis(Math.clamp(jitter, 0, halfMillis)));
    }

    /** The delay without jitter after failed attempt {@code attempt}: the upper bound of {@link #delayAfter}. */
    public Duration ceilingAfter(int attempt) {
        Duration delay = initial;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}

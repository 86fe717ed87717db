package io.freightgate.platform.queue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * When a failed item of a {@link WorkQueue} is tried again, the one backoff of the gateway: exponential ({@code initial
 * * 2^(attempt-1)}, at most {@code max}) with "equal jitter" (half the delay fixed, the other half random), so that
 * receivers coming back after an outage are not hit by every sender at the same instant. After {@code maxAttempts}
 * failed attempts there is no next one: the queue parks the item.
 *
 * <p>{@link #withoutJitter} keeps the delay at its ceiling, for queues whose delays are exact by contract (the mail
 * relay's and the webhook inbox's configured delays, a fixed wait for password-reset requests).
 *
 * @param random returns a uniformly random long in {@code [0, bound)} for a positive bound
 */
public record Backoff(Duration initial, Duration max, int maxAttempts, LongUnaryOperator random) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("An item is attempted at least once, not " + maxAttempts + " times");
        }
    }

    /** Exponential backoff with equal jitter drawn from {@link ThreadLocalRandom}. */
    public static Backoff withJitter(Duration initial, Duration max, int maxAttempts) {
        return new Backoff(
                initial, max, maxAttempts, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    /** Exponential backoff whose every delay is its ceiling. */
    public static Backoff withoutJitter(Duration initial, Duration max, int maxAttempts) {
        return new Backoff(initial, max, maxAttempts, bound -> bound - 1);
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

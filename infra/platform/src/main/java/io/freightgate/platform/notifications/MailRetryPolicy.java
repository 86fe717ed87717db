package io.freightgate.platform.notifications;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the relay waits before trying a failed mail again: {@code initialBackoff} after the first failure, doubling
 * after each further one up to {@code maxBackoff}; after {@code maxAttempts} attempts it gives up.
 */
public record MailRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public MailRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A mail is attempted at least once, not " + maxAttempts + " times");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "Backoff must be positive and at most " + maxBackoff + ", not " + initialBackoff);
        }
    }

    /** The wait after {@code attempts} failed attempts, or empty when the mail is to be given up. */
    public Optional<Duration> delayAfter(int attempts) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = initialBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
    }
}

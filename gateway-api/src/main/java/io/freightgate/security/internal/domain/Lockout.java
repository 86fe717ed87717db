package io.freightgate.security.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Account lockout (ASVS 6.3.1): the {@value #MAX_FAILURES}th consecutive failed login locks the account for
 * {@link #LOCK_DURATION}; a successful login or an admin's unlock resets the count. While locked, even the right
 * password is refused; wrong passwords still count, but neither extend nor shorten the lock. A lock that has run out
 * starts a fresh count. The counting itself is one SQL statement ({@code LoginAttempts}), so parallel attempts are all
 * counted.
 */
public final class Lockout {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private Lockout() {}

    /** The counter state of one account. */
    public record State(int failedAttempts, Optional<Instant> lockedUntil) {

        public boolean isLocked(Instant now) {
            return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
        }
    }
}

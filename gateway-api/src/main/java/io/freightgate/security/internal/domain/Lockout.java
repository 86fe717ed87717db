package io.freightgate.security.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Account lockout (ASVS 6.3.1): the {@value #MAX_FAILURES}th consecutive failed login locks the account for
 * {@link #LOCK_DURATION}; a successful login or an admin's unlock resets the count. While locked, even the right
 * password is refused.
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

    /** The state after a failed attempt; {@code lockedUntil} is set when this failure reaches the limit. */
    public static State afterFailure(State state, Instant now) {
        int failures =
                state.isLocked(now) ? state.failedAttempts() : expired(state, now) ? 1 : state.failedAttempts() + 1;
        if (!state.isLocked(now) && failures >= MAX_FAILURES) {
            return new State(failures, Optional.of(now.plus(LOCK_DURATION)));
        }
        return new State(failures, state.isLocked(now) ? state.lockedUntil() : Optional.empty());
    }

    /** A lock that has run out starts a fresh count. */
    private static boolean expired(State state, Instant now) {
        return state.lockedUntil().isPresent()
                && !now.isBefore(state.lockedUntil().get());
    }

    public static State reset() {
        return new State(0, Optional.empty());
    }
}

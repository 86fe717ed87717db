package io.freightgate.security.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutTests {

    final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theFifthConsecutiveFailureLocksForFifteenMinutes() {
        Lockout.State state = Lockout.reset();
        for (int i = 0; i < 4; i++) {
            state = Lockout.afterFailure(state, now);
            assertThat(state.isLocked(now)).isFalse();
        }
        state = Lockout.afterFailure(state, now);

        assertThat(state.isLocked(now)).isTrue();
        assertThat(state.lockedUntil()).hasValue(now.plus(Duration.ofMinutes(15)));
        assertThat(state.isLocked(now.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        Lockout.State locked = lockedAt(now);

        Lockout.State after = Lockout.afterFailure(locked, now.plusSeconds(60));

        assertThat(after.lockedUntil()).isEqualTo(locked.lockedUntil());
    }

    @Test
    void anExpiredLockStartsAFreshCount() {
        Lockout.State expired = lockedAt(now);

        Lockout.State after = Lockout.afterFailure(expired, now.plus(Duration.ofMinutes(16)));

        assertThat(after.failedAttempts()).isEqualTo(1);
        assertThat(after.isLocked(now.plus(Duration.ofMinutes(16)))).isFalse();
    }

    private static Lockout.State lockedAt(Instant at) {
        Lockout.State state = Lockout.reset();
        for (int i = 0; i < Lockout.MAX_FAILURES; i++) {
            state = Lockout.afterFailure(state, at);
        }
        return state;
    }
}

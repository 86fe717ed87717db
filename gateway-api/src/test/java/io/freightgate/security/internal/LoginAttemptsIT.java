package io.freightgate.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.internal.domain.Lockout;
import io.freightgate.support.GatewayIT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;

/** The lockout rule ({@link Lockout}) as the SQL of {@link LoginAttempts} applies it to a user's row. */
class LoginAttemptsIT extends GatewayIT {

    final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    LoginAttempts attempts;

    @Autowired
    UserRecords records;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    TransactionOperations transactions;

    UUID user;

    @BeforeEach
    void anActiveUser() {
        user = UUID.randomUUID();
        inSystemScope(() -> {
            User created = User.invite(
                    user,
                    new TenantId(UUID.randomUUID()),
                    new byte[] {1},
                    UUID.randomUUID().toString().getBytes(),
                    new byte[] {1},
                    List.of("CARRIER_DRIVER"),
                    null,
                    null,
                    now);
            created.activate("{bcrypt}not-a-hash");
            return records.save(created);
        });
    }

    @Test
    void theFifthConsecutiveFailureLocksForFifteenMinutesOnce() {
        for (int i = 1; i < Lockout.MAX_FAILURES; i++) {
            var failure = failed(now);
            assertThat(failure.failedAttempts()).isEqualTo(i);
            assertThat(failure.lockedUntil()).isEmpty();
            assertThat(failure.lockedNow()).isFalse();
        }

        var fifth = failed(now);
        var sixth = failed(now.plusSeconds(1));

        assertThat(fifth.lockedNow()).isTrue();
        assertThat(fifth.lockedUntil()).hasValue(now.plus(Duration.ofMinutes(15)));
        assertThat(sixth.lockedNow()).as("already locked").isFalse();
    }

    @Test
    void failuresDuringALockAreCountedButDoNotExtendIt() {
        lockAt(now);

        var during = failed(now.plusSeconds(60));

        assertThat(during.failedAttempts()).isEqualTo(Lockout.MAX_FAILURES + 1);
        assertThat(during.lockedUntil()).hasValue(now.plus(Lockout.LOCK_DURATION));
    }

    @Test
    void anExpiredLockStartsAFreshCount() {
        lockAt(now);

        var after = failed(now.plus(Duration.ofMinutes(16)));

        assertThat(after.failedAttempts()).isEqualTo(1);
        assertThat(after.lockedUntil()).isEmpty();
    }

    @Test
    void aSuccessClearsTheCountButNotARunningLock() {
        failed(now);
        lockAt(now.plusSeconds(1));

        boolean whileLocked = inSystemScope(() -> attempts.succeeded(user, now.plusSeconds(2)));
        boolean afterTheLock = inSystemScope(() -> attempts.succeeded(user, now.plus(Duration.ofMinutes(20))));

        assertThat(whileLocked).isFalse();
        assertThat(afterTheLock).isTrue();
        User stored = inSystemScope(() -> records.findById(user).orElseThrow());
        assertThat(stored.failedAttempts()).isZero();
        assertThat(stored.lockedUntil()).isEmpty();
    }

    private void lockAt(Instant at) {
        Optional<Instant> until = Optional.empty();
        while (until.isEmpty()) {
            until = failed(at).lockedUntil();
        }
    }

    private LoginAttempts.Failure failed(Instant at) {
        return inSystemScope(() -> attempts.failed(user, at).orElseThrow());
    }

    private <T> T inSystemScope(Supplier<T> work) {
        return systemAccess.call("test: login attempts", () -> transactions.execute(status -> work.get()));
    }
}

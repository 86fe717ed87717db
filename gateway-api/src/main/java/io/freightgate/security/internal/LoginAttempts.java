package io.freightgate.security.internal;

import io.freightgate.security.internal.domain.Lockout;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The failed-login counter and lock of a user ({@link Lockout}), changed by one SQL statement each, so parallel
 * attempts are all counted and none fails on the user's optimistic version: the row lock that an {@code UPDATE} takes
 * orders them. The statements leave {@code version} alone (the entity writes only the columns it changed), run in the
 * caller's transaction and, like every read of users at login, in the system scope.
 */
@Component
public class LoginAttempts {

    private final JdbcTemplate jdbc;

    LoginAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a counted failure left: the count, the lock, and whether this failure set the lock. */
    public record Failure(int failedAttempts, Optional<Instant> lockedUntil, boolean lockedNow) {}

    /**
     * Counts a failed login of an active user. Every failure counts, during a lock too; a lock that has run out starts
     * a fresh count; the {@value Lockout#MAX_FAILURES}th failure outside a lock locks the account for
     * {@link Lockout#LOCK_DURATION} (a running lock is neither extended nor shortened). Empty when the user is not
     * active.
     */
    public Optional<Failure> failed(UUID user, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc
                .query(
                        """
                        UPDATE users u
                           SET failed_attempts = CASE WHEN p.locked_until <= ? THEN 1 ELSE p.failed_attempts + 1 END,
                               locked_until = CASE
                                   WHEN p.locked_until > ? THEN p.locked_until
                                   WHEN (CASE WHEN p.locked_until <= ? THEN 1 ELSE p.failed_attempts + 1 END) >= ?
                                       THEN ?::timestamptz
                                   ELSE NULL END
                          FROM (SELECT id, failed_attempts, locked_until FROM users WHERE id = ? FOR UPDATE) p
                         WHERE u.id = p.id AND u.status = 'ACTIVE'
                        RETURNING u.failed_attempts, u.locked_until, p.locked_until AS locked_before
                        """,
                        (rs, row) -> {
                            Timestamp until = rs.getTimestamp("locked_until");
                            Timestamp before = rs.getTimestamp("locked_before");
                            boolean lockedBefore =
                                    before != null && before.toInstant().isAfter(now);
                            return new Failure(
                                    rs.getInt("failed_attempts"),
                                    Optional.ofNullable(until).map(Timestamp::toInstant),
                                    !lockedBefore && until != null);
                        },
                        at,
                        at,
                        at,
                        Lockout.MAX_FAILURES,
                        Timestamp.from(now.plus(Lockout.LOCK_DURATION)),
                        user)
                .stream()
                .findFirst();
    }

    /**
     * A successful login: the count and an expired lock are cleared. False (and nothing changes) when the user is
     * locked or no longer active by now, as a parallel attempt may have made it.
     */
    public boolean succeeded(UUID user, Instant now) {
        return jdbc.update(
                        "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND status = 'ACTIVE'"
                                + " AND (locked_until IS NULL OR locked_until <= ?)",
                        user,
                        Timestamp.from(now))
                == 1;
    }

    /** Replaces a password hash of an older scheme, unless the password changed meanwhile. */
    public void rehash(UUID user, String oldHash, String newHash) {
        jdbc.update("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?", newHash, user, oldHash);
    }
}

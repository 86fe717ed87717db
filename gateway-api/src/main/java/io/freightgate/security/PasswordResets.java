package io.freightgate.security;

import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import io.freightgate.security.internal.domain.PasswordPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Forgotten passwords. A reset is asked for with an email address and completed with a single-use token mailed to the
 * user's address (valid {@code freightgate.security.password-reset.validity}, 30 minutes by default); whether the
 * address belongs to a user is never revealed, neither by the answer nor by its timing, and a completed reset ends the
 * user's web sessions and web-client authorizations.
 */
@Service
public class PasswordResets {

    private final PasswordResetRequests requests;
    private final UserRecords records;
    private final EnvelopeEncryption encryption;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SecurityEvents securityEvents;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final JdbcTemplate jdbc;
    private final LogoutRevocation revocation;
    private final Clock clock;

    PasswordResets(
            PasswordResetRequests requests,
            UserRecords records,
            EnvelopeEncryption encryption,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            SecurityEvents securityEvents,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            JdbcTemplate jdbc,
            LogoutRevocation revocation,
            Clock clock) {
        this.requests = requests;
        this.records = records;
        this.encryption = encryption;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.securityEvents = securityEvents;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.revocation = revocation;
        this.clock = clock;
    }

    /**
     * Mails a password-reset link to the user with this email, if there is an active one and it has not had
     * {@code freightgate.security.password-reset.mails-per-user} (3) such mails in the last {@code ...mails-period}
     * (1 h); otherwise does nothing. Either way the caller learns nothing (the API answers 202): this only queues the
     * request durably ({@link PasswordResetRequests}, the same work for any well-formed address, so the answer's
     * timing tells nothing either), and the lookup, the token and the mail follow on the queue's worker. No request is
     * dropped, however many arrive. The request's id and client address go with it into the audit trail.
     */
    public void request(String email) {
        requests.record(email);
    }

    /**
     * Sets a new password with a password-reset token: single use, unexpired, for an active user ({@link
     * PasswordResetNotFound} otherwise), and the password must pass the {@link PasswordPolicy} ({@link
     * PasswordRejected} leaves the token usable). Ends the user's web sessions and revokes the web client's
     * authorizations (refresh tokens) issued to the user.
     */
    public void complete(String token, String password) {
        systemAccess.callAs("password reset", Optional.empty(), "complete password reset", () -> {
            transactions.executeWithoutResult(status -> {
                Instant now = clock.instant();
                List<UUID> owners = jdbc.queryForList(
                        "DELETE FROM password_resets WHERE token_hash = ? AND expires_at > ? RETURNING user_id",
                        UUID.class,
                        OpaqueTokens.sha256(String.valueOf(token)),
                        Timestamp.from(now));
                User user = owners.stream()
                        .findFirst()
                        .flatMap(records::findById)
                        .filter(found -> found.status() == User.Status.ACTIVE)
                        .orElseThrow(PasswordResetNotFound::new);
                String email = encryption
                        .decryptText(user.id(), user.emailCiphertext())
                        .orElseThrow();
                passwordPolicy.rejection(password, email).ifPresent(reason -> {
                    throw new PasswordRejected(reason);
                });
                user.changePassword(passwordEncoder.encode(password));
                jdbc.update("DELETE FROM password_resets WHERE user_id = ?", user.id());
                jdbc.update(
                        "DELETE FROM spring_session WHERE principal_name = ?",
                        user.id().toString());
                revocation.revokeWebAuthorizations(user.id().toString());
                securityEvents.record(
                        user.tenant(),
                        user.id(),
                        "PASSWORD_RESET",
                        null,
                        user.id().toString());
            });
            return null;
        });
    }

    /** No usable password-reset token like this (never issued, already used, superseded or expired). */
    public static final class PasswordResetNotFound extends RuntimeException {
        PasswordResetNotFound() {
            super("Password reset not found", null, false, false);
        }
    }
}

package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.ratelimit.UserType;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.internal.LoginAttempts;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import io.freightgate.security.internal.domain.RecoveryCodes;
import io.freightgate.security.internal.domain.Totp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Logging in, step by step: email and password, then a TOTP code (or a recovery code) when the user has TOTP on.
 * Platform staff must have TOTP, and so must the people of an organization that requires a second factor
 * ({@link OrganizationDirectory#requireSecondFactor}): without it, the password only lets them enrol. Anyone else may
 * enrol once logged in. Every failure is audited in
 * {@code security_events} and published as {@link LoginFailed}; the {@value
 * io.freightgate.security.internal.domain.Lockout#MAX_FAILURES}th consecutive failure locks the account for 15
 * minutes ({@link AccountLocked}) and mails the user a lockout notice; failures per client address are throttled with
 * the platform rate limiter. Runs before any tenant is known, so it reads users through the audited system path.
 *
 * <p>Under concurrency: the address's token is taken before the password is looked at; failures are counted by one
 * SQL statement each ({@link LoginAttempts}), never by writing the user entity back; and the password hash (bcrypt) is
 * checked between short transactions, so parallel logins hold no pooled connection while they hash. A password hash of
 * an older scheme is replaced at a successful login ({@link PasswordHashing}).
 */
@Service
public class Logins {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUER = "FreightGate";

    private final UserRecords records;
    private final LoginAttempts attempts;
    private final EnvelopeEncryption encryption;
    private final PasswordEncoder passwordEncoder;
    private final SecurityEvents securityEvents;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Notifications notifications;
    private final RateLimiter rateLimiter;
    private final RateLimit failuresPerAddress;
    private final Clock clock;
    private final String dummyHash;
    private final OrganizationDirectory organizations;

    /** Failed logins are limited per address as the policy table's {@code login} row says. */
    @Autowired
    Logins(
            UserRecords records,
            LoginAttempts attempts,
            EnvelopeEncryption encryption,
            PasswordEncoder passwordEncoder,
            SecurityEvents securityEvents,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Notifications notifications,
            RateLimiter rateLimiter,
            Throttle throttle,
            Clock clock,
            OrganizationDirectory organizations) {
        this(
                records,
                attempts,
                encryption,
                passwordEncoder,
                securityEvents,
                systemAccess,
                transactions,
                events,
                notifications,
                rateLimiter,
                throttle.limit("login", UserType.ANONYMOUS, KeyKind.IP)
                        .orElseThrow(() -> new IllegalStateException(
                                "freightgate.rate-limits.table.login needs a limit per address")),
                clock,
                organizations);
    }

    /** With a fixed limit of failed logins per address. */
    Logins(
            UserRecords records,
            LoginAttempts attempts,
            EnvelopeEncryption encryption,
            PasswordEncoder passwordEncoder,
            SecurityEvents securityEvents,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Notifications notifications,
            RateLimiter rateLimiter,
            long failuresPerAddress,
            Duration failuresPeriod,
            Clock clock,
            OrganizationDirectory organizations) {
        this(
                records,
                attempts,
                encryption,
                passwordEncoder,
                securityEvents,
                systemAccess,
                transactions,
                events,
                notifications,
                rateLimiter,
                new RateLimit("login-failures", failuresPerAddress, failuresPeriod),
                clock,
                organizations);
    }

    private Logins(
            UserRecords records,
            LoginAttempts attempts,
            EnvelopeEncryption encryption,
            PasswordEncoder passwordEncoder,
            SecurityEvents securityEvents,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Notifications notifications,
            RateLimiter rateLimiter,
            RateLimit failuresPerAddress,
            Clock clock,
            OrganizationDirectory organizations) {
        this.organizations = organizations;
        this.records = records;
        this.attempts = attempts;
        this.encryption = encryption;
        this.passwordEncoder = passwordEncoder;
        this.securityEvents = securityEvents;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.notifications = notifications;
        this.rateLimiter = rateLimiter;
        this.failuresPerAddress = failuresPerAddress;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("not-a-password-" + UUID.randomUUID());
    }

    /**
     * The first step: email and password. The address's failure budget is taken before the password is looked at
     * (and given back unless the attempt is refused), so parallel attempts cannot all slip past a check. The password
     * is checked between two short transactions, never inside one: bcrypt takes tens of milliseconds, and attempts in
     * parallel must not hold the connection pool meanwhile.
     */
    public LoginOutcome authenticate(String email, String password, String clientIp) {
        return throttled(clientIp, () -> checkPassword(email, password, clientIp));
    }

    private LoginOutcome checkPassword(String email, String password, String clientIp) {
        Optional<Found> lookedUp = inSystemScope("login", () -> lookUp(email)
                .map(user -> new Found(user, organizations.requiresSecondFactor(user.tenant()))));
        Optional<User> found = lookedUp.map(Found::user);
        if (found.isEmpty()) {
            passwordEncoder.matches(String.valueOf(password), dummyHash);
            inSystemScope("login failure", () -> {
                securityEvents.record(null, null, "LOGIN_FAILED", "unknown_user", "anonymous");
                return null;
            });
            return new LoginOutcome.Refused();
        }
        // Read in a transaction that has ended: only its columns are used from here on, nothing is written through it.
        User user = found.get();
        Optional<String> hash = user.passwordHash();
        boolean active = user.status() == User.Status.ACTIVE;
        // One bcrypt whatever the account's state, so the time taken tells nothing about it.
        boolean matches = passwordEncoder.matches(String.valueOf(password), active ? hash.orElse(dummyHash) : dummyHash)
                && password != null
                && active
                && hash.isPresent();
        Instant now = clock.instant();
        if (!active) {
            return refused(user, user.status() == User.Status.DISABLED ? "disabled" : "not_active", false, clientIp);
        }
        if (!matches) {
            return refused(user, "bad_credentials", true, clientIp);
        }
        if (user.isLocked(now)) {
            return refused(user, "locked", false, clientIp);
        }
        Optional<String> rehashed = passwordEncoder.upgradeEncoding(hash.get())
                ? Optional.of(passwordEncoder.encode(password))
                : Optional.empty();
        boolean mustEnrol = requiresTotp(user) || lookedUp.get().organizationRequiresSecondFactor();
        boolean complete = !user.totpEnabled() && !mustEnrol;
        if (complete || rehashed.isPresent()) {
            boolean open = inSystemScope("login", () -> {
                rehashed.ifPresent(newHash -> attempts.rehash(user.id(), hash.get(), newHash));
                return !complete || attempts.succeeded(user.id(), now);
            });
            if (!open) {
                // Locked or disabled by a parallel attempt or an admin since the user was read.
                return refused(user, "locked", false, clientIp);
            }
        }
        if (user.totpEnabled()) {
            return new LoginOutcome.SecondFactorRequired(user.id());
        }
        if (mustEnrol) {
            return new LoginOutcome.EnrolmentRequired(user.id());
        }
        return authenticated(user);
    }

    /** A user found by email, and whether the user's organization requires a second factor of its people. */
    private record Found(User user, boolean organizationRequiresSecondFactor) {}

    /** Whether the user has TOTP on (and can therefore prove a second factor rather than enrol one). */
    public boolean hasSecondFactor(UUID userId) {
        return inSystemScope(
                "second factor of user " + userId,
                () -> records.findById(userId).map(User::totpEnabled).orElse(false));
    }

    /** The second step: a 6-digit TOTP code or one of the recovery codes (each usable once). */
    public LoginOutcome verifySecondFactor(UUID userId, String code, String clientIp) {
        return throttled(
                clientIp,
                () -> inSystemScope("login second factor", () -> {
                    Optional<User> found = records.findById(userId);
                    if (found.isEmpty()) {
                        return new LoginOutcome.Refused();
                    }
                    User user = found.get();
                    Instant now = clock.instant();
                    if (user.status() != User.Status.ACTIVE || user.isLocked(now) || !user.totpEnabled()) {
                        return failed(user, user.isLocked(now) ? "locked" : "not_active", false, clientIp);
                    }
                    String normalized = code == null ? "" : code.strip().replace(" ", "");
                    byte[] secret = totpSecret(user);
                    OptionalLong step = Totp.verify(secret, normalized, now, user.totpLastStep());
                    if (step.isPresent()) {
                        user.totpStepUsed(step.getAsLong());
                        user.loginSucceeded();
                        return authenticated(user);
                    }
                    if (normalized.length() > Totp.DIGITS && user.useRecoveryCode(normalized)) {
                        user.loginSucceeded();
                        securityEvents.record(
                                user.tenant(),
                                user.id(),
                                "RECOVERY_CODE_USED",
                                null,
                                user.id().toString());
                        return authenticated(user);
                    }
                    return failed(user, "bad_second_factor", true, clientIp);
                }));
    }

    /**
     * Starts a TOTP enrolment for a user whose password was just checked: a new secret and ten recovery codes, shown
     * once. Nothing changes at login until the enrolment is confirmed with a valid code.
     */
    public TotpEnrolment beginTotpEnrolment(UUID userId) {
        return inSystemScope("TOTP enrolment", () -> {
            User user = records.findById(userId).orElseThrow(() -> new IllegalStateException("No such user"));
            byte[] secret = Totp.newSecret(RANDOM);
            RecoveryCodes.Issued recovery = RecoveryCodes.issue(RANDOM);
            user.beginTotpEnrolment(encryption.encrypt(user.tenant(), user.id(), secret), recovery.hashes());
            String account = encryption
                    .decryptText(user.id(), user.emailCiphertext())
                    .orElse(user.id().toString());
            String uri = Totp.otpauthUri(ISSUER, account, secret);
            return new TotpEnrolment(uri, Totp.base32(secret), QrCodes.png(uri), recovery.codes());
        });
    }

    /** Confirms an enrolment with a valid code; TOTP is on from now, and the user is logged in. */
    public LoginOutcome confirmTotpEnrolment(UUID userId, String code, String clientIp) {
        return throttled(
                clientIp,
                () -> inSystemScope("TOTP enrolment confirmation", () -> {
                    User user = records.findById(userId).orElseThrow(() -> new IllegalStateException("No such user"));
                    if (user.totpSecretCiphertext().isEmpty()
                            || user.totpEnabled()
                            || user.status() != User.Status.ACTIVE) {
                        return new LoginOutcome.Refused();
                    }
                    OptionalLong step = Totp.verify(
                            totpSecret(user), code == null ? "" : code.strip(), clock.instant(), OptionalLong.empty());
                    if (step.isEmpty()) {
                        return failed(user, "bad_second_factor", true, clientIp);
                    }
                    user.confirmTotpEnrolment(step.getAsLong());
                    user.loginSucceeded();
                    securityEvents.record(
                            user.tenant(),
                            user.id(),
                            "TOTP_ENROLLED",
                            null,
                            user.id().toString());
                    return authenticated(user);
                }));
    }

    /** The organization and roles an access token of this user carries, while the user is active. */
    public Optional<LoginOutcome.Authenticated> tokenClaims(UUID userId) {
        return inSystemScope("token for user " + userId, () -> records.findById(userId)
                .filter(user -> user.status() == User.Status.ACTIVE)
                .map(Logins::authenticated));
    }

    static boolean requiresTotp(User user) {
        return user.tenant().equals(OrganizationDirectory.PLATFORM)
                || user.roles().stream().map(Role::valueOf).anyMatch(Role::isPlatformStaff);
    }

    /** A refusal, recorded in a transaction of its own (the password was checked outside one). */
    private LoginOutcome refused(User user, String reason, boolean counts, String clientIp) {
        return inSystemScope("login failure", () -> failed(user, reason, counts, clientIp));
    }

    /**
     * Records a refusal in the running transaction; a failure that {@code counts} goes to the account's counter, and
     * the one that locks the account is audited, published and mailed (once, however many arrive together).
     */
    private LoginOutcome failed(User user, String reason, boolean counts, String clientIp) {
        Instant now = clock.instant();
        securityEvents.record(user.tenant(), user.id(), "LOGIN_FAILED", reason, "anonymous");
        events.publishEvent(new LoginFailed(user.tenant(), user.id(), reason, clientIp, now));
        if (counts) {
            attempts.failed(user.id(), now)
                    .filter(LoginAttempts.Failure::lockedNow)
                    .flatMap(LoginAttempts.Failure::lockedUntil)
                    .ifPresent(until -> {
                        securityEvents.record(user.tenant(), user.id(), "ACCOUNT_LOCKED", "until " + until, "system");
                        events.publishEvent(new AccountLocked(user.tenant(), user.id(), until, clientIp, now));
                        notifyLocked(user, until);
                    });
        }
        return new LoginOutcome.Refused();
    }

    /** Tells the user by mail, after the lockout is committed, that the account is locked and until when. */
    private void notifyLocked(User user, Instant until) {
        encryption
                .decryptText(user.id(), user.emailCiphertext())
                .ifPresent(email -> notifications.enqueue(new Notification(
                        email,
                        "Your FreightGate account is locked",
                        "account-locked",
                        Map.of(
                                "display_name",
                                encryption
                                        .decryptText(user.id(), user.displayNameCiphertext())
                                        .orElse(""),
                                "locked_until",
                                EmailAddresses.mailTime(until)))));
    }

    /**
     * Runs a login step within the address's failure budget: a token is taken before the step (atomically, in Redis),
     * and given back unless the step was refused.
     */
    private LoginOutcome throttled(String clientIp, Supplier<LoginOutcome> step) {
        if (rateLimiter.tryConsume(failuresPerAddress, clientIp) instanceof RateLimiter.Limited limited) {
            return new LoginOutcome.Throttled(limited.retryAfter());
        }
        LoginOutcome outcome = step.get();
        if (!(outcome instanceof LoginOutcome.Refused)) {
            rateLimiter.refund(failuresPerAddress, clientIp);
        }
        return outcome;
    }

    private Optional<User> lookUp(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return Optional.empty();
        }
        return records.findByEmailHash(
                encryption.keyedHash("user-email:" + email.strip().toLowerCase(Locale.ROOT)));
    }

    private byte[] totpSecret(User user) {
        return encryption
                .decrypt(user.id(), user.totpSecretCiphertext().orElseThrow())
                .orElseThrow(() -> new IllegalStateException("The TOTP secret is unreadable"));
    }

    private static LoginOutcome.Authenticated authenticated(User user) {
        return new LoginOutcome.Authenticated(
                user.id(),
                user.tenant(),
                user.roles().stream().map(Role::valueOf).toList());
    }

    private <T> T inSystemScope(String reason, Supplier<T> work) {
        return systemAccess.callAs(
                "login", Optional.<TenantId>empty(), reason, () -> transactions.execute(status -> work.get()));
    }
}

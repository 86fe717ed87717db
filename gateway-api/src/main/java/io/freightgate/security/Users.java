package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import io.freightgate.security.internal.domain.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The people who log in, managed by admins: an organization admin invites users of its own organization with roles of
 * its kind, changes their roles and disables them; platform admins do so for any organization through the audited
 * system path, and alone may unlock a locked account. An invitation is a {@link UserInvited} event with a single-use
 * token valid for {@link #INVITATION_VALIDITY}, mailed to the user as a link to {@code {issuer}/invitations/{token}};
 * accepting it sets the first password, which must pass the {@link PasswordPolicy}. A forgotten password is reset
 * with a single-use token mailed to the user's address (valid {@code freightgate.security.password-reset.validity},
 * 30 minutes by default); whether the address belongs to a user is never revealed, and a completed reset ends the
 * user's web sessions and web-client authorizations. A user of another organization is "not found".
 */
@Service
public class Users {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRecords records;
    private final OrganizationDirectory organizations;
    private final EnvelopeEncryption encryption;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SecurityEvents securityEvents;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final LogoutRevocation revocation;
    private final String issuer;
    private final PasswordResetRequests resetRequests;
    private final RateLimiter rateLimiter;
    private final RateLimit noticesPerUser;
    private final Clock clock;

    Users(
            UserRecords records,
            OrganizationDirectory organizations,
            EnvelopeEncryption encryption,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            SecurityEvents securityEvents,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Notifications notifications,
            JdbcTemplate jdbc,
            LogoutRevocation revocation,
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer,
            PasswordResetRequests resetRequests,
            RateLimiter rateLimiter,
            Clock clock) {
        this.records = records;
        this.organizations = organizations;
        this.encryption = encryption;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.securityEvents = securityEvents;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.revocation = revocation;
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.resetRequests = resetRequests;
        this.rateLimiter = rateLimiter;
        this.noticesPerUser = new RateLimit("invitation-notices", 3, Duration.ofHours(1));
        this.clock = clock;
    }

    /**
     * Invites a user and mails the invitation link (after the transaction commits); the answer carries the invitation
     * token too, which only local mode's API answer shows. An address that already has an account in another
     * organization gets the same answer as a new one, and from then on the organization sees a pending invitation that
     * nobody accepts (so an admin cannot probe which addresses have accounts), but no account is made: the invitation
     * is a decoy that can never be accepted or logged in to, the holder of the address is mailed a notice instead (at
     * most three an hour) and the attempt is audited as {@code INVITED_ELSEWHERE} in {@code security_events}. An
     * address of the organization's own users or invitations (decoys included) is refused ({@link
     * IllegalStateException}, 409), as the admin sees those anyway.
     */
    public UserView invite(
            TenantId organization, String email, String displayName, Collection<Role> roles, boolean acrossTenants) {
        String normalized = normalizeEmail(email);
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("The display name must have 1 to 200 characters");
        }
        List<String> roleNames = checkedRoles(organization, roles, acrossTenants);
        String organizationName = organizations
                .find(organization, acrossTenants)
                .map(OrganizationView::legalName)
                .orElseThrow();
        byte[] emailHash = encryption.keyedHash("user-email:" + normalized);
        try {
            return inviteNew(
                    organization, normalized, emailHash, displayName, roleNames, organizationName, acrossTenants);
        } catch (AddressTaken e) {
            return inviteHolderOfAccount(organization, normalized, emailHash, displayName, roleNames, organizationName);
        }
    }

    private UserView inviteNew(
            TenantId organization,
            String normalized,
            byte[] emailHash,
            String displayName,
            List<String> roleNames,
            String organizationName,
            boolean acrossTenants) {
        return systemAccess.transaction(acrossTenants, "invite user to " + organization, () -> {
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            String token = "fgi_" + randomToken();
            Instant expiresAt = now.plus(INVITATION_VALIDITY);
            User user = User.invite(
                    id,
                    organization,
                    encryption.encryptText(organization, id, normalized),
                    emailHash,
                    encryption.encryptText(organization, id, displayName.strip()),
                    roleNames,
                    sha256(token),
                    expiresAt,
                    now);
            try {
                records.saveAndFlush(user);
            } catch (DataIntegrityViolationException e) {
                throw new AddressTaken();
            }
            events.publishEvent(new UserInvited(organization, id, token, expiresAt));
            notifications.enqueue(new Notification(
                    normalized,
                    "Your invitation to FreightGate",
                    "user-invitation",
                    Map.of(
                            "display_name",
                            displayName.strip(),
                            "organization_name",
                            organizationName,
                            "accept_url",
                            issuer + "/invitations/" + token,
                            "expires_at",
                            format(expiresAt))));
            return view(user, Optional.of(token));
        });
    }

    /**
     * The address has an account: in the inviting organization, that is a conflict the admin may know of; in another,
     * the inviting organization gets a decoy invitation while the holder is told by mail. The decoy is a row of
     * {@code users} in the inviting organization, INVITED, with the address and display name encrypted as for any
     * invitation, so the admin reads, lists, re-roles and disables it, and inviting the address again is a conflict,
     * exactly as for a genuine pending invitation that nobody accepts. It can never become an account: its email hash
     * is {@link #decoyEmailHash} (never the {@code user-email:} hash that login and password resets look up, so the
     * address stays unique to its holder), and it has no invitation token hash (the token in the answer works nowhere;
     * none is mailed).
     */
    private UserView inviteHolderOfAccount(
            TenantId organization,
            String normalized,
            byte[] emailHash,
            String displayName,
            List<String> roleNames,
            String organizationName) {
        String actor = Tenancy.currentActor();
        return systemAccess.call(
                "invitation of an address that has an account",
                () -> transactions.execute(status -> {
                    User holder = records.findByEmailHash(emailHash)
                            .orElseThrow(() -> new IllegalStateException("A user with this email already exists"));
                    byte[] decoyHash = decoyEmailHash(organization, normalized);
                    if (holder.tenant().equals(organization)
                            || records.findByEmailHash(decoyHash).isPresent()) {
                        throw new IllegalStateException("A user with this email already exists");
                    }
                    Instant now = clock.instant();
                    UUID id = UUID.randomUUID();
                    User decoy = User.invite(
                            id,
                            organization,
                            encryption.encryptText(organization, id, normalized),
                            decoyHash,
                            encryption.encryptText(organization, id, displayName.strip()),
                            roleNames,
                            null,
                            now.plus(INVITATION_VALIDITY),
                            now);
                    try {
                        records.saveAndFlush(decoy);
                    } catch (DataIntegrityViolationException e) {
                        throw new IllegalStateException("A user with this email already exists");
                    }
                    securityEvents.record(holder.tenant(), holder.id(), "INVITED_ELSEWHERE", null, actor);
                    if (rateLimiter.tryConsume(noticesPerUser, holder.id().toString()) instanceof RateLimiter.Allowed) {
                        notifications.enqueue(new Notification(
                                normalized,
                                "An invitation to FreightGate for your address",
                                "invitation-for-existing-account",
                                Map.of(
                                        "display_name",
                                        encryption
                                                .decryptText(holder.id(), holder.displayNameCiphertext())
                                                .orElse(""),
                                        "organization_name",
                                        organizationName)));
                    }
                    return view(decoy, Optional.of("fgi_" + randomToken()));
                }));
    }

    /**
     * The email hash of a decoy invitation ({@link #inviteHolderOfAccount}): keyed like the login hash but over
     * another input, so it never equals any address's {@code user-email:} hash, and one per organization and address.
     */
    static byte[] decoyEmailHash(EnvelopeEncryption encryption, TenantId organization, String normalized) {
        return encryption.keyedHash("invitation-decoy:" + organization + ":" + normalized);
    }

    private byte[] decoyEmailHash(TenantId organization, String normalized) {
        return decoyEmailHash(encryption, organization, normalized);
    }

    /** The address is in use (the unique email hash); thrown inside the invitation's transaction to roll it back. */
    private static final class AddressTaken extends RuntimeException {
        AddressTaken() {
            super("The address is in use", null, false, false);
        }
    }

    /** Sets the first password of an invited user. The token is single-use and expires. */
    public UserView acceptInvitation(String token, String password) {
        return systemAccess.callAs(
                "invitation",
                Optional.empty(),
                "accept invitation",
                () -> transactions.execute(status -> {
                    User user = records.findByInvitationTokenHash(sha256(token))
                            .orElseThrow(() -> new InvitationNotFound());
                    String email = encryption
                            .decryptText(user.id(), user.emailCiphertext())
                            .orElseThrow();
                    passwordPolicy.rejection(password, email).ifPresent(reason -> {
                        throw new PasswordRejected(reason);
                    });
                    user.acceptInvitation(passwordEncoder.encode(password), clock.instant());
                    return view(user, Optional.empty());
                }));
    }

    /**
     * Mails a password-reset link to the user with this email, if there is an active one and it has not had
     * {@code freightgate.security.password-reset.mails-per-user} (3) such mails in the last {@code ...mails-period}
     * (1 h); otherwise does nothing. Either way the caller learns nothing (the API answers 202): this only queues the
     * request durably ({@link PasswordResetRequests}, the same work for any well-formed address, so the answer's
     * timing tells nothing either), and the lookup, the token and the mail follow on the queue's worker. No request is
     * dropped, however many arrive. The request's id and client address go with it into the audit trail.
     */
    public void requestPasswordReset(String email) {
        resetRequests.record(email);
    }

    /**
     * Sets a new password with a password-reset token: single use, unexpired, for an active user, and the password
     * must pass the {@link PasswordPolicy} (a rejected password leaves the token usable). Ends the user's web sessions
     * and revokes the web client's authorizations (refresh tokens) issued to the user.
     */
    public void completePasswordReset(String token, String password) {
        systemAccess.callAs(
                "password reset",
                Optional.empty(),
                "complete password reset",
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    List<UUID> owners = jdbc.queryForList(
                            "DELETE FROM password_resets WHERE token_hash = ? AND expires_at > ? RETURNING user_id",
                            UUID.class,
                            sha256(String.valueOf(token)),
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
                    return null;
                }));
    }

    /** The users of an organization the caller may see. */
    public List<UserView> list(TenantId organization, boolean acrossTenants) {
        return systemAccess.transaction(
                acrossTenants,
                "list users of " + organization,
                () -> records.findAllByTenantIdOrderByCreatedAtAsc(organization.value()).stream()
                        .map(user -> view(user, Optional.empty()))
                        .toList());
    }

    public Optional<UserView> find(TenantId organization, UUID userId, boolean acrossTenants) {
        return systemAccess.transaction(acrossTenants, "read user " + userId, () -> visible(organization, userId)
                .map(user -> view(user, Optional.empty())));
    }

    public Optional<UserView> changeRoles(
            TenantId organization, UUID userId, Collection<Role> roles, boolean acrossTenants) {
        List<String> roleNames = checkedRoles(organization, roles, acrossTenants);
        return systemAccess.transaction(
                acrossTenants, "change roles of user " + userId, () -> visible(organization, userId)
                        .map(user -> {
                            user.changeRoles(roleNames);
                            return view(user, Optional.empty());
                        }));
    }

    /** Disables a user for good: no login, and refreshing its tokens fails. */
    public Optional<UserView> disable(TenantId organization, UUID userId, boolean acrossTenants) {
        return systemAccess.transaction(acrossTenants, "disable user " + userId, () -> visible(organization, userId)
                .map(user -> {
                    user.disable();
                    return view(user, Optional.empty());
                }));
    }

    /** Lifts a lockout; platform admins only (the caller checks the role). */
    public Optional<UserView> unlock(TenantId organization, UUID userId) {
        String actor = Tenancy.currentActor();
        return systemAccess.call(
                "unlock user " + userId,
                () -> transactions.execute(
                        status -> visible(organization, userId).map(user -> {
                            Instant now = clock.instant();
                            if (user.unlock(now)) {
                                securityEvents.record(user.tenant(), user.id(), "ACCOUNT_UNLOCKED", null, actor);
                                events.publishEvent(new AccountUnlocked(user.tenant(), user.id(), actor, now));
                            }
                            return view(user, Optional.empty());
                        })));
    }

    private Optional<User> visible(TenantId organization, UUID userId) {
        return records.findById(userId).filter(user -> user.tenant().equals(organization));
    }

    private List<String> checkedRoles(TenantId organization, Collection<Role> roles, boolean acrossTenants) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        OrganizationView owner = organizations
                .find(organization, acrossTenants)
                .orElseThrow(() -> new IllegalArgumentException("Unknown organization " + organization));
        for (Role role : roles) {
            if (role.organizationType() != owner.type()) {
                throw new IllegalArgumentException("Role " + role + " is not a role of a "
                        + owner.type().name().toLowerCase(Locale.ROOT) + " organization");
            }
        }
        return roles.stream().map(Role::name).sorted().distinct().toList();
    }

    UserView view(User user, Optional<String> invitationToken) {
        Instant now = clock.instant();
        return new UserView(
                user.id(),
                user.tenant(),
                encryption.decryptText(user.id(), user.emailCiphertext()).orElse(""),
                encryption.decryptText(user.id(), user.displayNameCiphertext()).orElse(""),
                user.roles().stream().map(Role::valueOf).toList(),
                user.status().name(),
                user.totpEnabled(),
                user.isLocked(now) ? user.lockedUntil() : Optional.empty(),
                user.createdAt(),
                invitationToken);
    }

    static String normalizeEmail(String email) {
        if (email == null) {
            throw new IllegalArgumentException("An email is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 320 || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("The email is not valid");
        }
        return normalized;
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The new password breaks the policy; the message says why (never the password). */
    public static final class PasswordRejected extends IllegalArgumentException {
        PasswordRejected(String reason) {
            super(reason);
        }
    }

    /** No usable password-reset token like this (never issued, already used, superseded or expired). */
    public static final class PasswordResetNotFound extends RuntimeException {
        PasswordResetNotFound() {
            super("Password reset not found", null, false, false);
        }
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(instant);
    }

    /** No invitation with this token (never issued, already used, or revoked). */
    public static final class InvitationNotFound extends RuntimeException {
        InvitationNotFound() {
            super("Invitation not found", null, false, false);
        }
    }
}

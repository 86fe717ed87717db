package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.ratelimit.UserType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import io.freightgate.security.internal.domain.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * How people get an account: an organization admin invites a user of its own organization with roles of its kind
 * (platform admins any organization's, through the audited system path). An invitation is a {@link UserInvited} event
 * with a single-use token valid for {@link #VALIDITY}, mailed to the user as a link to {@code
 * {issuer}/invitations/{token}}; accepting it sets the first password, which must pass the {@link PasswordPolicy}, and
 * makes the INVITED user ACTIVE. Inviting an address never tells the admin whether it has an account elsewhere (see
 * {@link #invite}).
 */
@Service
public class Invitations {

    public static final Duration VALIDITY = Duration.ofDays(7);

    private final UserDirectory directory;
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
    private final String issuer;
    private final RateLimiter rateLimiter;
    private final RateLimit noticesPerUser;
    private final Clock clock;

    Invitations(
            UserDirectory directory,
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
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer,
            RateLimiter rateLimiter,
            Throttle throttle,
            Clock clock) {
        this.directory = directory;
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
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.rateLimiter = rateLimiter;
        this.noticesPerUser = throttle.limit("invitation-notice", UserType.ANONYMOUS, KeyKind.USER)
                .orElseThrow(() -> new IllegalStateException(
                        "freightgate.rate-limits.table.invitation-notice needs a limit per user"));
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
            TenantId organization, String email, String displayName, Collection<Role> roles, Reach reach) {
        String normalized = EmailAddresses.normalize(email);
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("The display name must have 1 to 200 characters");
        }
        List<String> roleNames = directory.checkedRoles(organization, roles, reach);
        String organizationName = organizations
                .find(organization, reach)
                .map(OrganizationView::legalName)
                .orElseThrow();
        byte[] emailHash = encryption.keyedHash("user-email:" + normalized);
        try {
            return inviteNew(organization, normalized, emailHash, displayName, roleNames, organizationName, reach);
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
            Reach reach) {
        return systemAccess.transaction(reach, "invite user to " + organization, () -> {
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            String token = "fgi_" + OpaqueTokens.random();
            Instant expiresAt = now.plus(VALIDITY);
            User user = User.invite(
                    id,
                    organization,
                    encryption.encryptText(organization, id, normalized),
                    emailHash,
                    encryption.encryptText(organization, id, displayName.strip()),
                    roleNames,
                    OpaqueTokens.sha256(token),
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
                            EmailAddresses.mailTime(expiresAt))));
            return directory.view(user, Optional.of(token));
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
                            now.plus(VALIDITY),
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
                    return directory.view(decoy, Optional.of("fgi_" + OpaqueTokens.random()));
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

    /**
     * Sets the first password of an invited user, who becomes ACTIVE. The token is single-use and expires; an unknown,
     * used or revoked one is {@link InvitationNotFound}, a password against the policy {@link PasswordRejected} (the
     * invitation stays open).
     */
    public UserView accept(String token, String password) {
        return systemAccess.callAs(
                "invitation",
                Optional.empty(),
                "accept invitation",
                () -> transactions.execute(status -> {
                    User user = records.findByInvitationTokenHash(OpaqueTokens.sha256(token))
                            .orElseThrow(() -> new InvitationNotFound());
                    String email = encryption
                            .decryptText(user.id(), user.emailCiphertext())
                            .orElseThrow();
                    passwordPolicy.rejection(password, email).ifPresent(reason -> {
                        throw new PasswordRejected(reason);
                    });
                    user.acceptInvitation(passwordEncoder.encode(password), clock.instant());
                    return directory.view(user, Optional.empty());
                }));
    }

    /** No invitation with this token (never issued, already used, or revoked). */
    public static final class InvitationNotFound extends RuntimeException {
        InvitationNotFound() {
            super("Invitation not found", null, false, false);
        }
    }
}

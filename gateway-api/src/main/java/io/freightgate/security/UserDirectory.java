package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The people who log in, as their admins see them: an organization admin lists its own organization's users, changes
 * their roles (roles of the organization's kind) and disables them; platform admins do so for any organization through
 * the audited system path, and alone may unlock a locked account. A user is INVITED until the invitation is accepted
 * ({@link Invitations}), then ACTIVE, and DISABLED for good once disabled. A user of another organization is "not
 * found" (an empty answer).
 */
@Service
public class UserDirectory {

    private final UserRecords records;
    private final OrganizationDirectory organizations;
    private final EnvelopeEncryption encryption;
    private final SecurityEvents securityEvents;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserSessions sessions;

    UserDirectory(
            UserRecords records,
            OrganizationDirectory organizations,
            EnvelopeEncryption encryption,
            SecurityEvents securityEvents,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock,
            UserSessions sessions) {
        this.sessions = sessions;
        this.records = records;
        this.organizations = organizations;
        this.encryption = encryption;
        this.securityEvents = securityEvents;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** The users of an organization the caller may see. */
    public List<UserView> list(TenantId organization, Reach reach) {
        return systemAccess.transaction(
                reach,
                "list users of " + organization,
                () -> records.findAllByTenantIdOrderByCreatedAtAsc(organization.value()).stream()
                        .map(user -> view(user, Optional.empty()))
                        .toList());
    }

    public Optional<UserView> find(TenantId organization, UUID userId, Reach reach) {
        return systemAccess.transaction(reach, "read user " + userId, () -> visible(organization, userId)
                .map(user -> view(user, Optional.empty())));
    }

    public Optional<UserView> changeRoles(TenantId organization, UUID userId, Collection<Role> roles, Reach reach) {
        List<String> roleNames = checkedRoles(organization, roles, reach);
        Optional<UserView> changed =
                systemAccess.transaction(reach, "change roles of user " + userId, () -> visible(organization, userId)
                        .map(user -> {
                            user.changeRoles(roleNames);
                            return view(user, Optional.empty());
                        }));
        // After the commit: the web pages sign the user in again, with the new roles.
        changed.ifPresent(user -> sessions.end(userId));
        return changed;
    }

    /** Disables a user for good: no login, refreshing its tokens fails, and its web sessions end. */
    public Optional<UserView> disable(TenantId organization, UUID userId, Reach reach) {
        Optional<UserView> disabled =
                systemAccess.transaction(reach, "disable user " + userId, () -> visible(organization, userId)
                        .map(user -> {
                            user.disable();
                            return view(user, Optional.empty());
                        }));
        disabled.ifPresent(user -> sessions.end(userId));
        return disabled;
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

    /**
     * The role names to store for a user of this organization: at least one role, each of the organization's kind
     * ({@link IllegalArgumentException} otherwise, as for an unknown organization).
     */
    List<String> checkedRoles(TenantId organization, Collection<Role> roles, Reach reach) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        OrganizationView owner = organizations
                .find(organization, reach)
                .orElseThrow(() -> new IllegalArgumentException("Unknown organization " + organization));
        for (Role role : roles) {
            if (role.organizationType() != owner.type()) {
                throw new IllegalArgumentException("Role " + role + " is not a role of a "
                        + owner.type().name().toLowerCase(Locale.ROOT) + " organization");
            }
        }
        return roles.stream().map(Role::name).sorted().distinct().toList();
    }

    /** What callers see of a user, its email and name decrypted; the invitation token only right after an invitation. */
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
}

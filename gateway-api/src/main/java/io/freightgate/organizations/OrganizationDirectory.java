package io.freightgate.organizations;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.internal.Organization;
import io.freightgate.organizations.internal.Organizations;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The directory of FreightGate's tenants. A tenant user reads only its own organization (row-level security would hide
 * any other even if asked); platform staff register organizations and read across tenants through the audited system
 * path. The contact email is personal data: encrypted with the organization's data key and findable by its keyed hash.
 */
@Service
public class OrganizationDirectory {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("OrganizationDirectory on its own authority");

    /** The platform operator's organization, created by the first migration. */
    public static final TenantId PLATFORM = new TenantId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    private final Organizations organizations;
    private final EnvelopeEncryption encryption;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationDirectory(
            Organizations organizations,
            EnvelopeEncryption encryption,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organizations = organizations;
        this.encryption = encryption;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a new tenant; platform staff only, so it runs in the system scope. */
    public OrganizationView register(RegisterOrganization command) {
        return systemAccess.transaction(ACROSS_TENANTS, "register organization " + command.type(), () -> {
            TenantId id = TenantId.random();
            String email = command.contactEmail().strip();
            var organization = Organization.register(
                    id,
                    command.type(),
                    command.legalName(),
                    command.country().value(),
                    command.vatNumber().orElse(null),
                    encryption.encryptText(id, id.value(), email),
                    encryption.keyedHash(email.toLowerCase(Locale.ROOT)),
                    clock.instant());
            organizations.save(organization);
            events.publishEvent(new OrganizationRegistered(id, command.type()));
            return view(organization);
        });
    }

    /** The caller's own organization, or any organization for platform staff (audited). */
    public Optional<OrganizationView> find(TenantId id, Reach reach) {
        return systemAccess.transaction(reach, "read organization " + id, () -> findVisible(id));
    }

    /** Every organization the caller may see: its own, or all of them for platform staff (audited). */
    public List<OrganizationView> list(Reach reach) {
        return systemAccess.transaction(reach, "list organizations", this::listVisible);
    }

    /**
     * Requires (or stops requiring) a second factor of every person of the organization: from their next login, those
     * without TOTP must enrol before going anywhere. The organization's own admins, or platform admins (across
     * tenants, audited); an organization the caller cannot see is empty.
     */
    public Optional<OrganizationView> requireSecondFactor(TenantId id, boolean required, Reach reach) {
        return systemAccess.transaction(
                reach,
                (required ? "require" : "stop requiring") + " a second factor in organization " + id,
                () -> organizations.findById(id.value()).map(organization -> {
                    organization.requireSecondFactor(required);
                    return view(organization);
                }));
    }

    /**
     * Whether the organization requires a second factor of its people; read in the caller's scope (the login reads it
     * in its own system scope).
     */
    public boolean requiresSecondFactor(TenantId id) {
        return systemAccess.transaction(Reach.OWN_TENANT, "second factor of " + id, () -> organizations
                .findById(id.value())
                .map(Organization::secondFactorRequired)
                .orElse(false));
    }

    private Optional<OrganizationView> findVisible(TenantId id) {
        return organizations.findById(id.value()).map(this::view);
    }

    private List<OrganizationView> listVisible() {
        return organizations.findAllByOrderByCreatedAtAsc().stream()
                .map(this::view)
                .toList();
    }

    private OrganizationView view(Organization organization) {
        Optional<String> email = organization.contactEmailCiphertext() == null
                ? Optional.empty()
                : encryption.decryptText(organization.id(), organization.contactEmailCiphertext());
        return new OrganizationView(
                new TenantId(organization.id()),
                organization.type(),
                organization.legalName(),
                io.freightgate.kernel.CountryCode.of(organization.country()),
                Optional.ofNullable(organization.vatNumber()),
                email,
                organization.createdAt(),
                organization.secondFactorRequired());
    }
}

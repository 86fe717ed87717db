package io.freightgate.organizations.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * An organization (tenant). Its id is its {@link TenantId}, and {@code tenant_id} repeats it so that row-level security
 * treats this table like every other tenant-owned table. Every change is audited by Envers.
 */
@Entity
@Table(name = "organizations")
@Audited
public class Organization {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrganizationType type;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "vat_number")
    private @Nullable String vatNumber;

    @Column(name = "contact_email")
    private byte @Nullable [] contactEmailCiphertext;

    @Column(name = "contact_email_hash")
    private byte @Nullable [] contactEmailHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "second_factor_required", nullable = false)
    private boolean secondFactorRequired;

    @Version
    private long version;

    protected Organization() {}

    public static Organization register(
            TenantId id,
            OrganizationType type,
            String legalName,
            String country,
            @Nullable String vatNumber,
            byte @Nullable [] contactEmailCiphertext,
            byte @Nullable [] contactEmailHash,
            Instant now) {
        var organization = new Organization();
        organization.id = id.value();
        organization.tenantId = id.value();
        organization.type = type;
        organization.legalName = legalName;
        organization.country = country;
        organization.vatNumber = vatNumber;
        organization.contactEmailCiphertext = contactEmailCiphertext;
        organization.contactEmailHash = contactEmailHash;
        organization.createdAt = now;
        return organization;
    }

    public UUID id() {
        return id;
    }

    public OrganizationType type() {
        return type;
    }

    public String legalName() {
        return legalName;
    }

    public String country() {
        return country;
    }

    public @Nullable String vatNumber() {
        return vatNumber;
    }

    public byte @Nullable [] contactEmailCiphertext() {
        return contactEmailCiphertext;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether every person of this organization must log in with a second factor (and enrol one first). */
    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    public void requireSecondFactor(boolean required) {
        this.secondFactorRequired = required;
    }
}

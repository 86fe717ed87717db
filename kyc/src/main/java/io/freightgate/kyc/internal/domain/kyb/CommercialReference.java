package io.freightgate.kyc.internal.domain.kyb;

import io.freightgate.kyc.ReferenceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A commercial reference of a {@link KybCase}: a company the organization works with, whom to ask there (encrypted,
 * personal data), their relationship, and what compliance found: UNVERIFIED until checked, then CONFIRMED or
 * NOT_CONFIRMED (it may be checked again).
 */
@Entity
@Table(name = "kyb_case_references")
@Audited
public class CommercialReference {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private KybCase kybCase;

    @Column(nullable = false, updatable = false)
    private String company;

    @Column(nullable = false, updatable = false)
    private byte[] contact;

    @Column(nullable = false, updatable = false)
    private String relationship;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferenceStatus status;

    private @Nullable String notes;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Column(name = "checked_at")
    private @Nullable Instant checkedAt;

    @Column(name = "checked_by")
    private @Nullable String checkedBy;

    protected CommercialReference() {}

    CommercialReference(
            KybCase kybCase, String company, byte[] contact, String relationship, @Nullable String notes, Instant now) {
        this.id = UUID.randomUUID();
        this.kybCase = kybCase;
        this.tenantId = kybCase.tenantId();
        this.company = company;
        this.contact = contact.clone();
        this.relationship = relationship;
        this.notes = notes;
        this.status = ReferenceStatus.UNVERIFIED;
        this.addedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String company() {
        return company;
    }

    /** The encrypted contact. */
    public byte[] contact() {
        return contact.clone();
    }

    public String relationship() {
        return relationship;
    }

    public ReferenceStatus status() {
        return status;
    }

    public Optional<String> notes() {
        return Optional.ofNullable(notes);
    }

    public Instant addedAt() {
        return addedAt;
    }

    public Optional<Instant> checkedAt() {
        return Optional.ofNullable(checkedAt);
    }

    public Optional<String> checkedBy() {
        return Optional.ofNullable(checkedBy);
    }

    void recordCheck(ReferenceStatus result, @Nullable String checkNotes, String actor, Instant now) {
        if (result == ReferenceStatus.UNVERIFIED) {
            throw new IllegalArgumentException("A check confirms or does not confirm the reference");
        }
        status = result;
        if (checkNotes != null) {
            notes = checkNotes;
        }
        checkedAt = now;
        checkedBy = actor;
    }
}

package io.freightgate.kyc.internal.domain.kyb;

import io.freightgate.kyc.DocumentKind;
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
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A document of a {@link KybCase}: what it is, which stored file ({@code documentId} in the DocumentStore), its
 * fingerprint and, for insurance and licences, until when it is valid. A newer upload of the same kind supersedes it;
 * superseded documents stay for the audit trail.
 */
@Entity
@Table(name = "kyb_case_documents")
@Audited
public class CaseDocument {

    /** CURRENT counts for the case; SUPERSEDED was replaced by a newer upload of its kind. */
    public enum Status {
        CURRENT,
        SUPERSEDED
    }

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private KybCase kybCase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DocumentKind kind;

    @Column(name = "document_id", nullable = false, updatable = false)
    private UUID documentId;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false)
    private byte[] sha256;

    @Column(name = "expires_on", updatable = false)
    private @Nullable LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "expiry_warned_at")
    private @Nullable Instant expiryWarnedAt;

    protected CaseDocument() {}

    CaseDocument(
            KybCase kybCase,
            StoredFile file,
            DocumentKind kind,
            @Nullable LocalDate expiresOn,
            String actor,
            Instant now) {
        this.id = UUID.randomUUID();
        this.kybCase = kybCase;
        this.tenantId = kybCase.tenantId();
        this.kind = kind;
        this.documentId = file.documentId();
        this.contentType = file.mediaType();
        this.sizeBytes = file.sizeBytes();
        this.sha256 = file.sha256().clone();
        this.expiresOn = expiresOn;
        this.status = Status.CURRENT;
        this.uploadedAt = now;
        this.uploadedBy = actor;
    }

    /** The stored file a document points to (its DocumentStore id, type, size and SHA-256). */
    public record StoredFile(UUID documentId, String mediaType, long sizeBytes, byte[] sha256) {}

    public UUID id() {
        return id;
    }

    public DocumentKind kind() {
        return kind;
    }

    public UUID documentId() {
        return documentId;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public Optional<LocalDate> expiresOn() {
        return Optional.ofNullable(expiresOn);
    }

    public Status status() {
        return status;
    }

    public boolean isCurrent() {
        return status == Status.CURRENT;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Optional<Instant> expiryWarnedAt() {
        return Optional.ofNullable(expiryWarnedAt);
    }

    /** Expired on {@code day}: the expiry date is that day or earlier (cover ends at the start of the expiry date). */
    public boolean isExpiredOn(LocalDate day) {
        return expiresOn != null && !expiresOn.isAfter(day);
    }

    void supersede() {
        status = Status.SUPERSEDED;
    }

    void markExpiryWarned(Instant now) {
        expiryWarnedAt = now;
    }
}

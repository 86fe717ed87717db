package io.freightgate.disputes.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request to the carrier to upload a document through a single-use link; the token is kept only as its hash. */
@Entity
@Table(name = "dispute_upload_requests")
public class UploadRequestRecord {

    @Id
    private UUID id;

    @Column(name = "dispute_id", nullable = false, updatable = false)
    private UUID disputeId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "load_id", nullable = false, updatable = false)
    private UUID loadId;

    @Column(name = "token_sha256", nullable = false, updatable = false)
    private String tokenSha256;

    @Column(nullable = false, updatable = false)
    private String what;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    protected UploadRequestRecord() {}

    public UploadRequestRecord(
            UUID disputeId,
            UUID tenantId,
            UUID loadId,
            String tokenSha256,
            String what,
            String requestedBy,
            Instant requestedAt,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.disputeId = disputeId;
        this.tenantId = tenantId;
        this.loadId = loadId;
        this.tokenSha256 = tokenSha256;
        this.what = what;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public UUID disputeId() {
        return disputeId;
    }

    public UUID loadId() {
        return loadId;
    }

    public String what() {
        return what;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the link still opens: not used and not expired at {@code now}. */
    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}

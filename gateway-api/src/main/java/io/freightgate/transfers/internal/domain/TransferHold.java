package io.freightgate.transfers.internal.domain;

import io.freightgate.transfers.TransferHoldReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/** One hold on a transfer, active until released; at most one active hold per reason (a unique index says so too). */
@Entity
@Table(name = "transfer_holds")
@Audited
public class TransferHold {

    @Id
    private UUID id;

    @Column(name = "transfer_id", nullable = false, updatable = false)
    private UUID transferId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TransferHoldReason reason;

    @Column(updatable = false)
    private @Nullable String note;

    @Column(name = "placed_by", nullable = false, updatable = false)
    private String placedBy;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "released_by")
    private String releasedBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Version
    private long version;

    protected TransferHold() {}

    public static TransferHold place(
            UUID id, Transfer transfer, TransferHoldReason reason, Optional<String> note, String actor, Instant now) {
        var hold = new TransferHold();
        hold.id = id;
        hold.transferId = transfer.id().value();
        hold.tenantId = transfer.tenantId();
        hold.reason = reason;
        hold.note = note.orElse(null);
        hold.placedBy = actor;
        hold.placedAt = now;
        return hold;
    }

    public void release(String actor, Instant now) {
        if (releasedAt != null) {
            throw new IllegalStateException("Hold " + id + " was released already");
        }
        releasedBy = actor;
        releasedAt = now;
    }

    public boolean active() {
        return releasedAt == null;
    }

    public UUID id() {
        return id;
    }

    public TransferId transferId() {
        return new TransferId(transferId);
    }

    public TransferHoldReason reason() {
        return reason;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Optional<String> releasedBy() {
        return Optional.ofNullable(releasedBy);
    }

    public Optional<Instant> releasedAt() {
        return Optional.ofNullable(releasedAt);
    }
}

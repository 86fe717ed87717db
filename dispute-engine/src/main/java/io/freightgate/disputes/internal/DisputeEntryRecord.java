package io.freightgate.disputes.internal;

import io.freightgate.disputes.DisputeEntry;
import io.freightgate.disputes.DisputeEntryKind;
import io.freightgate.disputes.DisputeId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A timeline line as stored: append-only, in the carrier's tenant (none for an orphan case). */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "dispute_case_entries")
class DisputeEntryRecord {

    @Id
    private UUID id;

    @Column(name = "dispute_id", nullable = false, updatable = false)
    private UUID disputeId;

    @Column(name = "stripe_dispute_id", nullable = false, updatable = false)
    private String stripeDisputeId;

    @Column(name = "tenant_id", updatable = false)
    private @Nullable UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DisputeEntryKind kind;

    @Column(nullable = false, updatable = false)
    private boolean internal;

    @Column(nullable = false, updatable = false)
    private boolean feed;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(nullable = false, updatable = false)
    private Instant at;

    protected DisputeEntryRecord() {}

    DisputeEntryRecord(
            DisputeId dispute,
            String stripeDisputeId,
            @Nullable UUID tenantId,
            DisputeEntryKind kind,
            String actor,
            String text,
            Instant at) {
        this.id = UUID.randomUUID();
        this.disputeId = dispute.value();
        this.stripeDisputeId = stripeDisputeId;
        this.tenantId = tenantId;
        this.kind = kind;
        this.internal = kind.internal();
        this.feed = kind.feed();
        this.actor = actor;
        this.text = text.length() > 4000 ? text.substring(0, 4000) : text;
        this.at = at;
    }

    DisputeEntry view() {
        return new DisputeEntry(id, new DisputeId(disputeId), stripeDisputeId, kind, actor, text, at);
    }
}

package io.freightgate.kyc.internal.domain.kyb;

import io.freightgate.kyc.CaseState;
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
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link KybCase} as people read it: who did what, when, from which state to which, and why. Append-only
 * (the application role may not update or delete these rows); the Envers revisions of the case hold the full data.
 */
@Entity
@Table(name = "kyb_case_history")
public class CaseHistoryEntry {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private KybCase kybCase;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private @Nullable CaseState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    private CaseState toState;

    @Column(updatable = false)
    private @Nullable String detail;

    protected CaseHistoryEntry() {}

    CaseHistoryEntry(
            KybCase kybCase,
            Instant occurredAt,
            String actor,
            String action,
            @Nullable CaseState fromState,
            CaseState toState,
            @Nullable String detail) {
        this.id = UUID.randomUUID();
        this.kybCase = kybCase;
        this.tenantId = kybCase.tenantId();
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.detail = detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public Optional<CaseState> fromState() {
        return Optional.ofNullable(fromState);
    }

    public CaseState toState() {
        return toState;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /**
     * The entry as the organization reads it, or empty when only compliance may read it: screening steps are not told
     * (no tipping-off), a hit that reopened review reads as the review reopening, and the submission hides the screening
     * result.
     */
    public Optional<CaseHistoryEntry> forOrganization() {
        return switch (action) {
            case "SANCTIONS_SCREENED", "SANCTIONS_HIT_DISMISSED" -> Optional.empty();
            case "SANCTIONS_HIT" -> Optional.of(redacted("REVIEW_REOPENED"));
            case "SUBMITTED" -> Optional.of(redacted(action));
            default -> Optional.of(this);
        };
    }

    private CaseHistoryEntry redacted(String shownAction) {
        var shown = new CaseHistoryEntry();
        shown.id = id;
        shown.tenantId = tenantId;
        shown.occurredAt = occurredAt;
        shown.actor = actor;
        shown.action = shownAction;
        shown.fromState = fromState;
        shown.toState = toState;
        shown.detail = null;
        return shown;
    }
}

package io.freightgate.kyc.internal.domain.kyb;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.CaseChange.Refusal;
import io.freightgate.kyc.CaseState;
import io.freightgate.kyc.DocumentKind;
import io.freightgate.kyc.OrganizationKind;
import io.freightgate.kyc.ReferenceStatus;
import io.freightgate.kyc.ScreeningStatus;
import io.freightgate.kyc.VatStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * The KYB case of one organization (one case per organization): what the organization provided (documents,
 * commercial references, its VAT number), what the automatic checks found (sanctions screening, VIES), and what
 * compliance decided. The state machine is documented on {@link CaseState}; every step is written to the case
 * history, and every change of the case, its documents and references is audited by Envers.
 *
 * <p>Commands return an {@link Outcome}: a refused command changes nothing. Who acts ({@code actor}) and when
 * ({@code now}, {@code today}) are given by the caller; the aggregate never reads a clock.
 */
@Entity
@Table(name = "kyb_cases")
@Audited
public class KybCase {

    /** At most this many commercial references per case. */
    public static final int MAX_REFERENCES = 10;

    private static final String SANCTIONS_HIT_REASON = "Sanctions hit on re-screening: ";

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "organization_kind", nullable = false, updatable = false)
    private OrganizationKind kind;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "representative_name", nullable = false)
    private byte[] representativeName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;

    @Column(name = "state_reason")
    private @Nullable String stateReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ScreeningStatus screening;

    @Column(name = "screening_matches")
    private @Nullable String screeningMatches;

    @Column(name = "screened_at")
    private @Nullable Instant screenedAt;

    @Column(name = "vat_country")
    private @Nullable String vatCountry;

    @Column(name = "vat_number")
    private @Nullable String vatNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "vat_status", nullable = false)
    private VatStatus vatStatus;

    @Column(name = "vat_checked_at")
    private @Nullable Instant vatCheckedAt;

    @Column(name = "vat_next_check_at")
    private @Nullable Instant vatNextCheckAt;

    @Column(name = "vat_attempts", nullable = false)
    private int vatAttempts;

    @Column(name = "vat_consultation_id")
    private @Nullable UUID vatConsultationId;

    @Column(name = "vat_operator_alert", nullable = false)
    private boolean vatOperatorAlert;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "verified_at")
    private @Nullable Instant verifiedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "kybCase", cascade = CascadeType.ALL)
    @OrderBy("uploadedAt")
    private List<CaseDocument> documents = new ArrayList<>();

    @OneToMany(mappedBy = "kybCase", cascade = CascadeType.ALL)
    @OrderBy("addedAt")
    private List<CommercialReference> references = new ArrayList<>();

    @NotAudited
    @OneToMany(mappedBy = "kybCase", cascade = CascadeType.ALL)
    @OrderBy("occurredAt")
    private List<CaseHistoryEntry> history = new ArrayList<>();

    protected KybCase() {}

    /** Opens the case in COLLECTING; the VAT number (offline-valid) is then NOT_CHECKED, or NOT_PROVIDED. */
    public static KybCase open(
            TenantId organization,
            OrganizationKind kind,
            String legalName,
            String country,
            byte[] representativeName,
            Optional<VatNumber> vat,
            String actor,
            Instant now) {
        var kybCase = new KybCase();
        kybCase.id = UUID.randomUUID();
        kybCase.tenantId = organization.value();
        kybCase.kind = Objects.requireNonNull(kind, "kind");
        kybCase.legalName = Objects.requireNonNull(legalName, "legalName");
        kybCase.country = Objects.requireNonNull(country, "country");
        kybCase.representativeName = representativeName.clone();
        kybCase.state = CaseState.COLLECTING;
        kybCase.screening = ScreeningStatus.NOT_SCREENED;
        kybCase.vatStatus = vat.isPresent() ? VatStatus.NOT_CHECKED : VatStatus.NOT_PROVIDED;
        vat.ifPresent(number -> {
            kybCase.vatCountry = number.memberState();
            kybCase.vatNumber = number.number();
        });
        kybCase.openedAt = now;
        kybCase.record(now, actor, "OPENED", null, null);
        return kybCase;
    }

    /**
     * Checks that a document of this kind may be attached now, before the file is stored: the case is open for
     * changes, the kind is asked of this organization, and the expiry date is present where required and in the
     * future.
     */
    public Outcome canAttach(DocumentKind documentKind, Optional<LocalDate> expiresOn, LocalDate today) {
        if (!state.openForChanges()) {
            return Outcome.rejected(Refusal.WRONG_STATE, "Documents cannot be added to a case in " + state + ".");
        }
        if (!RequiredDocuments.of(kind).contains(documentKind)) {
            return Outcome.rejected(
                    Refusal.DOCUMENT_NOT_ALLOWED, "A " + kind + " does not provide a " + documentKind + ".");
        }
        if (documentKind.expiryRequired() && expiresOn.isEmpty()) {
            return Outcome.rejected(Refusal.EXPIRY_DATE, documentKind + " needs its expiry date.");
        }
        if (expiresOn.isPresent() && !expiresOn.get().isAfter(today)) {
            return Outcome.rejected(Refusal.EXPIRY_DATE, "The document has already expired (" + expiresOn.get() + ").");
        }
        return Outcome.APPLIED;
    }

    /** Attaches a stored file; the previous current document of the kind is superseded. */
    public Outcome attach(
            DocumentKind documentKind,
            CaseDocument.StoredFile file,
            Optional<LocalDate> expiresOn,
            LocalDate today,
            String actor,
            Instant now) {
        Outcome allowed = canAttach(documentKind, expiresOn, today);
        if (allowed instanceof Outcome.Rejected) {
            return allowed;
        }
        currentDocument(documentKind).ifPresent(CaseDocument::supersede);
        var document = new CaseDocument(this, file, documentKind, expiresOn.orElse(null), actor, now);
        documents.add(document);
        record(
                now,
                actor,
                "DOCUMENT_UPLOADED",
                state,
                documentKind + expiresOn.map(d -> ", expires " + d).orElse(""));
        return Outcome.APPLIED;
    }

    /** Adds a commercial reference (UNVERIFIED) while the case is open for changes. */
    public Outcome addReference(
            String company, byte[] contact, String relationship, @Nullable String notes, String actor, Instant now) {
        if (!state.openForChanges()) {
            return Outcome.rejected(Refusal.WRONG_STATE, "References cannot be added to a case in " + state + ".");
        }
        if (references.size() >= MAX_REFERENCES) {
            return Outcome.rejected(
                    Refusal.TOO_MANY_REFERENCES, "A case has at most " + MAX_REFERENCES + " references.");
        }
        references.add(new CommercialReference(this, company, contact, relationship, notes, now));
        record(now, actor, "REFERENCE_ADDED", state, company);
        return Outcome.APPLIED;
    }

    /** Compliance records what a reference said; not on a rejected case. */
    public Outcome recordReferenceCheck(
            UUID referenceId, ReferenceStatus result, @Nullable String notes, String actor, Instant now) {
        if (state == CaseState.REJECTED) {
            return Outcome.rejected(Refusal.WRONG_STATE, "The case was rejected.");
        }
        if (result == ReferenceStatus.UNVERIFIED) {
            throw new IllegalArgumentException("A check confirms or does not confirm the reference");
        }
        Optional<CommercialReference> reference =
                references.stream().filter(r -> r.id().equals(referenceId)).findFirst();
        if (reference.isEmpty()) {
            return Outcome.rejected(Refusal.NO_SUCH_REFERENCE, "The case has no reference " + referenceId + ".");
        }
        reference.get().recordCheck(result, notes, actor, now);
        record(now, actor, "REFERENCE_CHECKED", state, reference.get().company() + ": " + result);
        return Outcome.APPLIED;
    }

    /**
     * Submits the case for compliance review (COLLECTING, RESUBMISSION_REQUESTED or REVERIFICATION to IN_REVIEW): every
     * required document is current and unexpired, and a carrier gives at least one reference. The screening done for
     * the submission is recorded with it.
     */
    public Outcome submit(Screening screeningResult, LocalDate today, String actor, Instant now) {
        if (!state.openForChanges()) {
            return Outcome.rejected(Refusal.WRONG_STATE, "A case in " + state + " cannot be submitted.");
        }
        Set<DocumentKind> missing = missingDocuments(today);
        if (!missing.isEmpty()) {
            return Outcome.rejected(Refusal.INCOMPLETE, "Missing or expired documents: " + missing + ".");
        }
        if (kind == OrganizationKind.CARRIER && references.isEmpty()) {
            return Outcome.rejected(Refusal.INCOMPLETE, "A carrier gives at least one commercial reference.");
        }
        CaseState from = state;
        state = CaseState.IN_REVIEW;
        stateReason = null;
        submittedAt = now;
        applyScreening(screeningResult, now);
        record(now, actor, "SUBMITTED", from, "screening " + screening);
        return Outcome.APPLIED;
    }

    /**
     * Compliance approves (IN_REVIEW to VERIFIED) when the {@link #approvalBlockers(LocalDate) approval policy} holds.
     */
    public Outcome approve(@Nullable String note, LocalDate today, String actor, Instant now) {
        if (state != CaseState.IN_REVIEW) {
            return Outcome.rejected(Refusal.WRONG_STATE, "Only a case in review can be approved; it is " + state + ".");
        }
        List<String> blockers = approvalBlockers(today);
        if (!blockers.isEmpty()) {
            return Outcome.rejected(Refusal.APPROVAL_BLOCKED, String.join(" ", blockers));
        }
        state = CaseState.VERIFIED;
        stateReason = null;
        verifiedAt = now;
        record(now, actor, "APPROVED", CaseState.IN_REVIEW, note);
        return Outcome.APPLIED;
    }

    /**
     * The approval policy: what still stands in the way, one sentence each; empty when the case may be approved.
     * Documents complete and unexpired; sanctions screening CLEAR or the hit dismissed; VAT number (when given) VALID in
     * VIES; a carrier has at least one CONFIRMED reference.
     */
    public List<String> approvalBlockers(LocalDate today) {
        List<String> blockers = new ArrayList<>();
        Set<DocumentKind> missing = missingDocuments(today);
        if (!missing.isEmpty()) {
            blockers.add("Missing or expired documents: " + missing + ".");
        }
        if (screening != ScreeningStatus.CLEAR && screening != ScreeningStatus.HIT_DISMISSED) {
            blockers.add("Sanctions screening is " + screening + ".");
        }
        if (vatStatus != VatStatus.NOT_PROVIDED && vatStatus != VatStatus.VALID) {
            blockers.add("VIES has not confirmed the VAT number (" + vatStatus + ").");
        }
        if (kind == OrganizationKind.CARRIER
                && references.stream().noneMatch(r -> r.status() == ReferenceStatus.CONFIRMED)) {
            blockers.add("No commercial reference is confirmed.");
        }
        return blockers;
    }

    /** Compliance rejects for good (IN_REVIEW to REJECTED). */
    public Outcome reject(String reason, String actor, Instant now) {
        return decide(CaseState.REJECTED, "REJECTED", reason, actor, now);
    }

    /** Compliance sends the case back to the organization (IN_REVIEW to RESUBMISSION_REQUESTED). */
    public Outcome requestResubmission(String reason, String actor, Instant now) {
        return decide(CaseState.RESUBMISSION_REQUESTED, "RESUBMISSION_REQUESTED", reason, actor, now);
    }

    private Outcome decide(CaseState to, String action, String reason, String actor, Instant now) {
        if (state != CaseState.IN_REVIEW) {
            return Outcome.rejected(Refusal.WRONG_STATE, "Only a case in review can be decided; it is " + state + ".");
        }
        Objects.requireNonNull(reason, "reason");
        state = to;
        stateReason = reason;
        record(now, actor, action, CaseState.IN_REVIEW, reason);
        return Outcome.APPLIED;
    }

    /** Compliance records why a sanctions hit is a false positive (HIT to HIT_DISMISSED); the state is unchanged. */
    public Outcome dismissSanctionsHit(String reason, String actor, Instant now) {
        if (screening != ScreeningStatus.HIT) {
            return Outcome.rejected(Refusal.NO_SANCTIONS_HIT, "Screening is " + screening + ", not HIT.");
        }
        screening = ScreeningStatus.HIT_DISMISSED;
        record(now, actor, "SANCTIONS_HIT_DISMISSED", state, reason);
        return Outcome.APPLIED;
    }

    /**
     * Records a new screening (after a sanctions list import). A hit on a VERIFIED case sends it back to IN_REVIEW, which
     * revokes the verification; a hit that compliance already dismissed with the same matches stays dismissed. Returns
     * whether the verification was revoked.
     */
    public boolean rescreen(Screening result, String actor, Instant now) {
        if (state == CaseState.REJECTED || screening == ScreeningStatus.NOT_SCREENED) {
            return false;
        }
        ScreeningStatus before = screening;
        applyScreening(result, now);
        if (screening == before) {
            return false;
        }
        if (screening == ScreeningStatus.HIT && state == CaseState.VERIFIED) {
            state = CaseState.IN_REVIEW;
            stateReason = SANCTIONS_HIT_REASON + screeningMatches;
            record(now, actor, "SANCTIONS_HIT", CaseState.VERIFIED, screeningMatches);
            return true;
        }
        record(now, actor, "SANCTIONS_SCREENED", state, screening.name());
        return false;
    }

    private void applyScreening(Screening result, Instant now) {
        String matches = result.matches().isEmpty() ? null : String.join("; ", result.matches());
        boolean alreadyDismissed = screening == ScreeningStatus.HIT_DISMISSED
                && result.status() == ScreeningStatus.HIT
                && Objects.equals(matches, screeningMatches);
        if (!alreadyDismissed) {
            screening = result.status();
            screeningMatches = matches;
        }
        screenedAt = now;
    }

    /**
     * The expiry monitor: a VERIFIED case whose current insurance or licence expired on or before {@code today} goes to
     * REVERIFICATION (its verification is revoked).
     */
    public Outcome revokeForExpiry(LocalDate today, String actor, Instant now) {
        if (state != CaseState.VERIFIED) {
            return Outcome.rejected(Refusal.WRONG_STATE, "Only a verified case is revoked; it is " + state + ".");
        }
        List<CaseDocument> expired = expiredMonitoredDocuments(today);
        if (expired.isEmpty()) {
            return Outcome.rejected(Refusal.WRONG_STATE, "No insurance or licence has expired.");
        }
        String detail = expired.stream()
                .map(d -> d.kind() + " expired on " + d.expiresOn().orElseThrow())
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        state = CaseState.REVERIFICATION;
        stateReason = detail;
        record(now, actor, "DOCUMENT_EXPIRED", CaseState.VERIFIED, detail);
        return Outcome.APPLIED;
    }

    /**
     * Current insurance or licence documents of a VERIFIED case expiring within {@code warnBefore} after {@code today}
     * and not warned about yet; they are marked as warned.
     */
    public List<CaseDocument> takeDocumentsToWarn(LocalDate today, Period warnBefore, Instant now) {
        if (state != CaseState.VERIFIED) {
            return List.of();
        }
        LocalDate limit = today.plus(warnBefore);
        List<CaseDocument> due = documents.stream()
                .filter(CaseDocument::isCurrent)
                .filter(d -> d.kind().monitoredForExpiry())
                .filter(d -> d.expiryWarnedAt().isEmpty())
                .filter(d -> d.expiresOn()
                        .filter(e -> e.isAfter(today) && !e.isAfter(limit))
                        .isPresent())
                .toList();
        due.forEach(d -> d.markExpiryWarned(now));
        return due;
    }

    public List<CaseDocument> expiredMonitoredDocuments(LocalDate today) {
        return documents.stream()
                .filter(CaseDocument::isCurrent)
                .filter(d -> d.kind().monitoredForExpiry())
                .filter(d -> d.isExpiredOn(today))
                .toList();
    }

    /**
     * Records a VIES outcome for the case's VAT number and when to check again ({@code nextCheckAt} empty: not
     * automatically). A VERIFIED case whose number VIES now calls INVALID goes back to IN_REVIEW.
     */
    public VatTransition recordVat(
            VatStatus status,
            Optional<UUID> consultation,
            boolean operatorAlert,
            Optional<Instant> nextCheckAt,
            String actor,
            Instant now) {
        if (vatNumber == null) {
            throw new IllegalStateException("The case has no VAT number");
        }
        if (status == VatStatus.NOT_PROVIDED || status == VatStatus.NOT_CHECKED) {
            throw new IllegalArgumentException("A VIES outcome is VALID, INVALID or UNKNOWN: " + status);
        }
        VatStatus previous = vatStatus;
        vatAttempts = status == VatStatus.UNKNOWN ? vatAttempts + 1 : 0;
        vatCheckedAt = now;
        vatNextCheckAt = nextCheckAt.orElse(null);
        vatOperatorAlert = operatorAlert;
        consultation.ifPresent(id -> vatConsultationId = id);
        boolean keepLastAnswer =
                status == VatStatus.UNKNOWN && (previous == VatStatus.VALID || previous == VatStatus.INVALID);
        if (!keepLastAnswer) {
            vatStatus = status;
        }
        boolean revoked = false;
        if (vatStatus != previous) {
            if (vatStatus == VatStatus.INVALID && state == CaseState.VERIFIED) {
                state = CaseState.IN_REVIEW;
                stateReason = "VIES answers valid=false for " + vatCountry + vatNumber;
                record(now, actor, "VAT_INVALID", CaseState.VERIFIED, stateReason);
                revoked = true;
            } else {
                record(now, actor, "VAT_CHECKED", state, previous + " -> " + vatStatus);
            }
        }
        return new VatTransition(previous, vatStatus, revoked);
    }

    /**
     * What a VIES outcome did. An UNKNOWN after a VALID or INVALID answer keeps that answer (VIES being down says
     * nothing new about the number); the retry is scheduled all the same.
     */
    public record VatTransition(VatStatus previous, VatStatus current, boolean verificationRevoked) {
        public boolean changed() {
            return previous != current;
        }
    }

    /** The screening outcome to record: CLEAR, HIT (with the listed names matched) or UNAVAILABLE. */
    public record Screening(ScreeningStatus status, List<String> matches) {
        public Screening {
            if (status == ScreeningStatus.NOT_SCREENED || status == ScreeningStatus.HIT_DISMISSED) {
                throw new IllegalArgumentException("A screening is CLEAR, HIT or UNAVAILABLE: " + status);
            }
            if ((status == ScreeningStatus.HIT) == matches.isEmpty()) {
                throw new IllegalArgumentException("A HIT has matches, and only a HIT");
            }
            matches = List.copyOf(matches);
        }

        public static Screening clear() {
            return new Screening(ScreeningStatus.CLEAR, List.of());
        }

        public static Screening unavailable() {
            return new Screening(ScreeningStatus.UNAVAILABLE, List.of());
        }

        public static Screening hit(List<String> matches) {
            return new Screening(ScreeningStatus.HIT, matches);
        }
    }

    public Set<DocumentKind> missingDocuments(LocalDate today) {
        return RequiredDocuments.missing(kind, documents, today);
    }

    public Optional<CaseDocument> currentDocument(DocumentKind documentKind) {
        return documents.stream()
                .filter(d -> d.kind() == documentKind && d.isCurrent())
                .findFirst();
    }

    public Optional<CaseDocument> document(UUID caseDocumentId) {
        return documents.stream().filter(d -> d.id().equals(caseDocumentId)).findFirst();
    }

    private void record(Instant now, String actor, String action, @Nullable CaseState from, @Nullable String detail) {
        history.add(new CaseHistoryEntry(this, now, actor, action, from, state, detail));
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public TenantId organization() {
        return new TenantId(tenantId);
    }

    public OrganizationKind kind() {
        return kind;
    }

    public String legalName() {
        return legalName;
    }

    public String country() {
        return country;
    }

    public byte[] representativeName() {
        return representativeName.clone();
    }

    public CaseState state() {
        return state;
    }

    public Optional<String> stateReason() {
        return Optional.ofNullable(stateReason);
    }

    /**
     * The state reason as the organization reads it: a reason naming a sanctions hit is compliance's alone (telling the
     * organization would tip a listed party off), so the organization reads that its case is under review.
     */
    public Optional<String> stateReasonForOrganization() {
        return stateReason()
                .map(reason -> reason.startsWith(SANCTIONS_HIT_REASON) ? "Under compliance review." : reason);
    }

    public ScreeningStatus screening() {
        return screening;
    }

    public List<String> screeningMatches() {
        return screeningMatches == null ? List.of() : List.of(screeningMatches.split("; "));
    }

    public Optional<Instant> screenedAt() {
        return Optional.ofNullable(screenedAt);
    }

    public Optional<VatNumber> vatNumber() {
        return vatNumber == null || vatCountry == null
                ? Optional.empty()
                : Optional.of(new VatNumber(vatCountry, vatNumber));
    }

    public VatStatus vatStatus() {
        return vatStatus;
    }

    public Optional<Instant> vatCheckedAt() {
        return Optional.ofNullable(vatCheckedAt);
    }

    public Optional<Instant> vatNextCheckAt() {
        return Optional.ofNullable(vatNextCheckAt);
    }

    public int vatAttempts() {
        return vatAttempts;
    }

    public Optional<UUID> vatConsultation() {
        return Optional.ofNullable(vatConsultationId);
    }

    public boolean vatOperatorAlert() {
        return vatOperatorAlert;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    public Optional<Instant> verifiedAt() {
        return Optional.ofNullable(verifiedAt);
    }

    public boolean isVerified() {
        return state == CaseState.VERIFIED;
    }

    public List<CaseDocument> documents() {
        return Collections.unmodifiableList(documents);
    }

    public List<CommercialReference> references() {
        return Collections.unmodifiableList(references);
    }

    public List<CaseHistoryEntry> history() {
        return Collections.unmodifiableList(history);
    }
}

package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.CaseChange.Refusal;
import io.freightgate.kyc.internal.cases.KybCases;
import io.freightgate.kyc.internal.cases.VatVerification;
import io.freightgate.kyc.internal.config.KycProperties;
import io.freightgate.kyc.internal.domain.kyb.CaseDocument;
import io.freightgate.kyc.internal.domain.kyb.KybCase;
import io.freightgate.kyc.internal.domain.kyb.Outcome;
import io.freightgate.kyc.internal.domain.kyb.VatNumber;
import io.freightgate.kyc.internal.domain.sanctions.SanctionsCsv;
import io.freightgate.kyc.internal.sanctions.SanctionsLists;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.documents.ContentType;
import io.freightgate.platform.documents.DocumentInspector;
import io.freightgate.platform.documents.DocumentStore;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * KYC/KYB for the rest of FreightGate: the organization's KYB case (documents, commercial references, submission),
 * compliance review (approve, reject, request resubmission, dismiss a sanctions hit, check references), sanctions list
 * import, VAT checks (offline and live through VIES, every consultation kept as evidence), and the verification gate
 * other modules ask through their ports ({@link #isVerified}, {@link #vatStatus}).
 *
 * <p>Each method is one transaction boundary (VIES is called outside any transaction). Organization methods run in the
 * caller's tenant scope, where row-level security hides other tenants' cases (they are simply not found). Methods for
 * platform staff and the gate run through the audited {@link SystemAccess} path on behalf of the current actor; the
 * REST edge checks the caller's role before calling them. Commands on a case answer a {@link CaseChange}: done, or
 * refused with a reason and nothing stored.
 *
 * <p>Publishes {@link OrganizationVerified}, {@link VerificationRevoked}, {@link KybCaseSubmitted}, {@link
 * SanctionsHitFound}, {@link ResubmissionRequested}, {@link KybCaseRejected}, {@link VerificationDocumentExpiring},
 * {@link VatStatusChanged} and {@link ViesOperatorAlerted}.
 */
@Service
public class KycChecks {

    private static final Set<ContentType> ACCEPTED = EnumSet.of(ContentType.PDF, ContentType.JPEG, ContentType.PNG);

    private final KybCases cases;
    private final DocumentStore documents;
    private final DocumentInspector inspector;
    private final EnvelopeEncryption encryption;
    private final SanctionsScreening screening;
    private final SanctionsLists sanctionsLists;
    private final VatVerification vat;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PayoutAccountRequirements> payoutRequirements;
    private final KycProperties properties;
    private final Clock clock;
    private final VatNumbers vatNumbers = new VatNumbers();

    KycChecks(
            KybCases cases,
            DocumentStore documents,
            DocumentInspector inspector,
            EnvelopeEncryption encryption,
            SanctionsScreening screening,
            SanctionsLists sanctionsLists,
            VatVerification vat,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            ObjectProvider<PayoutAccountRequirements> payoutRequirements,
            KycProperties properties,
            Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.inspector = inspector;
        this.encryption = encryption;
        this.screening = screening;
        this.sanctionsLists = sanctionsLists;
        this.vat = vat;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.payoutRequirements = payoutRequirements;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- The organization's case (tenant scope) ----

    /** Opens the organization's case; the caller acts for that organization (or is in the system scope). */
    public CaseChange openCase(OpenCase command) {
        if (!Tenancy.inSystemScope() && !command.organization().equals(Tenancy.requireTenant())) {
            throw new IllegalArgumentException("A case is opened by its own organization");
        }
        Optional<VatNumber> vatNumber = Optional.empty();
        if (command.vatNumber().isPresent()) {
            switch (vatNumbers.validate(command.vatNumber().get())) {
                case VatValidation.Valid valid ->
                    vatNumber = Optional.of(new VatNumber(valid.countryCode(), valid.number()));
                case VatValidation invalid -> {
                    return new CaseChange.Refused(Refusal.INVALID_VAT_NUMBER, describe(invalid));
                }
            }
        }
        Optional<VatNumber> vatToStore = vatNumber;
        return transactions.execute(status -> {
            if (cases.findByTenantId(command.organization().value()).isPresent()) {
                return new CaseChange.Refused(Refusal.CASE_EXISTS, "The organization already has a KYB case.");
            }
            TenantId organization = command.organization();
            var kybCase = KybCase.open(
                    organization,
                    command.kind(),
                    command.legalName(),
                    command.country(),
                    encryption.encryptText(organization, organization.value(), command.representativeName()),
                    vatToStore,
                    Tenancy.currentActor(),
                    clock.instant());
            cases.save(kybCase);
            return new CaseChange.Done(organizationView(kybCase));
        });
    }

    /** The organization's case; empty when it has none, or when it is not the caller's. */
    public Optional<CaseView> findCase(TenantId organization) {
        return transactions.execute(
                status -> cases.findByTenantId(organization.value()).map(this::organizationView));
    }

    /**
     * Adds a document. Refused, with nothing stored, when the file is empty, too large, not a PDF/JPEG/PNG by content,
     * badly named (path separators, {@code ..}, control characters), a PDF with JavaScript, launch actions or
     * encryption, not asked of this organization, missing its expiry date, or when the case is not open for changes.
     */
    public CaseChange uploadDocument(UploadDocument command) {
        byte[] content = command.content();
        if (content.length > properties.documentMaxBytes()) {
            return new CaseChange.Refused(
                    Refusal.DOCUMENT_REFUSED, "The file is larger than " + properties.documentMaxBytes() + " bytes.");
        }
        if (ContentType.sniff(content).isPresent()
                && inspector.inspect(content) instanceof DocumentInspector.Refused refused) {
            return new CaseChange.Refused(Refusal.DOCUMENT_REFUSED, refused.detail());
        }
        TenantId organization = command.organization();
        return transactions.execute(status -> {
            Optional<KybCase> found = cases.findByTenantId(organization.value());
            if (found.isEmpty()) {
                return noCase();
            }
            KybCase kybCase = found.get();
            LocalDate today = today();
            if (kybCase.canAttach(command.kind(), command.expiresOn(), today) instanceof Outcome.Rejected rejected) {
                return new CaseChange.Refused(rejected.refusal(), rejected.detail());
            }
            DocumentStore.Stored stored = documents.store(new DocumentStore.NewDocument(
                    organization,
                    organization.value(),
                    "kyb:" + command.kind().name().toLowerCase(Locale.ROOT),
                    command.fileName(),
                    content,
                    ACCEPTED));
            return switch (stored) {
                case DocumentStore.Rejected rejected ->
                    new CaseChange.Refused(Refusal.DOCUMENT_REFUSED, rejected.detail());
                case DocumentStore.Accepted accepted -> {
                    kybCase.attach(
                            command.kind(),
                            new CaseDocument.StoredFile(
                                    accepted.id().value(),
                                    accepted.contentType().mediaType(),
                                    accepted.sizeBytes(),
                                    accepted.sha256()),
                            command.expiresOn(),
                            today,
                            Tenancy.currentActor(),
                            clock.instant());
                    yield new CaseChange.Done(organizationView(kybCase));
                }
            };
        });
    }

    /** A document of the organization's own case, decrypted for download; empty when not found or erased. */
    public Optional<DocumentContent> readDocument(TenantId organization, UUID caseDocument) {
        return transactions.execute(status -> loadDocument(organization, caseDocument));
    }

    /** Adds a commercial reference while the case is open for changes. */
    public CaseChange addReference(AddReference command) {
        TenantId organization = command.organization();
        return change(
                organization,
                kybCase -> kybCase.addReference(
                        command.company(),
                        encryption.encryptText(organization, organization.value(), command.contact()),
                        command.relationship(),
                        command.notes(),
                        Tenancy.currentActor(),
                        clock.instant()),
                this::organizationView);
    }

    /**
     * Submits the case for compliance review: the names are screened against sanctions lists (a hit is published and
     * must be dismissed by compliance before approval), then the VAT number is checked with VIES unless already VALID.
     */
    public CaseChange submitCase(TenantId organization) {
        Optional<List<SanctionsScreening.ScreenedName>> names = transactions.execute(
                status -> cases.findByTenantId(organization.value()).map(this::namesOf));
        if (names == null || names.isEmpty()) {
            return noCase();
        }
        SanctionsScreening.Result result = screening.screen(names.get());
        CaseChange change = transactions.execute(status -> {
            Optional<KybCase> found = cases.findByTenantId(organization.value());
            if (found.isEmpty()) {
                return noCase();
            }
            KybCase kybCase = found.get();
            Outcome outcome = kybCase.submit(screeningOf(result), today(), Tenancy.currentActor(), clock.instant());
            if (outcome instanceof Outcome.Rejected rejected) {
                return new CaseChange.Refused(rejected.refusal(), rejected.detail());
            }
            events.publishEvent(new KybCaseSubmitted(organization, kybCase.screening()));
            if (kybCase.screening() == ScreeningStatus.HIT) {
                events.publishEvent(new SanctionsHitFound(organization, kybCase.screeningMatches()));
            }
            return new CaseChange.Done(organizationView(kybCase));
        });
        if (change instanceof CaseChange.Done done
                && done.view().vat().status() != VatStatus.NOT_PROVIDED
                && done.view().vat().status() != VatStatus.VALID) {
            vat.checkCase(organization, true);
            return findCase(organization).<CaseChange>map(CaseChange.Done::new).orElse(change);
        }
        return change;
    }

    // ---- VAT ----

    /** Offline validation only (format and check digit), without any network call. */
    public VatValidation validateVat(String vatNumber) {
        return vatNumbers.validate(vatNumber);
    }

    /**
     * Validates offline, then asks VIES (or the cache of VALID answers) for the caller's tenant; every answer is kept as
     * a consultation of that tenant. An offline-invalid number is never sent to VIES.
     */
    public ViesCheck checkVat(String vatNumber) {
        TenantId tenant = Tenancy.requireTenant();
        return switch (vatNumbers.validate(vatNumber)) {
            case VatValidation.Valid valid ->
                vat.check(tenant, new VatNumber(valid.countryCode(), valid.number()), true);
            case VatValidation invalid -> new ViesCheck.NotChecked(invalid.normalized(), describe(invalid));
        };
    }

    /** Asks VIES again about the organization's VAT number (bypassing the cache) and records it on the case. */
    public Optional<ViesCheck> checkOrganizationVat(TenantId organization) {
        return vat.checkCase(organization, false);
    }

    // ---- Compliance (platform staff, audited system scope) ----

    /** Cases waiting for compliance, oldest submission first. */
    public List<CaseView> reviewQueue() {
        return asStaff(
                "KYB review queue", () -> cases.findByStateInOrderBySubmittedAtAsc(Set.of(CaseState.IN_REVIEW)).stream()
                        .map(this::view)
                        .toList());
    }

    /** Any organization's case, for compliance. */
    public Optional<CaseView> caseForReview(TenantId organization) {
        return asStaff("review KYB case of " + organization, () -> cases.findByTenantId(organization.value())
                .map(this::view));
    }

    /** A document of any organization's case, for compliance. */
    public Optional<DocumentContent> readDocumentForReview(TenantId organization, UUID caseDocument) {
        return asStaff(
                "read KYB document " + caseDocument + " of " + organization,
                () -> loadDocument(organization, caseDocument));
    }

    public CaseChange recordReferenceCheck(RecordReferenceCheck command) {
        return asStaff(
                "check reference of " + command.organization(),
                () -> change(
                        command.organization(),
                        kybCase -> kybCase.recordReferenceCheck(
                                command.reference(),
                                command.status(),
                                command.notes(),
                                Tenancy.currentActor(),
                                clock.instant())));
    }

    /** Approves the case; publishes {@link OrganizationVerified}. */
    public CaseChange approve(ApproveCase command) {
        return asStaff(
                "approve KYB case of " + command.organization(),
                () -> change(command.organization(), kybCase -> {
                    Outcome outcome = kybCase.approve(command.note(), today(), Tenancy.currentActor(), clock.instant());
                    if (outcome instanceof Outcome.Applied) {
                        events.publishEvent(new OrganizationVerified(
                                kybCase.organization(),
                                kybCase.kind(),
                                kybCase.verifiedAt().orElseThrow()));
                    }
                    return outcome;
                }));
    }

    public CaseChange reject(RejectCase command) {
        return asStaff(
                "reject KYB case of " + command.organization(),
                () -> change(command.organization(), kybCase -> {
                    Outcome outcome = kybCase.reject(command.reason(), Tenancy.currentActor(), clock.instant());
                    if (outcome instanceof Outcome.Applied) {
                        events.publishEvent(new KybCaseRejected(kybCase.organization(), command.reason()));
                    }
                    return outcome;
                }));
    }

    public CaseChange requestResubmission(RequestResubmission command) {
        return asStaff(
                "request resubmission of KYB case of " + command.organization(),
                () -> change(command.organization(), kybCase -> {
                    Outcome outcome =
                            kybCase.requestResubmission(command.reason(), Tenancy.currentActor(), clock.instant());
                    if (outcome instanceof Outcome.Applied) {
                        events.publishEvent(new ResubmissionRequested(kybCase.organization(), command.reason()));
                    }
                    return outcome;
                }));
    }

    public CaseChange dismissSanctionsHit(DismissSanctionsHit command) {
        return asStaff(
                "dismiss sanctions hit of " + command.organization(),
                () -> change(
                        command.organization(),
                        kybCase -> kybCase.dismissSanctionsHit(
                                command.reason(), Tenancy.currentActor(), clock.instant())));
    }

    /**
     * Replaces the active sanctions list of a source and screens every screened case again: a hit on a verified
     * organization sends its case back to review and revokes its verification.
     */
    public SanctionsImport importSanctionsList(ImportSanctionsList command) {
        if (command.csv().length > properties.sanctionsMaxFileBytes()) {
            return new SanctionsImport.Unreadable(
                    "The file is larger than " + properties.sanctionsMaxFileBytes() + " bytes.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(command.csv()))
                    .toString();
        } catch (CharacterCodingException e) {
            return new SanctionsImport.Unreadable("The file is not UTF-8 text.");
        }
        return switch (SanctionsCsv.parse(text)) {
            case SanctionsCsv.Unreadable unreadable -> new SanctionsImport.Unreadable(unreadable.reason());
            case SanctionsCsv.Read list ->
                systemAccess.call("import sanctions list " + command.source(), () -> {
                    UUID id = transactions.execute(status -> sanctionsLists.replace(
                            command.source(), list, sha256(command.csv()), Tenancy.currentActor(), clock.instant()));
                    int hits = transactions.execute(status -> rescreenAll());
                    return new SanctionsImport.Imported(
                            id, command.source(), list.entries().size(), list.nameCount(), hits);
                });
        };
    }

    // ---- The verification gate (ports of other modules, through flows) ----

    /** Whether the organization is verified (its case is VERIFIED). Reads across tenants, audited. */
    public boolean isVerified(TenantId organization) {
        Boolean verified = systemAccess.call(
                "verification gate for " + organization,
                () -> transactions.execute(status -> cases.findByTenantId(organization.value())
                        .map(KybCase::isVerified)
                        .orElse(false)));
        return Boolean.TRUE.equals(verified);
    }

    /** Where the organization's KYB case stands (fraud screening weighs it); empty without a case. Audited. */
    public Optional<CaseState> caseState(TenantId organization) {
        return systemAccess.call(
                "KYB state for payment screening of " + organization,
                () -> transactions.execute(
                        status -> cases.findByTenantId(organization.value()).map(KybCase::state)));
    }

    /** What VIES last said about the organization's VAT number, for the reverse charge. Reads across tenants, audited. */
    public Optional<VatStatusView> vatStatus(TenantId organization) {
        return systemAccess.call(
                "VAT status for " + organization,
                () -> transactions.execute(
                        status -> cases.findByTenantId(organization.value()).map(KycChecks::vatView)));
    }

    // ---- internals ----

    private int rescreenAll() {
        int hits = 0;
        Instant now = clock.instant();
        String actor = Tenancy.currentActor();
        for (KybCase kybCase : cases.findByStateInOrderBySubmittedAtAsc(EnumSet.of(
                CaseState.IN_REVIEW, CaseState.VERIFIED, CaseState.RESUBMISSION_REQUESTED, CaseState.REVERIFICATION))) {
            ScreeningStatus before = kybCase.screening();
            boolean revoked = kybCase.rescreen(screeningOf(screening.screen(namesOf(kybCase))), actor, now);
            if (kybCase.screening() == ScreeningStatus.HIT) {
                hits++;
                if (before != ScreeningStatus.HIT) {
                    events.publishEvent(new SanctionsHitFound(kybCase.organization(), kybCase.screeningMatches()));
                }
            }
            if (revoked) {
                events.publishEvent(new VerificationRevoked(
                        kybCase.organization(),
                        VerificationRevoked.Reason.SANCTIONS_HIT,
                        "Sanctions hit on re-screening",
                        now));
            }
        }
        return hits;
    }

    private List<SanctionsScreening.ScreenedName> namesOf(KybCase kybCase) {
        List<SanctionsScreening.ScreenedName> names = new ArrayList<>();
        names.add(new SanctionsScreening.ScreenedName(kybCase.legalName(), SanctionsScreening.NameRole.ORGANIZATION));
        encryption
                .decryptText(kybCase.tenantId(), kybCase.representativeName())
                .ifPresent(name -> names.add(
                        new SanctionsScreening.ScreenedName(name, SanctionsScreening.NameRole.REPRESENTATIVE)));
        kybCase.references()
                .forEach(reference -> names.add(new SanctionsScreening.ScreenedName(
                        reference.company(), SanctionsScreening.NameRole.REFERENCE)));
        return names;
    }

    private static KybCase.Screening screeningOf(SanctionsScreening.Result result) {
        return switch (result) {
            case SanctionsScreening.Clear clear -> KybCase.Screening.clear();
            case SanctionsScreening.Unavailable unavailable -> KybCase.Screening.unavailable();
            case SanctionsScreening.Hit hit ->
                KybCase.Screening.hit(hit.matches().stream()
                        .map(m -> "%s [%s %s] (%s, %.2f)"
                                .formatted(m.listedName(), m.source(), m.entryReference(), m.role(), m.score()))
                        .distinct()
                        .toList());
        };
    }

    private CaseChange change(TenantId organization, Function<KybCase, Outcome> command) {
        return change(organization, command, this::view);
    }

    private CaseChange change(
            TenantId organization, Function<KybCase, Outcome> command, Function<KybCase, CaseView> view) {
        return transactions.execute(status -> {
            Optional<KybCase> found = cases.findByTenantId(organization.value());
            if (found.isEmpty()) {
                return noCase();
            }
            return switch (command.apply(found.get())) {
                case Outcome.Applied applied -> new CaseChange.Done(view.apply(found.get()));
                case Outcome.Rejected rejected -> new CaseChange.Refused(rejected.refusal(), rejected.detail());
            };
        });
    }

    private <T> T asStaff(String reason, Supplier<T> work) {
        return systemAccess.call(reason, () -> transactions.execute(status -> work.get()));
    }

    private Optional<DocumentContent> loadDocument(TenantId organization, UUID caseDocument) {
        return cases.findByTenantId(organization.value())
                .flatMap(kybCase -> kybCase.document(caseDocument))
                .flatMap(document -> documents.load(new DocumentStore.DocumentId(document.documentId())))
                .map(file ->
                        new DocumentContent(file.fileName(), file.contentType().mediaType(), file.content()));
    }

    private static CaseChange noCase() {
        return new CaseChange.Refused(Refusal.NO_CASE, "The organization has no KYB case.");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Compliance's view: everything, the sanctions screening included. */
    private CaseView view(KybCase kybCase) {
        return view(kybCase, Audience.COMPLIANCE);
    }

    /** The organization's own view: nothing of the sanctions screening (no tipping-off). */
    private CaseView organizationView(KybCase kybCase) {
        return view(kybCase, Audience.ORGANIZATION);
    }

    private enum Audience {
        ORGANIZATION,
        COMPLIANCE
    }

    private CaseView view(KybCase kybCase, Audience audience) {
        boolean compliance = audience == Audience.COMPLIANCE;
        UUID subject = kybCase.tenantId();
        LocalDate today = today();
        Optional<PayoutAccountRequirements.Requirements> requirements = kybCase.kind() == OrganizationKind.CARRIER
                ? Optional.ofNullable(payoutRequirements.getIfAvailable())
                        .flatMap(port -> port.of(kybCase.organization()))
                : Optional.empty();
        return new CaseView(
                kybCase.id(),
                kybCase.organization(),
                kybCase.kind(),
                kybCase.legalName(),
                kybCase.country(),
                encryption.decryptText(subject, kybCase.representativeName()),
                kybCase.state(),
                compliance ? kybCase.stateReason() : kybCase.stateReasonForOrganization(),
                kybCase.documents().stream()
                        .map(d -> new CaseView.DocumentView(
                                d.id(),
                                d.kind(),
                                d.contentType(),
                                d.sizeBytes(),
                                HexFormat.of().formatHex(d.sha256()),
                                d.expiresOn(),
                                d.isCurrent(),
                                d.uploadedAt(),
                                d.uploadedBy()))
                        .toList(),
                kybCase.missingDocuments(today),
                kybCase.references().stream()
                        .map(r -> new CaseView.ReferenceView(
                                r.id(),
                                r.company(),
                                encryption.decryptText(subject, r.contact()),
                                r.relationship(),
                                r.status(),
                                r.notes(),
                                r.addedAt(),
                                r.checkedAt(),
                                r.checkedBy()))
                        .toList(),
                compliance
                        ? Optional.of(new CaseView.ScreeningView(
                                kybCase.screening(), kybCase.screeningMatches(), kybCase.screenedAt()))
                        : Optional.empty(),
                vatView(kybCase),
                requirements,
                kybCase.history().stream()
                        .flatMap(h -> compliance ? Stream.of(h) : h.forOrganization().stream())
                        .map(h -> new CaseView.HistoryView(
                                h.occurredAt(), h.actor(), h.action(), h.fromState(), h.toState(), h.detail()))
                        .toList(),
                kybCase.openedAt(),
                kybCase.submittedAt(),
                kybCase.verifiedAt());
    }

    private static VatStatusView vatView(KybCase kybCase) {
        return new VatStatusView(
                kybCase.vatNumber().map(VatNumber::normalized),
                kybCase.vatNumber().map(VatNumber::memberState),
                kybCase.vatStatus(),
                kybCase.vatCheckedAt(),
                kybCase.vatNextCheckAt(),
                kybCase.vatOperatorAlert(),
                kybCase.vatConsultation());
    }

    private static String describe(VatValidation invalid) {
        return switch (invalid) {
            case VatValidation.Valid valid -> "valid";
            case VatValidation.UnknownCountry u -> "Not an EU VAT number prefix: '" + u.prefix() + "'.";
            case VatValidation.InvalidFormat f -> "Invalid format: " + f.reason() + ".";
            case VatValidation.InvalidLength l ->
                "A " + l.countryCode() + " VAT number does not have " + l.length() + " characters.";
            case VatValidation.InvalidCheckDigit c -> "The check digit does not match (a typo?).";
        };
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

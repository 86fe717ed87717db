package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.AddReference;
import io.freightgate.kyc.ApproveCase;
import io.freightgate.kyc.CaseChange;
import io.freightgate.kyc.CaseState;
import io.freightgate.kyc.CaseView;
import io.freightgate.kyc.DismissSanctionsHit;
import io.freightgate.kyc.DocumentContent;
import io.freightgate.kyc.DocumentKind;
import io.freightgate.kyc.ImportSanctionsList;
import io.freightgate.kyc.KycChecks;
import io.freightgate.kyc.OpenCase;
import io.freightgate.kyc.OrganizationKind;
import io.freightgate.kyc.RecordReferenceCheck;
import io.freightgate.kyc.ReferenceStatus;
import io.freightgate.kyc.RejectCase;
import io.freightgate.kyc.RequestResubmission;
import io.freightgate.kyc.SanctionsImport;
import io.freightgate.kyc.UploadDocument;
import io.freightgate.kyc.VatValidation;
import io.freightgate.kyc.ViesCheck;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/kyc}: VAT validation (offline, or live against VIES with the consultation number kept as proof) and
 * KYB cases. An organization's admin works its own case; compliance officers (and platform admins) review every case
 * through the audited system path. Another organization's case answers 404. A case and its documents (identity
 * papers, registry extracts) are read by the organization's admins and platform compliance only: other members of the
 * organization (drivers, payers, dispatchers, finance, API clients with those roles) get 403. Sanctions screening is
 * shown to platform compliance only, never to the organization (no tipping-off: the facade's organization view has
 * none).
 */
@RestController
@RequestMapping("/api/v1/kyc")
@Tag(name = "KYC", description = "VAT validation and KYB cases")
@SecurityRequirement(name = "bearer")
class KycController {

    private static final String ORGANIZATION_ADMIN = "hasAnyRole('CARRIER_ADMIN', 'SHIPPER_ADMIN')";
    private static final String COMPLIANCE = "hasAnyRole('COMPLIANCE_OFFICER', 'PLATFORM_ADMIN')";
    private static final String CASE_READER =
            "hasAnyRole('CARRIER_ADMIN', 'SHIPPER_ADMIN', 'COMPLIANCE_OFFICER', 'PLATFORM_ADMIN')";

    private final KycChecks kyc;
    private final OrganizationDirectory organizations;
    private final SystemAccess systemAccess;

    KycController(KycChecks kyc, OrganizationDirectory organizations, SystemAccess systemAccess) {
        this.kyc = kyc;
        this.organizations = organizations;
        this.systemAccess = systemAccess;
    }

    record VatValidationRequest(
            @NotBlank @Size(max = 30) String vatNumber,
            @Nullable Boolean vies) {}

    record VatValidationResponse(
            boolean valid,
            String normalized,
            @Nullable String failure,
            @Nullable String countryCode,
            @Nullable String number,
            @Nullable Object vies) {}

    @PostMapping("/vat-validations")
    @Operation(summary = "Validate a VAT number offline (format and check digit), and live against VIES if asked")
    VatValidationResponse validateVat(@Valid @RequestBody VatValidationRequest request, Authentication caller) {
        VatValidation offline = kyc.validateVat(request.vatNumber());
        Object vies = null;
        if (Boolean.TRUE.equals(request.vies()) && offline instanceof VatValidation.Valid) {
            var who = Caller.of(caller);
            if (!(who.has(Role.CARRIER_ADMIN)
                    || who.has(Role.SHIPPER_ADMIN)
                    || who.isPlatformStaff(Role.COMPLIANCE_OFFICER, Role.PLATFORM_ADMIN))) {
                throw new ProblemException(
                        ProblemType.FORBIDDEN, "Live VIES checks are for organization admins and compliance.");
            }
            vies = viesResult(kyc.checkVat(request.vatNumber()));
        }
        return switch (offline) {
            case VatValidation.Valid valid ->
                new VatValidationResponse(true, valid.normalized(), null, valid.countryCode(), valid.number(), vies);
            case VatValidation.UnknownCountry unknown ->
                new VatValidationResponse(false, unknown.normalized(), "UNKNOWN_COUNTRY", null, null, null);
            case VatValidation.InvalidFormat format ->
                new VatValidationResponse(false, format.normalized(), "FORMAT", format.countryCode(), null, null);
            case VatValidation.InvalidLength length ->
                new VatValidationResponse(false, length.normalized(), "LENGTH", length.countryCode(), null, null);
            case VatValidation.InvalidCheckDigit digit ->
                new VatValidationResponse(false, digit.normalized(), "CHECK_DIGIT", digit.countryCode(), null, null);
        };
    }

    record ViesResponse(
            String outcome,
            @Nullable String memberState,
            String vatNumber,
            @Nullable String name,
            @Nullable String address,
            @Nullable LocalDate requestDate,
            @Nullable String consultationNumber,
            @Nullable String reason) {}

    private static ViesResponse viesResult(ViesCheck check) {
        return switch (check) {
            case ViesCheck.Valid valid ->
                new ViesResponse(
                        "VALID",
                        valid.memberState(),
                        valid.vatNumber(),
                        valid.name().orElse(null),
                        valid.address().orElse(null),
                        valid.requestDate().orElse(null),
                        valid.consultationNumber().orElse(null),
                        null);
            case ViesCheck.Invalid invalid ->
                new ViesResponse(
                        "INVALID",
                        invalid.memberState(),
                        invalid.vatNumber(),
                        null,
                        null,
                        invalid.requestDate().orElse(null),
                        invalid.consultationNumber().orElse(null),
                        null);
            case ViesCheck.Unknown unknown ->
                new ViesResponse(
                        "UNKNOWN",
                        unknown.memberState(),
                        unknown.vatNumber(),
                        null,
                        null,
                        null,
                        null,
                        unknown.reason());
            case ViesCheck.NotChecked notChecked ->
                new ViesResponse(
                        "NOT_CHECKED", null, notChecked.vatNumber(), null, null, null, null, notChecked.reason());
        };
    }

    record OpenCaseRequest(@NotBlank @Size(max = 200) String representativeName) {}

    @PostMapping("/cases")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(ORGANIZATION_ADMIN)
    @Operation(summary = "Open the KYB case of the caller's organization")
    ResponseEntity<CaseView> openCase(@Valid @RequestBody OpenCaseRequest request, Authentication caller) {
        TenantId own = Caller.of(caller).organization();
        var organization =
                organizations.find(own, Reach.OWN_TENANT).orElseThrow(() -> new NotFound("Organization " + own));
        if (organization.type() == OrganizationType.PLATFORM) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The platform organization has no KYB case.");
        }
        CaseView view = done(kyc.openCase(new OpenCase(
                own,
                OrganizationKind.valueOf(organization.type().name()),
                organization.legalName(),
                organization.country().value(),
                organization.vatNumber(),
                request.representativeName())));
        return ResponseEntity.created(URI.create("/api/v1/kyc/cases/" + own)).body(view);
    }

    @GetMapping("/cases")
    @PreAuthorize(COMPLIANCE)
    @Operation(summary = "The compliance review queue, optionally filtered by state")
    List<CaseView> reviewQueue(@RequestParam Optional<CaseState> state, Authentication caller) {
        requirePlatformStaff(caller);
        return kyc.reviewQueue().stream()
                .filter(view -> state.map(s -> s == view.state()).orElse(true))
                .toList();
    }

    @GetMapping("/cases/{organizationId}")
    @PreAuthorize(CASE_READER)
    @Operation(
            summary =
                    "A KYB case: the organization's own (its admins, without sanctions screening), or any for compliance")
    CaseView getCase(@PathVariable UUID organizationId, Authentication caller) {
        TenantId organization = new TenantId(organizationId);
        Optional<CaseView> view = reviewer(caller)
                ? kyc.caseForReview(organization)
                : ownOrganizationAdmin(caller, organization).flatMap(kyc::findCase);
        return view.orElseThrow(() -> new NotFound("KYB case of " + organizationId));
    }

    @PostMapping(value = "/cases/{organizationId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ORGANIZATION_ADMIN)
    @Operation(summary = "Upload a document (PDF, JPEG or PNG) to the organization's own case")
    CaseView uploadDocument(
            @PathVariable UUID organizationId,
            @RequestParam @NotNull DocumentKind kind,
            @RequestParam("expires_on") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> expiresOn,
            @RequestPart("file") MultipartFile file,
            Authentication caller)
            throws IOException {
        TenantId own = requireOwn(caller, organizationId);
        return done(kyc.uploadDocument(new UploadDocument(own, kind, fileName(file), file.getBytes(), expiresOn)));
    }

    @GetMapping("/cases/{organizationId}/documents/{documentId}/content")
    @PreAuthorize(CASE_READER)
    @Operation(summary = "Download a case document (as an attachment): the organization's admins, or compliance")
    ResponseEntity<byte[]> documentContent(
            @PathVariable UUID organizationId, @PathVariable UUID documentId, Authentication caller) {
        TenantId organization = new TenantId(organizationId);
        Optional<DocumentContent> content = reviewer(caller)
                ? kyc.readDocumentForReview(organization, documentId)
                : ownOrganizationAdmin(caller, organization).flatMap(own -> kyc.readDocument(own, documentId));
        DocumentContent document = content.orElseThrow(() -> new NotFound("Document " + documentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }

    record AddReferenceRequest(
            @NotBlank String company,
            @NotBlank String contact,
            @NotBlank String relationship,
            @Nullable String notes) {}

    @PostMapping("/cases/{organizationId}/references")
    @PreAuthorize(ORGANIZATION_ADMIN)
    @Operation(summary = "Add a commercial reference to the organization's own case")
    CaseView addReference(
            @PathVariable UUID organizationId, @Valid @RequestBody AddReferenceRequest request, Authentication caller) {
        TenantId own = requireOwn(caller, organizationId);
        return done(kyc.addReference(
                new AddReference(own, request.company(), request.contact(), request.relationship(), request.notes())));
    }

    @PostMapping("/cases/{organizationId}/submission")
    @PreAuthorize(ORGANIZATION_ADMIN)
    @Operation(summary = "Submit the organization's own case for compliance review")
    CaseView submit(@PathVariable UUID organizationId, Authentication caller) {
        return done(kyc.submitCase(requireOwn(caller, organizationId)));
    }

    @PostMapping("/cases/{organizationId}/vat-checks")
    @Operation(summary = "Check the organization's VAT number against VIES now (own admin or compliance)")
    ViesResponse checkOrganizationVat(@PathVariable UUID organizationId, Authentication caller) {
        TenantId organization = new TenantId(organizationId);
        boolean allowed =
                reviewer(caller) || ownOrganizationAdmin(caller, organization).isPresent();
        if (!allowed) {
            throw new NotFound("KYB case of " + organizationId);
        }
        var check = reviewer(caller)
                ? systemAccess.call(
                        "compliance VAT check of " + organization, () -> kyc.checkOrganizationVat(organization))
                : kyc.checkOrganizationVat(organization);
        return check.map(KycController::viesResult).orElseThrow(() -> new NotFound("KYB case of " + organizationId));
    }

    record ReferenceCheckRequest(
            @NotNull ReferenceStatus status, @Nullable String notes) {}

    @PostMapping("/cases/{organizationId}/references/{referenceId}/checks")
    @PreAuthorize(COMPLIANCE)
    @Operation(summary = "Record the result of checking a commercial reference (compliance)")
    CaseView checkReference(
            @PathVariable UUID organizationId,
            @PathVariable UUID referenceId,
            @Valid @RequestBody ReferenceCheckRequest request,
            Authentication caller) {
        requirePlatformStaff(caller);
        return done(kyc.recordReferenceCheck(new RecordReferenceCheck(
                new TenantId(organizationId), referenceId, request.status(), request.notes())));
    }

    enum Decision {
        APPROVE,
        REJECT,
        REQUEST_RESUBMISSION
    }

    record DecisionRequest(
            @NotNull Decision decision,
            @Size(max = 2000) @Nullable String reason) {}

    @PostMapping("/cases/{organizationId}/decisions")
    @PreAuthorize(COMPLIANCE)
    @Operation(summary = "Approve, reject or request resubmission (compliance); every decision is audited")
    CaseView decide(
            @PathVariable UUID organizationId, @Valid @RequestBody DecisionRequest request, Authentication caller) {
        requirePlatformStaff(caller);
        TenantId organization = new TenantId(organizationId);
        return done(
                switch (request.decision()) {
                    case APPROVE -> kyc.approve(new ApproveCase(organization, request.reason()));
                    case REJECT -> kyc.reject(new RejectCase(organization, requiredReason(request)));
                    case REQUEST_RESUBMISSION ->
                        kyc.requestResubmission(new RequestResubmission(organization, requiredReason(request)));
                });
    }

    record DismissalRequest(@NotBlank @Size(max = 2000) String reason) {}

    @PostMapping("/cases/{organizationId}/sanctions-hit-dismissals")
    @PreAuthorize(COMPLIANCE)
    @Operation(summary = "Dismiss a sanctions hit as a false positive, with the reason (compliance)")
    CaseView dismissHit(
            @PathVariable UUID organizationId, @Valid @RequestBody DismissalRequest request, Authentication caller) {
        requirePlatformStaff(caller);
        return done(kyc.dismissSanctionsHit(new DismissSanctionsHit(new TenantId(organizationId), request.reason())));
    }

    record SanctionsImportResponse(UUID list, String source, int entries, int names, int casesWithHits) {}

    @PostMapping(value = "/sanctions-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(COMPLIANCE)
    @Operation(summary = "Import a sanctions list (CSV); every case is screened again")
    SanctionsImportResponse importSanctions(
            @RequestParam @NotBlank String source, @RequestPart("file") MultipartFile file, Authentication caller)
            throws IOException {
        requirePlatformStaff(caller);
        return switch (kyc.importSanctionsList(new ImportSanctionsList(source, file.getBytes()))) {
            case SanctionsImport.Imported imported ->
                new SanctionsImportResponse(
                        imported.list(),
                        imported.source(),
                        imported.entries(),
                        imported.names(),
                        imported.casesWithHits());
            case SanctionsImport.Unreadable unreadable ->
                throw new ProblemException(ProblemType.UNPROCESSABLE, unreadable.reason());
        };
    }

    /**
     * A rejection and a request for resubmission give their reason (an approval's is optional): without one, the same
     * 422 as the case commands answer a blank reason with.
     */
    private static String requiredReason(DecisionRequest request) {
        String reason = request.reason();
        if (reason == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "reason is required");
        }
        return reason;
    }

    /**
     * The part's file name; a part without one gets an empty name, which the document store refuses as it refuses a
     * blank one (a bad file name, 422).
     */
    private static String fileName(MultipartFile file) {
        return Objects.requireNonNullElse(file.getOriginalFilename(), "");
    }

    private static CaseView done(CaseChange change) {
        return switch (change) {
            case CaseChange.Done done -> done.view();
            case CaseChange.Refused refused ->
                throw switch (refused.refusal()) {
                    case NO_CASE -> new NotFound("KYB case");
                    case WRONG_STATE, CASE_EXISTS -> new ProblemException(ProblemType.STATE_CONFLICT, refused.detail());
                    default -> new ProblemException(ProblemType.UNPROCESSABLE, refused.detail());
                };
        };
    }

    private static boolean reviewer(Authentication caller) {
        return Caller.of(caller).isPlatformStaff(Role.COMPLIANCE_OFFICER, Role.PLATFORM_ADMIN);
    }

    private static void requirePlatformStaff(Authentication caller) {
        if (!reviewer(caller)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform compliance staff review KYB cases.");
        }
    }

    private static Optional<TenantId> ownOrganization(Authentication caller, TenantId organization) {
        return Caller.of(caller).organization().equals(organization) ? Optional.of(organization) : Optional.empty();
    }

    /** The organization when the caller is one of its admins; the PreAuthorize above also lets compliance in. */
    private static Optional<TenantId> ownOrganizationAdmin(Authentication caller, TenantId organization) {
        var who = Caller.of(caller);
        return who.has(Role.CARRIER_ADMIN) || who.has(Role.SHIPPER_ADMIN)
                ? ownOrganization(caller, organization)
                : Optional.empty();
    }

    private static TenantId requireOwn(Authentication caller, UUID organizationId) {
        return ownOrganization(caller, new TenantId(organizationId))
                .orElseThrow(() -> new NotFound("KYB case of " + organizationId));
    }
}

package io.freightgate.api;

import io.freightgate.disputes.DisputeDesk;
import io.freightgate.disputes.DisputeEntry;
import io.freightgate.disputes.DisputeFilter;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeReason;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.DisputeView;
import io.freightgate.disputes.UploadLink;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/disputes}: the dispute cases (docs/disputes.md). Who may do what:
 *
 * <ul>
 *   <li>platform finance staff ({@code FINANCE_AGENT}, {@code FINANCE_SUPERVISOR}) work every case: list, read, assign
 *       to a finance agent, write internal notes, read the whole timeline, ask the carrier for a document, read the
 *       notification feed (orphan cases included);
 *   <li>a carrier's admins and finance users read their own cases, their timeline without the staff's internal lines,
 *       and their feed (row-level security on the carrier's tenant, and the case's carrier checked again here);
 *   <li>a shipper sees no dispute case: its own bank raised the dispute, and the case is the carrier's defence (its
 *       evidence, its documents, finance's notes). The shipper sees the payment request's {@code DISPUTED} status.
 * </ul>
 *
 * A case another organization owns answers 404, like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/disputes")
@Tag(name = "Disputes", description = "Dispute cases kept in step with Stripe, their work and their notifications")
@SecurityRequirement(name = "bearer")
@Validated
class DisputesController {

    private static final String READERS =
            "hasAnyRole('FINANCE_AGENT', 'FINANCE_SUPERVISOR', 'CARRIER_ADMIN', 'CARRIER_FINANCE')";
    private static final String FINANCE = "hasAnyRole('FINANCE_AGENT', 'FINANCE_SUPERVISOR')";
    private static final Role[] FINANCE_ROLES = {Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR};

    private final DisputeDesk desk;
    private final UserDirectory users;
    private final String uploadPageUrl;

    DisputesController(
            DisputeDesk desk,
            UserDirectory users,
            @Value("${freightgate.disputes.upload-page-url}") String uploadPageUrl) {
        this.desk = desk;
        this.users = users;
        this.uploadPageUrl = uploadPageUrl.endsWith("/") ? uploadPageUrl : uploadPageUrl + "/";
    }

    /**
     * A dispute case.
     *
     * @param response what FreightGate can answer: evidence_by_due_date, no_response_allowed (due_by 0) or
     *     no_evidence_process (a SEPA debit disputed as debit_not_authorized)
     * @param recovery whether the case goes straight to recovery from the carrier
     * @param fee Stripe's dispute fee, once the withdrawal listed it
     * @param owner the finance agent working the case
     * @param orphan whether no FreightGate payment is known for the disputed charge
     */
    record DisputeResponse(
            UUID id,
            String stripeDisputeId,
            String chargeId,
            @Nullable String paymentIntentId,
            @Nullable UUID paymentRequestId,
            @Nullable UUID carrierId,
            @Nullable UUID shipperId,
            @Nullable String loadReference,
            @Nullable UUID loadId,
            String status,
            boolean open,
            String reason,
            @Nullable String network,
            @Nullable String paymentMethodType,
            String response,
            boolean recovery,
            Money amount,
            @Nullable Instant evidenceDueBy,
            @Nullable Money withdrawn,
            @Nullable Money fee,
            @Nullable Money reinstated,
            @Nullable UUID owner,
            boolean orphan,
            Instant openedAt,
            @Nullable Instant closedAt) {

        static DisputeResponse of(DisputeView d) {
            return new DisputeResponse(
                    d.id().value(),
                    d.stripeDisputeId(),
                    d.chargeId(),
                    d.paymentIntentId().orElse(null),
                    d.paymentRequestId().map(p -> p.value()).orElse(null),
                    d.carrier().map(TenantId::value).orElse(null),
                    d.shipper().map(TenantId::value).orElse(null),
                    d.loadReference().orElse(null),
                    d.loadId().orElse(null),
                    d.status().stripe(),
                    d.open(),
                    d.reason(),
                    d.network().orElse(null),
                    d.paymentMethodType().orElse(null),
                    d.response().name().toLowerCase(Locale.ROOT),
                    d.response().recovery(),
                    d.amount(),
                    d.evidenceDueBy().orElse(null),
                    d.withdrawn().orElse(null),
                    d.fee().orElse(null),
                    d.reinstated().orElse(null),
                    d.owner().orElse(null),
                    d.orphan(),
                    d.openedAt(),
                    d.closedAt().orElse(null));
        }
    }

    /** A line of a case's timeline or of the notification feed. */
    record EntryResponse(
            UUID id, UUID disputeId, String stripeDisputeId, String kind, String actor, String text, Instant at) {
        static EntryResponse of(DisputeEntry e) {
            return new EntryResponse(
                    e.id(),
                    e.disputeId().value(),
                    e.stripeDisputeId(),
                    e.kind().name().toLowerCase(Locale.ROOT),
                    e.actor(),
                    e.text(),
                    e.at());
        }
    }

    record AssignRequest(@NotNull UUID ownerId) {}

    record NoteRequest(@NotBlank @Size(max = 4000) String text) {}

    record UploadRequestBody(@NotBlank @Size(max = 500) String what) {}

    /**
     * A single-use upload link for the carrier, shown once.
     *
     * @param url the page the carrier opens (no login; the token in it is the only credential, stored hashed)
     */
    record UploadLinkResponse(UUID requestId, UUID disputeId, String url, Instant expiresAt) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The dispute cases the caller may see, nearest evidence deadline first",
            description = "Filters (all optional): status (Stripe's name: needs_response, warning_closed...), reason"
                    + " (one of Stripe's fifteen), carrier (an organization id; finance only), owner (a user id),"
                    + " deadline_before (ISO-8601 instant: evidence due before it). Cases without a deadline come last,"
                    + " then the newest. page from 0, size 1 to 200 (default 50). 422 for an unknown status or reason.")
    List<DisputeResponse> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable UUID carrier,
            @RequestParam(required = false) @Nullable UUID owner,
            @RequestParam(name = "deadline_before", required = false) @Nullable Instant deadlineBefore,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            Authentication authentication) {
        Caller caller = reader(authentication);
        Optional<TenantId> carrierFilter = Optional.ofNullable(carrier).map(TenantId::new);
        if (!caller.isPlatformStaff(FINANCE_ROLES)) {
            carrierFilter = Optional.of(caller.organization());
        }
        DisputeFilter filter = new DisputeFilter(
                Optional.ofNullable(status).map(DisputesController::status),
                Optional.ofNullable(reason).map(DisputesController::reason),
                carrierFilter,
                Optional.ofNullable(owner),
                Optional.ofNullable(deadlineBefore));
        return desk.list(filter, reach(caller), page, size).stream()
                .filter(d -> visible(caller, d))
                .map(DisputeResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A dispute case", description = "404 for a case that does not exist or is not the caller's.")
    DisputeResponse get(@PathVariable UUID id, Authentication authentication) {
        return DisputeResponse.of(visibleCase(id, reader(authentication)));
    }

    @PutMapping("/{id}/owner")
    @PreAuthorize(FINANCE)
    @Operation(
            summary = "Give the case to a finance agent",
            description = "owner_id names an active platform user with the FINANCE_AGENT or FINANCE_SUPERVISOR role"
                    + " (422 otherwise). The timeline records the assignment.")
    DisputeResponse assign(
            @PathVariable UUID id, @Valid @RequestBody AssignRequest request, Authentication authentication) {
        finance(authentication);
        boolean agent = users.find(OrganizationDirectory.PLATFORM, request.ownerId(), Caller.STAFF)
                .filter(user -> user.status().equals("ACTIVE"))
                .filter(user -> Arrays.stream(FINANCE_ROLES).anyMatch(user.roles()::contains))
                .isPresent();
        if (!agent) {
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE, "owner_id is not an active platform finance agent or supervisor.");
        }
        return desk.assign(new DisputeId(id), request.ownerId(), Tenancy.currentActor())
                .map(DisputeResponse::of)
                .orElseThrow(() -> new NotFound("Dispute case " + id));
    }

    @PostMapping("/{id}/notes")
    @PreAuthorize(FINANCE)
    @ApiResponse(responseCode = "201", description = "The note, as a line of the timeline")
    @Operation(
            summary = "Add an internal note to the case",
            description = "text: 1 to 4000 characters. Internal: carriers never see notes.")
    ResponseEntity<EntryResponse> note(
            @PathVariable UUID id, @Valid @RequestBody NoteRequest request, Authentication authentication) {
        finance(authentication);
        return desk.note(new DisputeId(id), request.text(), Tenancy.currentActor())
                .map(entry -> ResponseEntity.status(201).body(EntryResponse.of(entry)))
                .orElseThrow(() -> new NotFound("Dispute case " + id));
    }

    @GetMapping("/{id}/timeline")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Everything that happened to the case, oldest first",
            description = "Stripe's news, mails, assignments, notes, upload requests and uploads. A carrier sees its"
                    + " own case's timeline without the staff's internal lines (notes, assignments, mails).")
    List<EntryResponse> timeline(@PathVariable UUID id, Authentication authentication) {
        Caller caller = reader(authentication);
        visibleCase(id, caller);
        boolean staff = caller.isPlatformStaff(FINANCE_ROLES);
        return desk.timeline(new DisputeId(id), reach(caller), staff).stream()
                .map(EntryResponse::of)
                .toList();
    }

    @PostMapping("/{id}/upload-requests")
    @PreAuthorize(FINANCE)
    @ApiResponse(responseCode = "201", description = "The link, shown once")
    @Operation(
            summary = "Ask the carrier to upload what the evidence is missing (a signed POD...)",
            description = "Makes a single-use link (no login; valid 7 days) to a page where the carrier uploads the"
                    + " document, inspected and stored as the load's proof of delivery. what: 1 to 500 characters."
                    + " 409 state-conflict for an orphan case, a case whose payment billed no load FreightGate keeps,"
                    + " or a closed case. Send the link to the carrier; the timeline records the request.")
    ResponseEntity<UploadLinkResponse> requestUpload(
            @PathVariable UUID id, @Valid @RequestBody UploadRequestBody request, Authentication authentication) {
        finance(authentication);
        UploadLink link = desk.requestUpload(new DisputeId(id), request.what(), Tenancy.currentActor())
                .orElseThrow(() -> new NotFound("Dispute case " + id));
        return ResponseEntity.status(201)
                .body(new UploadLinkResponse(link.requestId(), id, uploadPageUrl + link.token(), link.expiresAt()));
    }

    @GetMapping("/feed")
    @PreAuthorize(READERS)
    @Operation(
            summary =
                    "The notification feed: new, updated and closed disputes, upload requests and uploads, newest first",
            description = "Finance staff see every case's lines and the orphan-case alerts; a carrier its own cases'."
                    + " limit 1 to 200 (default 50).")
    List<EntryResponse> feed(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Authentication authentication) {
        Caller caller = reader(authentication);
        return desk.feed(reach(caller), caller.isPlatformStaff(FINANCE_ROLES), limit).stream()
                .map(EntryResponse::of)
                .toList();
    }

    private DisputeView visibleCase(UUID id, Caller caller) {
        return desk.dispute(new DisputeId(id), reach(caller))
                .filter(d -> visible(caller, d))
                .orElseThrow(() -> new NotFound("Dispute case " + id));
    }

    /** The application's own check behind row-level security: a carrier sees only the cases it is the carrier of. */
    private static boolean visible(Caller caller, DisputeView dispute) {
        return caller.isPlatformStaff(FINANCE_ROLES)
                || dispute.carrier().filter(caller.organization()::equals).isPresent();
    }

    private static Reach reach(Caller caller) {
        return caller.isPlatformStaff(FINANCE_ROLES) ? Caller.STAFF : Reach.ownTenant();
    }

    private static Caller reader(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.isPlatformStaff(FINANCE_ROLES)
                && !caller.has(Role.CARRIER_ADMIN)
                && !caller.has(Role.CARRIER_FINANCE)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "Only platform finance staff and carriers work with dispute cases.");
        }
        return caller;
    }

    private static void finance(Authentication authentication) {
        if (!Caller.of(authentication).isPlatformStaff(FINANCE_ROLES)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform finance staff work dispute cases.");
        }
    }

    private static DisputeStatus status(String name) {
        return DisputeStatus.ofStripe(name)
                .orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE, "Unknown dispute status: " + name));
    }

    private static DisputeReason reason(String name) {
        return DisputeReason.ofStripe(name)
                .orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE, "Unknown dispute reason: " + name));
    }
}

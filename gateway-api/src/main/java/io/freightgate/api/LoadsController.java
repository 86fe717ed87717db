package io.freightgate.api;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import io.freightgate.loads.ChainVerification;
import io.freightgate.loads.CommunicationLog;
import io.freightgate.loads.CreateLoad;
import io.freightgate.loads.DeliveryConfirmationView;
import io.freightgate.loads.DocumentSuggestions;
import io.freightgate.loads.DriverLink;
import io.freightgate.loads.DriverLinks;
import io.freightgate.loads.FileRefused;
import io.freightgate.loads.LoadDocumentView;
import io.freightgate.loads.LoadDocuments;
import io.freightgate.loads.LoadEvidence;
import io.freightgate.loads.LoadNotFound;
import io.freightgate.loads.LoadPlanning;
import io.freightgate.loads.LoadView;
import io.freightgate.loads.LoadViewer;
import io.freightgate.loads.LogEntryView;
import io.freightgate.loads.NewStop;
import io.freightgate.loads.TelematicsPing;
import io.freightgate.loads.UploadProofOfDelivery;
import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/loads}: carriers' dispatchers and admins plan loads and assign drivers; drivers see and prove only the
 * loads assigned to them; shippers read their loads and the evidence. Proofs of delivery, telematics pings, messages
 * (JSON or raw MIME e-mail), documents with recognized suggestions, and the hash-chained communication log with its
 * verification and transcript. A load is visible to its carrier and shipper only; anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/loads")
@Tag(name = "Loads", description = "Shipments and the evidence of their delivery")
@SecurityRequirement(name = "bearer")
class LoadsController {

    private static final String MANAGERS = "hasAnyRole('CARRIER_ADMIN', 'CARRIER_DISPATCHER')";
    private static final String DOCUMENT_UPLOADERS =
            "hasAnyRole('CARRIER_ADMIN', 'CARRIER_DISPATCHER', 'CARRIER_FINANCE')";
    private static final String PROVERS = "hasAnyRole('CARRIER_ADMIN', 'CARRIER_DISPATCHER', 'CARRIER_DRIVER')";
    private static final String SHIPPERS = "hasAnyRole('SHIPPER_ADMIN', 'SHIPPER_PAYER')";
    private static final String CORRESPONDENTS = "hasAnyRole('CARRIER_ADMIN', 'CARRIER_DISPATCHER', 'CARRIER_FINANCE',"
            + " 'CARRIER_DRIVER', 'SHIPPER_ADMIN', 'SHIPPER_PAYER')";
    private static final String READERS = "hasAnyRole('CARRIER_ADMIN', 'CARRIER_DISPATCHER', 'CARRIER_FINANCE',"
            + " 'CARRIER_DRIVER', 'SHIPPER_ADMIN', 'SHIPPER_PAYER', 'PLATFORM_ADMIN', 'FINANCE_AGENT',"
            + " 'FINANCE_SUPERVISOR', 'RISK_ANALYST', 'COMPLIANCE_OFFICER')";

    private final LoadPlanning planning;
    private final LoadEvidence evidence;
    private final DriverLinks driverLinks;
    private final CommunicationLog communicationLog;
    private final LoadDocuments documents;

    LoadsController(
            LoadPlanning planning,
            LoadEvidence evidence,
            DriverLinks driverLinks,
            CommunicationLog communicationLog,
            LoadDocuments documents) {
        this.planning = planning;
        this.evidence = evidence;
        this.driverLinks = driverLinks;
        this.communicationLog = communicationLog;
        this.documents = documents;
    }

    record StopRequest(
            @NotBlank @Size(max = 300) String address,
            @NotNull Double lat,
            @NotNull Double lon,
            @NotNull Instant plannedAt) {}

    record CreateRequest(
            @NotNull UUID shipperId,
            @NotBlank @Size(max = 64) String loadNumber,
            @Size(max = 64) @Nullable String bolNumber,
            @Size(max = 64) @Nullable String cmrNumber,
            @NotNull @Valid StopRequest pickup,
            @NotNull @Valid StopRequest delivery,
            @Size(max = 100) @Nullable String driverUserId) {}

    record DriverRequest(@Size(max = 100) @Nullable String driverUserId) {}

    record TelematicsRequest(
            @NotBlank @Size(max = 100) String deviceId,
            @NotNull Instant timestamp,
            @NotNull Double lat,
            @NotNull Double lon,
            @Nullable Double speedKmh) {}

    record MessageRequest(
            @Size(max = 200) @Nullable String subject,
            @NotBlank @Size(max = 20_000) String body) {}

    record DriverLinkResponse(UUID loadId, String url, Instant expiresAt) {}

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(MANAGERS)
    @Operation(
            summary = "Plan a load for a shipper",
            description = "Stops are the pickup and the delivery with their coordinates (decimal degrees, WGS84, given"
                    + " by the carrier or shipper; no geocoding). driver_user_id is the assigned driver's user id.")
    ResponseEntity<LoadView> create(@Valid @RequestBody CreateRequest body, Authentication authentication) {
        LoadView load = planning.create(
                Caller.of(authentication).organization(),
                new CreateLoad(
                        new TenantId(body.shipperId()),
                        body.loadNumber(),
                        Optional.ofNullable(body.bolNumber()),
                        Optional.ofNullable(body.cmrNumber()),
                        stop(body.pickup()),
                        stop(body.delivery()),
                        Optional.ofNullable(body.driverUserId())));
        return ResponseEntity.created(URI.create("/api/v1/loads/" + load.id())).body(load);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The newest loads the caller may see (a driver: those assigned to them)")
    List<LoadView> list(@RequestParam(name = "limit", defaultValue = "50") int limit, Authentication authentication) {
        return planning.list(viewer(authentication), limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A load with its stops, planned and actual (arrival, departure and dwell from telematics)")
    LoadView get(@PathVariable UUID id, Authentication authentication) {
        return planning.find(new LoadId(id), viewer(authentication)).orElseThrow(() -> new LoadNotFound(id));
    }

    @PutMapping("/{id}/driver")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Assign the load to a driver (user id), or unassign it with null")
    LoadView assignDriver(@PathVariable UUID id, @Valid @RequestBody DriverRequest body) {
        return planning.assignDriver(new LoadId(id), Optional.ofNullable(body.driverUserId()));
    }

    @PostMapping(value = "/{id}/delivery-confirmations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(PROVERS)
    @Operation(
            summary = "Upload a signed proof of delivery (PDF, JPEG or PNG)",
            description = "multipart/form-data: file, signatory_name, delivered_at (ISO-8601 instant), optional lat and"
                    + " lon of the device. Photos: EXIF capture time, GPS position and orientation are kept; the"
                    + " distance to the consignee and the gap to delivered_at are recorded and flagged beyond the"
                    + " thresholds (docs/loads.md). HEIC is refused (415); files over the limit 413; unreadable 422.")
    ResponseEntity<DeliveryConfirmationView> uploadProof(
            @PathVariable UUID id,
            @RequestPart("file") MultipartFile file,
            @RequestParam("signatory_name") String signatoryName,
            @RequestParam("delivered_at") Instant deliveredAt,
            @RequestParam(name = "lat", required = false) @Nullable Double lat,
            @RequestParam(name = "lon", required = false) @Nullable Double lon,
            Authentication authentication) {
        var confirmation = evidence.uploadProofOfDelivery(
                new LoadId(id),
                viewer(authentication),
                new UploadProofOfDelivery(
                        Optional.ofNullable(file.getOriginalFilename()).orElse("pod"),
                        bytes(file),
                        signatoryName,
                        deliveredAt,
                        Optional.ofNullable(lat),
                        Optional.ofNullable(lon)));
        return ResponseEntity.status(201).body(confirmation);
    }

    @PostMapping("/{id}/shipper-confirmation")
    @PreAuthorize(SHIPPERS)
    @Operation(
            summary = "The load's shipper confirms the delivery",
            description = "Strong evidence of the delivery: a carrier's proof that is unplaced, undated, dated before"
                    + " the pickup or in the future releases the carrier's transfer only with a second signal such as"
                    + " this one (docs/payments.md#release-policy). Repeating it changes nothing. 404 unless the"
                    + " caller's organization is the load's shipper; 409 for a canceled load.")
    LoadView confirmByShipper(@PathVariable UUID id) {
        return evidence.confirmByShipper(new LoadId(id));
    }

    @GetMapping("/{id}/delivery-confirmations")
    @PreAuthorize(READERS)
    @Operation(summary = "The proofs of delivery of the load, with what their metadata says")
    List<DeliveryConfirmationView> deliveryConfirmations(@PathVariable UUID id, Authentication authentication) {
        return evidence.deliveryConfirmations(new LoadId(id), viewer(authentication));
    }

    @GetMapping("/{id}/delivery-confirmations/{confirmationId}/file")
    @PreAuthorize(READERS)
    @Operation(summary = "Download the file of a proof of delivery")
    ResponseEntity<byte[]> proofFile(
            @PathVariable UUID id, @PathVariable UUID confirmationId, Authentication authentication) {
        var document = evidence.proofOfDeliveryFile(new LoadId(id), confirmationId, viewer(authentication))
                .orElseThrow(() -> new NotFound("Proof of delivery " + confirmationId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType().mediaType()))
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .body(document.content());
    }

    @PostMapping("/{id}/driver-links")
    @PreAuthorize(MANAGERS)
    @Operation(
            summary = "A short-lived link that opens this load's proof-of-delivery page on the driver's phone",
            description = "The URL carries a random token (stored hashed) valid for this load only until expires_at.")
    ResponseEntity<DriverLinkResponse> driverLink(@PathVariable UUID id) {
        DriverLink link = driverLinks.create(new LoadId(id));
        return ResponseEntity.status(201)
                .body(new DriverLinkResponse(link.loadId().value(), "/driver/loads/" + link.token(), link.expiresAt()));
    }

    @PostMapping("/{id}/telematics-events")
    @PreAuthorize(PROVERS)
    @Operation(
            summary = "Record a telematics position ping",
            description = "JSON {device_id, timestamp (ISO-8601), lat, lon, speed_kmh (optional)}, as a telematics"
                    + " provider's webhook sends it. A re-delivered ping (same device and timestamp) is ignored. Arrival"
                    + " and departure at each stop are derived from a geofence around it; the load is returned.")
    LoadView telematics(
            @PathVariable UUID id, @Valid @RequestBody TelematicsRequest body, Authentication authentication) {
        return evidence.recordTelematics(
                new LoadId(id),
                viewer(authentication),
                new TelematicsPing(
                        body.deviceId(),
                        body.timestamp(),
                        body.lat(),
                        body.lon(),
                        Optional.ofNullable(body.speedKmh())));
    }

    @PostMapping(value = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CORRESPONDENTS)
    @Operation(
            summary = "Post a message about the load to its communication log",
            description = "JSON {subject (optional), body}; or an e-mail as raw MIME with Content-Type message/rfc822"
                    + " (its sender becomes the author). Entries can never be changed; corrections are new messages.")
    ResponseEntity<LogEntryView> message(
            @PathVariable UUID id, @Valid @RequestBody MessageRequest body, Authentication authentication) {
        return ResponseEntity.status(201)
                .body(communicationLog.postMessage(
                        new LoadId(id), viewer(authentication), body.subject(), body.body()));
    }

    @PostMapping(value = "/{id}/messages", consumes = "message/rfc822")
    @PreAuthorize(CORRESPONDENTS)
    @Operation(summary = "Post an e-mail about the load (raw MIME, message/rfc822) to its communication log")
    ResponseEntity<LogEntryView> email(@PathVariable UUID id, @RequestBody byte[] raw, Authentication authentication) {
        return ResponseEntity.status(201).body(communicationLog.postEmail(new LoadId(id), viewer(authentication), raw));
    }

    @GetMapping("/{id}/communication-log")
    @PreAuthorize(READERS)
    @Operation(summary = "The communication log of the load, with each entry's hashes")
    List<LogEntryView> communicationLog(@PathVariable UUID id, Authentication authentication) {
        return communicationLog.entries(new LoadId(id), viewer(authentication));
    }

    @GetMapping("/{id}/communication-log/verification")
    @PreAuthorize(READERS)
    @Operation(summary = "Re-compute the hash chain of the communication log and say whether it is intact")
    ChainVerification verification(@PathVariable UUID id, Authentication authentication) {
        return communicationLog.verify(new LoadId(id), viewer(authentication));
    }

    @GetMapping(value = "/{id}/communication-log/transcript", produces = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize(READERS)
    @Operation(summary = "The transcript of the communication log with the chain proof (plain text)")
    ResponseEntity<String> transcript(@PathVariable UUID id, Authentication authentication) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"communication-log-" + id + ".txt\"")
                .body(communicationLog.transcript(new LoadId(id), viewer(authentication)));
    }

    @PostMapping(value = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DOCUMENT_UPLOADERS)
    @Operation(
            summary = "Attach a rate confirmation, BOL, CMR or POD (PDF) to the load",
            description = "multipart/form-data: kind (RATE_CONFIRMATION, BOL, CMR, POD) and file. The text is read and"
                    + " the load reference, amounts, dates and addresses found are returned as suggestions to confirm;"
                    + " nothing is applied to the load.")
    ResponseEntity<LoadDocumentView> attachDocument(
            @PathVariable UUID id, @RequestParam("kind") String kind, @RequestPart("file") MultipartFile file) {
        return ResponseEntity.status(201)
                .body(documents.attach(
                        new LoadId(id),
                        kind,
                        Optional.ofNullable(file.getOriginalFilename()).orElse("document.pdf"),
                        bytes(file)));
    }

    @GetMapping("/{id}/documents")
    @PreAuthorize(READERS)
    @Operation(summary = "The documents of the load with their suggestions")
    List<LoadDocumentView> documents(@PathVariable UUID id, Authentication authentication) {
        return documents.list(new LoadId(id), viewer(authentication));
    }

    @PostMapping(value = "/document-suggestions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DOCUMENT_UPLOADERS)
    @Operation(
            summary = "Read a rate confirmation, BOL or CMR (PDF) to prefill a new load",
            description = "Nothing is stored; the suggestions are for a person to confirm before creating the load.")
    DocumentSuggestions suggestions(@RequestPart("file") MultipartFile file) {
        return documents.suggest(bytes(file));
    }

    @ExceptionHandler(LoadNotFound.class)
    ResponseEntity<ProblemDetail> notFound(LoadNotFound e, HttpServletRequest request) {
        return problem(ProblemType.NOT_FOUND, e.getMessage() + ".", request);
    }

    @ExceptionHandler(FileRefused.class)
    ResponseEntity<ProblemDetail> refused(FileRefused e, HttpServletRequest request) {
        ProblemType type =
                switch (e.reason()) {
                    case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
                    case UNSUPPORTED_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                    case MALFORMED -> ProblemType.UNPROCESSABLE;
                    case ACTIVE_CONTENT -> ProblemType.ACTIVE_CONTENT_REFUSED;
                    case TOO_COMPLEX -> ProblemType.DOCUMENT_TOO_COMPLEX;
                    case BUSY -> ProblemType.SERVICE_UNAVAILABLE;
                };
        return problem(type, e.getMessage(), request);
    }

    private static ResponseEntity<ProblemDetail> problem(
            ProblemType type, @Nullable String detail, HttpServletRequest request) {
        return ResponseEntity.status(type.status())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(ProblemResponses.detail(type, detail, request));
    }

    private static NewStop stop(StopRequest stop) {
        return new NewStop(stop.address(), stop.lat(), stop.lon(), stop.plannedAt());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Staff read across tenants; a caller whose only carrier role is driver sees the loads assigned to them. */
    static LoadViewer viewer(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.isPlatformStaff(Role.values())) {
            return LoadViewer.staff();
        }
        boolean otherCarrierRole = caller.has(Role.CARRIER_ADMIN)
                || caller.has(Role.CARRIER_DISPATCHER)
                || caller.has(Role.CARRIER_FINANCE);
        if (caller.has(Role.CARRIER_DRIVER) && !otherCarrierRole) {
            return LoadViewer.driver(authentication.getName());
        }
        return LoadViewer.organization();
    }
}

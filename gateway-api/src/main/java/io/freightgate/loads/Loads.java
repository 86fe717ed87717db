package io.freightgate.loads;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.loads.internal.EvidenceRecords;
import io.freightgate.loads.internal.LoadRecords;
import io.freightgate.loads.internal.MimeMessages;
import io.freightgate.loads.internal.PhotoMetadata;
import io.freightgate.loads.internal.domain.DocumentPatterns;
import io.freightgate.loads.internal.domain.EvidenceStrength;
import io.freightgate.loads.internal.domain.GeoPoint;
import io.freightgate.loads.internal.domain.Geofence;
import io.freightgate.loads.internal.domain.HashChain;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.loads.internal.domain.PhotoEvidence;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.platform.documents.ContentType;
import io.freightgate.platform.documents.DocumentInspector;
import io.freightgate.platform.documents.DocumentStore;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Loads and the evidence about them. A carrier's dispatchers and admins plan loads for a shipper and assign a driver;
 * the driver sees only the loads assigned to them and proves the delivery (through the API or a short-lived link that
 * opens an upload page on the phone); telematics pings give arrival and departure at each stop; every message and
 * event goes into the load's hash-chained communication log; documents are read for suggestions a person confirms.
 * The shipper sees its loads and their evidence. A load is visible to its carrier and shipper only (enforced by
 * PostgreSQL too); platform staff read every load through the audited system path.
 */
@Service
public class Loads {

    /** Longest message body kept in the communication log. */
    public static final int MAX_MESSAGE = 20_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HEIC_DETAIL = "HEIC/HEIF photos are not accepted: no maintained Java library converts"
            + " them. Upload a JPEG or PNG (on an iPhone: Settings > Camera > Formats > Most Compatible) or a PDF.";

    private final LoadRecords loads;
    private final EvidenceRecords evidence;
    private final OrganizationDirectory directory;
    private final DocumentStore documents;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Geofence geofence;
    private final PhotoEvidence photoEvidence;
    private final DocumentInspector inspector;
    private final long maxUploadBytes;
    private final Duration driverLinkValidity;

    Loads(
            LoadRecords loads,
            EvidenceRecords evidence,
            OrganizationDirectory directory,
            DocumentStore documents,
            DocumentInspector inspector,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${freightgate.loads.geofence-radius-meters:500}") double geofenceRadiusMeters,
            @Value("${freightgate.loads.pod.max-distance-meters:1000}") double maxDistanceMeters,
            @Value("${freightgate.loads.pod.max-time-gap:PT2H}") Duration maxTimeGap,
            @Value("${freightgate.loads.max-upload-bytes:10485760}") long maxUploadBytes,
            @Value("${freightgate.loads.driver-link-validity:PT12H}") Duration driverLinkValidity) {
        this.loads = loads;
        this.evidence = evidence;
        this.directory = directory;
        this.documents = documents;
        this.inspector = inspector;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
        this.geofence = new Geofence(geofenceRadiusMeters);
        this.photoEvidence = new PhotoEvidence(maxDistanceMeters, maxTimeGap);
        this.maxUploadBytes = maxUploadBytes;
        this.driverLinkValidity = driverLinkValidity;
    }

    /** Plans a load; fails with {@link IllegalArgumentException} for an unknown shipper or bad stops or references. */
    public LoadView create(TenantId carrier, CreateLoad command) {
        if (!Tenancy.currentTenant().map(carrier::equals).orElse(false)) {
            throw new IllegalArgumentException("A carrier plans loads only in its own name");
        }
        directory
                .find(command.shipper(), true)
                .filter(organization -> organization.type() == OrganizationType.SHIPPER)
                .orElseThrow(() -> new IllegalArgumentException("Unknown shipper " + command.shipper()));
        String number = reference(command.loadNumber(), "load number")
                .orElseThrow(() -> new IllegalArgumentException("The load number must have 1 to 64 characters"));
        Load.Stop pickup = stop(command.pickup(), "pickup");
        Load.Stop delivery = stop(command.delivery(), "delivery");
        String actor = Tenancy.currentActor();
        return systemAccess.transaction(false, "create load", () -> {
            if (loads.findByNumber(carrier.value(), number).isPresent()) {
                throw new IllegalStateException("A load numbered " + number + " exists already");
            }
            Instant now = clock.instant();
            Load load = loads.save(Load.plan(
                    UUID.randomUUID(),
                    carrier.value(),
                    command.shipper().value(),
                    number,
                    command.bolNumber().flatMap(value -> reference(value, "BOL number")),
                    command.cmrNumber().flatMap(value -> reference(value, "CMR number")),
                    pickup,
                    delivery,
                    command.driverUserId().map(String::strip).filter(value -> !value.isEmpty()),
                    actor,
                    now));
            append(load, "SYSTEM", "system", "Load created", "Load " + number + " planned by " + actor + ".", now);
            events.publishEvent(new LoadCreated(load.id(), carrier, command.shipper(), number));
            return view(load);
        });
    }

    /** The load, if the viewer may see it. */
    public Optional<LoadView> find(UUID id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.acrossTenants(), "read load " + id, () -> loads.findById(id)
                .filter(load -> viewer.driver().map(load::assignedTo).orElse(true))
                .map(this::view));
    }

    /** The newest loads the viewer may see (a driver: those assigned to them). */
    public List<LoadView> list(LoadViewer viewer, int limit) {
        var page = PageRequest.of(0, Math.clamp(limit, 1, 200));
        return systemAccess.transaction(
                viewer.acrossTenants(), "list loads", () -> viewer
                        .driver()
                        .map(driver -> loads.assignedTo(driver, page))
                        .orElseGet(() -> loads.newestFirst(page))
                        .stream()
                        .map(this::view)
                        .toList());
    }

    /** Assigns the load to a driver (a user id of the carrier), or unassigns it. */
    public LoadView assignDriver(UUID id, Optional<String> driverUserId) {
        return systemAccess.transaction(false, "assign driver to load " + id, () -> {
            Load load = managed(id, LoadViewer.organization());
            Instant now = clock.instant();
            load.assignDriver(driverUserId, now);
            append(
                    load,
                    "SYSTEM",
                    "system",
                    "Driver assigned",
                    driverUserId.map(driver -> "Driver " + driver + " assigned").orElse("Driver unassigned") + " by "
                            + Tenancy.currentActor() + ".",
                    now);
            return view(load);
        });
    }

    // ---- proof of delivery

    /** Stores a proof of delivery uploaded through the API by the carrier or the assigned driver. */
    public DeliveryConfirmationView uploadProofOfDelivery(UUID id, LoadViewer viewer, UploadProofOfDelivery pod) {
        Checked checked = check(pod.content(), true);
        return systemAccess.transaction(
                false,
                "proof of delivery for load " + id,
                () -> storeProof(managed(id, viewer), pod, checked, "API", Tenancy.currentActor()));
    }

    /** A driver link for the load's assigned driver; only its hash is stored. */
    public DriverLink createDriverLink(UUID id) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return systemAccess.transaction(false, "driver link for load " + id, () -> {
            Load load = managed(id, LoadViewer.organization());
            Instant now = clock.instant();
            Instant expires = now.plus(driverLinkValidity);
            evidence.insertDriverLink(
                    sha256(token), load.id(), load.tenantId(), load.shipperId(), expires, Tenancy.currentActor(), now);
            return new DriverLink(load.id(), token, expires);
        });
    }

    /** The load a driver link opens, while it is valid. */
    public Optional<LoadView> openDriverLink(String token) {
        return byDriverLink(token, "open a driver link", load -> view(load));
    }

    /** A proof of delivery uploaded from the page a driver link opens; empty when the link is unknown or expired. */
    public Optional<DeliveryConfirmationView> uploadByDriverLink(String token, UploadProofOfDelivery pod) {
        if (!wellFormedToken(token)) {
            return Optional.empty();
        }
        Checked checked = check(pod.content(), true);
        return byDriverLink(
                token,
                "proof of delivery through a driver link",
                load -> storeProof(
                        load,
                        pod,
                        checked,
                        "DRIVER_LINK",
                        "driver-link:" + load.driverUserId().orElse("unassigned")));
    }

    public List<DeliveryConfirmationView> deliveryConfirmations(UUID id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.acrossTenants(), "read proofs of delivery of load " + id, () -> {
            visible(id, viewer);
            return evidence.confirmations(id);
        });
    }

    /**
     * The stored file of a proof of delivery, for the parties of the load (its carrier, an assigned driver, its shipper)
     * and platform staff. The file belongs to the carrier's tenant, so once the load's own row-level security has shown
     * the load to the caller (nobody else sees it: 404), the file of that load's confirmation is read through the
     * audited system path.
     */
    public Optional<DocumentStore.Document> proofOfDeliveryFile(UUID id, UUID confirmationId, LoadViewer viewer) {
        Optional<UUID> document =
                systemAccess.transaction(viewer.acrossTenants(), "read proofs of delivery of load " + id, () -> {
                    visible(id, viewer);
                    return evidence.confirmations(id).stream()
                            .filter(confirmation -> confirmation.id().equals(confirmationId))
                            .map(DeliveryConfirmationView::documentId)
                            .findFirst();
                });
        return document.flatMap(documentId -> systemAccess.transaction(
                true,
                "read a proof of delivery file of load " + id + " for one of its parties",
                () -> documents.load(new DocumentStore.DocumentId(documentId))));
    }

    // ---- telematics

    /** Records a ping; arrival and departure at each stop are derived again from all pings of the load. */
    public LoadView recordTelematics(UUID id, LoadViewer viewer, TelematicsPing ping) {
        if (ping.deviceId() == null
                || ping.deviceId().isBlank()
                || ping.deviceId().length() > 100) {
            throw new IllegalArgumentException("device_id must have 1 to 100 characters");
        }
        GeoPoint position = new GeoPoint(ping.lat(), ping.lon());
        if (ping.timestamp().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw new IllegalArgumentException("The ping's timestamp is in the future");
        }
        ping.speedKmh().ifPresent(speed -> {
            if (!(speed >= 0 && speed <= 300)) {
                throw new IllegalArgumentException("speed_kmh must be within 0..300");
            }
        });
        return systemAccess.transaction(false, "telematics for load " + id, () -> {
            Load load = managed(id, viewer);
            Instant now = clock.instant();
            evidence.insertPing(
                    load.id(),
                    load.tenantId(),
                    load.shipperId(),
                    ping.deviceId(),
                    ping.timestamp(),
                    position,
                    ping.speedKmh(),
                    Tenancy.currentActor(),
                    now);
            List<Geofence.Visit> before = visits(load);
            List<Geofence.Visit> after = geofence.visits(load.stopPositions(), evidence.pings(load.id()));
            load.recordVisits(after, now);
            String[] names = {"pickup", "delivery"};
            for (Geofence.Visit visit : after) {
                Geofence.Visit previous = before.get(visit.stop());
                String name = names[visit.stop()];
                if (visit.arrivedAt().isPresent() && !visit.arrivedAt().equals(previous.arrivedAt())) {
                    stopEvent(load, "Arrived at " + name, visit.arrivedAt().get(), ping.deviceId(), now);
                }
                if (visit.departedAt().isPresent() && !visit.departedAt().equals(previous.departedAt())) {
                    stopEvent(load, "Departed from " + name, visit.departedAt().get(), ping.deviceId(), now);
                }
            }
            Optional<Instant> arrival = after.get(1).arrivedAt();
            if (arrival.isPresent()
                    && load.deliveryEvidence().filter(e -> !e.provesDelivery()).isPresent()) {
                secondSignal(
                        load,
                        arrival.get(),
                        DeliveryEvidence.strong("pod+telematics"),
                        "The telematics arrival at the consignee at " + arrival.get() + " backs the proof of delivery.",
                        now);
            }
            return view(load);
        });
    }

    /**
     * The load's shipper confirms the delivery: strong evidence, whether or not the carrier's proof came first (weak
     * proof waits for exactly this). The time is the recorded delivery when it is plausible, otherwise now. Repeating it
     * changes nothing. Fails with {@link LoadNotFound} unless the caller's organization is the load's shipper, and with
     * {@link IllegalStateException} for a canceled load.
     */
    public LoadView confirmByShipper(UUID id) {
        String actor = Tenancy.currentActor();
        return systemAccess.transaction(false, "shipper confirms the delivery of load " + id, () -> {
            Load load = visible(id, LoadViewer.organization());
            if (!Tenancy.currentTenant()
                    .map(tenant -> tenant.value().equals(load.shipperId()))
                    .orElse(false)) {
                throw new LoadNotFound(id);
            }
            Instant now = clock.instant();
            Instant at = load.deliveredAt()
                    .filter(recorded -> !recorded.isAfter(now) && !recorded.isBefore(EvidenceStrength.pickupAt(load)))
                    .orElse(now);
            secondSignal(
                    load,
                    at,
                    DeliveryEvidence.strong("shipper"),
                    "The shipper confirmed the delivery (" + actor + ").",
                    now);
            return view(load);
        });
    }

    private void secondSignal(Load load, Instant at, DeliveryEvidence evidence, String why, Instant now) {
        if (load.confirmDelivery(at, evidence, now)) {
            append(load, "SYSTEM", "system", "Delivery confirmed", "Delivered at " + at + ". " + why, now);
            events.publishEvent(new DeliveryConfirmed(
                    load.id(), new TenantId(load.tenantId()), new TenantId(load.shipperId()), at, evidence));
        }
    }

    private void stopEvent(Load load, String what, Instant at, String device, Instant now) {
        append(
                load,
                "SYSTEM",
                "telematics",
                what,
                what + " at " + at + " (geofence " + Math.round(geofence.radiusMeters()) + " m, device " + device
                        + ").",
                now);
        events.publishEvent(new TelematicsRecorded(
                load.id(), new TenantId(load.tenantId()), new TenantId(load.shipperId()), what, at));
    }

    // ---- communication log

    /** A message posted through the API by someone who may see the load (carrier, shipper or assigned driver). */
    public LogEntryView postMessage(UUID id, LoadViewer viewer, String subject, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("A message has 1 to " + MAX_MESSAGE + " characters");
        }
        String title = subject == null ? "" : oneLine(subject.strip());
        if (title.length() > 200) {
            throw new IllegalArgumentException("A subject has at most 200 characters");
        }
        return systemAccess.transaction(false, "message on load " + id, () -> {
            Load load = visible(id, viewer);
            return append(load, "API", Tenancy.currentActor(), title, text, clock.instant());
        });
    }

    /** An e-mail about the load posted as raw MIME; its sender is the author, its text the body. */
    public LogEntryView postEmail(UUID id, LoadViewer viewer, byte[] raw) {
        if (raw.length == 0 || raw.length > 1_048_576) {
            throw new FileRefused(FileRefused.Reason.TOO_LARGE, "An e-mail is limited to 1 MiB.");
        }
        MimeMessages mail = MimeMessages.parse(raw);
        String body = mail.text().length() > MAX_MESSAGE ? mail.text().substring(0, MAX_MESSAGE) : mail.text();
        String sent = mail.sentAt().map(at -> "Sent " + at + ". ").orElse("");
        return systemAccess.transaction(false, "e-mail on load " + id, () -> {
            Load load = visible(id, viewer);
            return append(
                    load,
                    "EMAIL",
                    "email:" + oneLine(mail.from()),
                    oneLine(mail.subject()),
                    sent + "Posted by " + Tenancy.currentActor() + ".\n\n" + body,
                    clock.instant());
        });
    }

    public List<LogEntryView> communicationLog(UUID id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.acrossTenants(), "read communication log of load " + id, () -> {
            visible(id, viewer);
            return evidence.entries(id).stream().map(Loads::view).toList();
        });
    }

    /** Re-computes the load's chain from the first entry. */
    public ChainVerification verify(UUID id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.acrossTenants(), "verify communication log of load " + id, () -> {
            visible(id, viewer);
            var result = HashChain.verify(evidence.entries(id));
            return new ChainVerification(
                    result.intact(), result.entries(), result.firstBrokenSeq(), result.headHash(), clock.instant());
        });
    }

    /** The transcript of the log as plain text, every entry with its hashes, and the verification of the chain. */
    public String transcript(UUID id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.acrossTenants(), "export communication log of load " + id, () -> {
            Load load = visible(id, viewer);
            List<HashChain.Entry> entries = evidence.entries(id);
            var result = HashChain.verify(entries);
            var out = new StringBuilder();
            out.append("FreightGate communication log of load ")
                    .append(load.loadNumber())
                    .append(" (")
                    .append(load.id())
                    .append(")\nExported ")
                    .append(clock.instant())
                    .append("\nHash chain: SHA-256(previous_hash || canonical entry); canonical entry = each of")
                    .append(" load id, seq, occurred_at, channel, author, subject, body as <length>:<value>\\n;")
                    .append(" the first previous_hash is 64 zeros.\n\n");
            for (HashChain.Entry entry : entries) {
                out.append("#")
                        .append(entry.seq())
                        .append("  ")
                        .append(entry.occurredAt())
                        .append("  ")
                        .append(entry.channel())
                        .append("  ")
                        .append(entry.author())
                        .append('\n');
                if (!entry.subject().isEmpty()) {
                    out.append("Subject: ").append(entry.subject()).append('\n');
                }
                out.append(entry.body().indent(2));
                out.append("previous_hash ")
                        .append(entry.previousHash())
                        .append("\nhash          ")
                        .append(entry.hash())
                        .append("\n\n");
            }
            out.append("Entries: ")
                    .append(result.entries())
                    .append("\nHead hash: ")
                    .append(result.headHash())
                    .append("\nChain: ")
                    .append(
                            result.intact()
                                    ? "intact"
                                    : "BROKEN at entry #"
                                            + result.firstBrokenSeq().orElseThrow())
                    .append('\n');
            return out.toString();
        });
    }

    // ---- documents

    /** Reads a rate confirmation, BOL or CMR (PDF) without storing it, to prefill a new load. */
    public DocumentSuggestions suggest(byte[] pdf) {
        return suggestions(text(pdf));
    }

    /** Stores a document of the load and returns what was recognized in it (to confirm, never applied here). */
    public LoadDocumentView attachDocument(UUID id, String kind, String fileName, byte[] pdf) {
        String normalized = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!Set.of("RATE_CONFIRMATION", "BOL", "CMR", "POD").contains(normalized)) {
            throw new IllegalArgumentException("kind must be RATE_CONFIRMATION, BOL, CMR or POD");
        }
        String text = text(pdf);
        return systemAccess.transaction(false, "document for load " + id, () -> {
            Load load = managed(id, LoadViewer.organization());
            UUID documentId = store(
                            load, "load-" + normalized.toLowerCase(Locale.ROOT), fileName, pdf, Set.of(ContentType.PDF))
                    .id()
                    .value();
            Instant now = clock.instant();
            UUID rowId = UUID.randomUUID();
            String kept = text.length() > 100_000 ? text.substring(0, 100_000) : text;
            evidence.insertDocument(
                    rowId,
                    load.id(),
                    load.tenantId(),
                    load.shipperId(),
                    normalized,
                    documentId,
                    safeName(fileName),
                    kept,
                    Tenancy.currentActor(),
                    now);
            append(
                    load,
                    "SYSTEM",
                    "system",
                    "Document uploaded",
                    normalized + " " + safeName(fileName) + " uploaded by " + Tenancy.currentActor() + ".",
                    now);
            return new LoadDocumentView(
                    rowId, load.id(), normalized, documentId, safeName(fileName), suggestions(kept), now);
        });
    }

    public List<LoadDocumentView> documents(UUID id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.acrossTenants(), "read documents of load " + id, () -> {
            visible(id, viewer);
            return evidence.documents(id).stream()
                    .map(row -> new LoadDocumentView(
                            row.id(),
                            row.loadId(),
                            row.kind(),
                            row.documentId(),
                            row.fileName(),
                            suggestions(row.text()),
                            row.createdAt()))
                    .toList();
        });
    }

    // ---- internals

    private record Checked(ContentType type, Optional<PhotoMetadata> photo) {}

    /**
     * Refuses oversized, unknown, HEIC, malformed, active and over-complex files before anything is stored; the
     * {@link DocumentInspector} reads an image's dimensions from its header before its metadata is parsed.
     */
    private Checked check(byte[] content, boolean photosAllowed) {
        ContentType type = sniff(content, photosAllowed);
        if (inspector.inspect(content) instanceof DocumentInspector.Refused refused) {
            throw refused(refused);
        }
        if (type == ContentType.PDF) {
            return new Checked(type, Optional.empty());
        }
        try {
            return new Checked(type, Optional.of(PhotoMetadata.read(content)));
        } catch (PhotoMetadata.Unreadable e) {
            throw new FileRefused(FileRefused.Reason.MALFORMED, e.getMessage() + ".");
        }
    }

    /** The text of the first pages of a PDF that passes the inspection. */
    private String text(byte[] pdf) {
        sniff(pdf, false);
        return switch (inspector.text(pdf)) {
            case DocumentInspector.Text text -> text.text();
            case DocumentInspector.Refused refused -> throw refused(refused);
        };
    }

    private ContentType sniff(byte[] content, boolean photosAllowed) {
        if (content == null || content.length == 0) {
            throw new FileRefused(FileRefused.Reason.MALFORMED, "The file is empty.");
        }
        if (content.length > maxUploadBytes) {
            throw new FileRefused(
                    FileRefused.Reason.TOO_LARGE, "The file is larger than " + maxUploadBytes + " bytes.");
        }
        if (isHeic(content)) {
            throw new FileRefused(FileRefused.Reason.UNSUPPORTED_TYPE, HEIC_DETAIL);
        }
        return ContentType.sniff(content)
                .filter(sniffed -> photosAllowed || sniffed == ContentType.PDF)
                .orElseThrow(() -> new FileRefused(
                        FileRefused.Reason.UNSUPPORTED_TYPE,
                        photosAllowed
                                ? "Only PDF, JPEG and PNG files are accepted (judged by their content)."
                                : "Only PDF files are accepted (judged by their content)."));
    }

    private static FileRefused refused(DocumentInspector.Refused refused) {
        return new FileRefused(
                switch (refused.refusal()) {
                    case UNREADABLE, ENCRYPTED -> FileRefused.Reason.MALFORMED;
                    case ACTIVE_CONTENT -> FileRefused.Reason.ACTIVE_CONTENT;
                    case TOO_COMPLEX -> FileRefused.Reason.TOO_COMPLEX;
                    case BUSY -> FileRefused.Reason.BUSY;
                },
                refused.detail());
    }

    /** ISO BMFF with an HEIF brand ("ftypheic", "ftypmif1", ...), whatever the file is called. */
    static boolean isHeic(byte[] content) {
        if (content.length < 12) {
            return false;
        }
        String box = new String(content, 4, 8, StandardCharsets.ISO_8859_1);
        return box.startsWith("ftyp")
                && Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif")
                        .contains(box.substring(4));
    }

    private DeliveryConfirmationView storeProof(
            Load load, UploadProofOfDelivery pod, Checked checked, String channel, String uploader) {
        String signatory =
                pod.signatoryName() == null ? "" : oneLine(pod.signatoryName().strip());
        if (signatory.isEmpty() || signatory.length() > 200) {
            throw new IllegalArgumentException("The signatory's name must have 1 to 200 characters");
        }
        Optional<GeoPoint> claimedPosition = pod.lat().isPresent() && pod.lon().isPresent()
                ? Optional.of(new GeoPoint(pod.lat().get(), pod.lon().get()))
                : Optional.empty();
        var accepted = store(
                load,
                "proof-of-delivery",
                pod.fileName(),
                pod.content(),
                Set.of(ContentType.PDF, ContentType.JPEG, ContentType.PNG));
        GeoPoint consignee = load.delivery().position();
        Optional<PhotoMetadata> photo = checked.photo();
        PhotoEvidence.Assessment assessment = photo.isPresent()
                ? photoEvidence.assess(
                        consignee,
                        pod.claimedAt(),
                        photo.get().position(),
                        photo.get().capturedAt())
                : photoEvidence.assess(consignee, pod.claimedAt(), claimedPosition, Optional.of(pod.claimedAt()));
        List<String> flags = new ArrayList<>();
        assessment.flags().forEach(flag -> flags.add(flag.name()));
        if (photo.isEmpty()) {
            flags.remove(PhotoEvidence.Flag.NO_PHOTO_TIME.name());
        }
        Instant now = clock.instant();
        DeliveryEvidence strength = EvidenceStrength.weigh(
                new EvidenceStrength.Proof(
                        photo.isPresent(),
                        assessment.distanceMeters().isPresent(),
                        photo.flatMap(PhotoMetadata::capturedAt).isPresent(),
                        pod.claimedAt(),
                        load.deliveryArrivedAt()),
                EvidenceStrength.pickupAt(load),
                now);
        if (strength.weaknesses().contains(DeliveryEvidence.Weakness.BEFORE_PICKUP)) {
            flags.add("DATED_BEFORE_PICKUP");
        }
        if (strength.weaknesses().contains(DeliveryEvidence.Weakness.IN_FUTURE)) {
            flags.add("DATED_IN_FUTURE");
        }
        UUID confirmationId = UUID.randomUUID();
        evidence.insert(new EvidenceRecords.NewConfirmation(
                confirmationId,
                load.id(),
                load.tenantId(),
                load.shipperId(),
                accepted.id().value(),
                accepted.contentType().mediaType(),
                accepted.sizeBytes(),
                HexFormat.of().formatHex(accepted.sha256()),
                signatory,
                pod.claimedAt(),
                claimedPosition.map(GeoPoint::lat),
                claimedPosition.map(GeoPoint::lon),
                photo.map(PhotoMetadata::width),
                photo.map(PhotoMetadata::height),
                photo.flatMap(PhotoMetadata::capturedAt),
                photo.flatMap(PhotoMetadata::position),
                photo.flatMap(PhotoMetadata::orientation),
                assessment.distanceMeters(),
                photo.isPresent() ? assessment.timeGapSeconds() : Optional.empty(),
                flags,
                channel,
                uploader,
                now));
        boolean suspicious = assessment.suspicious();
        append(
                load,
                "SYSTEM",
                "system",
                "POD uploaded",
                "Proof of delivery (" + accepted.contentType().mediaType() + ", sha256 "
                        + HexFormat.of().formatHex(accepted.sha256()) + ") signed by " + signatory + " uploaded by "
                        + uploader + " via " + channel + "."
                        + assessment
                                .distanceMeters()
                                .map(d -> " Distance to consignee " + d + " m.")
                                .orElse("")
                        + (flags.isEmpty() ? "" : " Flags: " + String.join(", ", flags) + "."),
                now);
        TenantId carrier = new TenantId(load.tenantId());
        TenantId shipper = new TenantId(load.shipperId());
        events.publishEvent(new PodUploaded(load.id(), confirmationId, carrier, shipper, suspicious, now));
        if (!suspicious && load.confirmDelivery(pod.claimedAt(), strength, now)) {
            append(
                    load,
                    "SYSTEM",
                    "system",
                    "Delivery confirmed",
                    "Delivered at " + pod.claimedAt() + "."
                            + (strength.provesDelivery()
                                    ? ""
                                    : " Weak evidence (" + strength.reason() + "): it waits for a second signal.")
                            + (strength.source().equals("pod+telematics")
                                    ? " Backed by the telematics arrival at the consignee."
                                    : ""),
                    now);
            events.publishEvent(new DeliveryConfirmed(load.id(), carrier, shipper, pod.claimedAt(), strength));
        }
        return evidence.confirmations(load.id()).stream()
                .filter(confirmation -> confirmation.id().equals(confirmationId))
                .findFirst()
                .orElseThrow();
    }

    private DocumentStore.Accepted store(
            Load load, String purpose, String fileName, byte[] content, Set<ContentType> accepted) {
        var stored = documents.store(new DocumentStore.NewDocument(
                new TenantId(load.tenantId()), load.id(), purpose, safeName(fileName), content, accepted));
        return switch (stored) {
            case DocumentStore.Accepted ok -> ok;
            case DocumentStore.Rejected rejected ->
                throw new FileRefused(
                        switch (rejected.reason()) {
                            case TOO_LARGE -> FileRefused.Reason.TOO_LARGE;
                            case TYPE_NOT_ACCEPTED, UNRECOGNIZED_CONTENT -> FileRefused.Reason.UNSUPPORTED_TYPE;
                            case EMPTY, BAD_FILE_NAME, UNREADABLE, ENCRYPTED -> FileRefused.Reason.MALFORMED;
                            case ACTIVE_CONTENT -> FileRefused.Reason.ACTIVE_CONTENT;
                            case TOO_COMPLEX -> FileRefused.Reason.TOO_COMPLEX;
                            case BUSY -> FileRefused.Reason.BUSY;
                        },
                        rejected.detail());
        };
    }

    private <T> Optional<T> byDriverLink(String token, String reason, java.util.function.Function<Load, T> work) {
        if (!wellFormedToken(token)) {
            return Optional.empty();
        }
        return systemAccess.callAs(
                "driver-link",
                Optional.empty(),
                reason,
                () -> systemAccess.transaction(false, reason, () -> evidence.loadOfLink(sha256(token), clock.instant())
                        .flatMap(loads::findById)
                        .map(work)));
    }

    private static boolean wellFormedToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private Load visible(UUID id, LoadViewer viewer) {
        return loads.findById(id)
                .filter(load -> viewer.driver().map(load::assignedTo).orElse(true))
                .orElseThrow(() -> new LoadNotFound(id));
    }

    /** A load the caller's carrier may act on (a driver: only when assigned to them). */
    private Load managed(UUID id, LoadViewer viewer) {
        Load load = visible(id, viewer);
        if (!Tenancy.currentTenant()
                .map(tenant -> tenant.value().equals(load.tenantId()))
                .orElse(false)) {
            throw new LoadNotFound(id);
        }
        return load;
    }

    private LogEntryView append(Load load, String channel, String author, String subject, String body, Instant at) {
        loads.lockById(load.id());
        EvidenceRecords.Head head = evidence.head(load.id());
        Instant occurred = at.truncatedTo(ChronoUnit.MICROS);
        long seq = head.seq() + 1;
        String hash = HashChain.hashOf(head.hash(), load.id(), seq, occurred, channel, author, subject, body);
        var entry = new HashChain.Entry(load.id(), seq, occurred, channel, author, subject, body, head.hash(), hash);
        evidence.insertEntry(load.tenantId(), load.shipperId(), entry);
        return view(entry);
    }

    private List<Geofence.Visit> visits(Load load) {
        return List.of(
                new Geofence.Visit(0, load.pickupArrivedAt(), load.pickupDepartedAt()),
                new Geofence.Visit(1, load.deliveryArrivedAt(), load.deliveryDepartedAt()));
    }

    LoadView view(Load load) {
        List<Geofence.Visit> visits = visits(load);
        Load.Stop pickup = load.pickup();
        Load.Stop delivery = load.delivery();
        return new LoadView(
                load.id(),
                new TenantId(load.tenantId()),
                new TenantId(load.shipperId()),
                load.loadNumber(),
                load.bolNumber(),
                load.cmrNumber(),
                List.of(stopView("PICKUP", pickup, visits.get(0)), stopView("DELIVERY", delivery, visits.get(1))),
                load.driverUserId(),
                load.status().name(),
                load.deliveredAt(),
                load.deliveryEvidence(),
                load.createdAt(),
                load.updatedAt());
    }

    private static StopView stopView(String type, Load.Stop stop, Geofence.Visit visit) {
        return new StopView(
                type,
                stop.address(),
                stop.position().lat(),
                stop.position().lon(),
                stop.plannedAt(),
                visit.arrivedAt(),
                visit.departedAt(),
                visit.dwell().map(Duration::toSeconds));
    }

    private static LogEntryView view(HashChain.Entry entry) {
        return new LogEntryView(
                entry.seq(),
                entry.occurredAt(),
                entry.channel(),
                entry.author(),
                entry.subject(),
                entry.body(),
                entry.previousHash(),
                entry.hash());
    }

    static DocumentSuggestions suggestions(String text) {
        var recognized = DocumentPatterns.recognize(text);
        List<Money> amounts = new ArrayList<>();
        for (var amount : recognized.amounts()) {
            try {
                amounts.add(Money.of(amount.minor(), amount.currency()));
            } catch (IllegalArgumentException e) {
                // an amount in a currency Money does not know is not a suggestion
            }
        }
        return new DocumentSuggestions(
                recognized.loadReference(),
                recognized.bolNumber(),
                recognized.cmrNumber(),
                List.copyOf(amounts),
                recognized.dates(),
                recognized.pickupDate(),
                recognized.deliveryDate(),
                recognized.pickupAddress(),
                recognized.deliveryAddress());
    }

    private static Load.Stop stop(NewStop stop, String name) {
        if (stop == null
                || stop.address() == null
                || stop.address().isBlank()
                || stop.address().length() > 300) {
            throw new IllegalArgumentException("The " + name + " address must have 1 to 300 characters");
        }
        if (stop.plannedAt() == null) {
            throw new IllegalArgumentException("The " + name + " needs a planned time");
        }
        return new Load.Stop(oneLine(stop.address().strip()), new GeoPoint(stop.lat(), stop.lon()), stop.plannedAt());
    }

    private static Optional<String> reference(String value, String what) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.length() > 64 || !stripped.matches("[A-Za-z0-9][A-Za-z0-9 ._/#-]*")) {
            throw new IllegalArgumentException(
                    "The " + what + " must have 1 to 64 letters, digits, spaces and . _ / # -");
        }
        return Optional.of(stripped);
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "file" + name;
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}

package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.loads.internal.ChainedLog;
import io.freightgate.loads.internal.DeliveryProofs;
import io.freightgate.loads.internal.EvidenceRecords;
import io.freightgate.loads.internal.LoadAccess;
import io.freightgate.loads.internal.LoadFiles;
import io.freightgate.loads.internal.LoadViews;
import io.freightgate.loads.internal.domain.EvidenceStrength;
import io.freightgate.loads.internal.domain.GeoPoint;
import io.freightgate.loads.internal.domain.Geofence;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.platform.documents.DocumentStore;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The evidence of a load's delivery. The carrier or the assigned driver uploads a signed proof of delivery (POD) whose
 * photo metadata is weighed against the consignee's position and the claimed time; telematics pings give arrival and
 * departure at each stop; the shipper may confirm the delivery itself. The first POD that is not suspicious moves the
 * load to {@code DELIVERED} with its {@link DeliveryEvidence}; weak evidence becomes strong with a second signal (a
 * telematics arrival at the consignee or the shipper's confirmation), never the other way round. Publishes
 * {@link PodUploaded}, {@link DeliveryConfirmed} and {@link TelematicsRecorded}. The carrier's and shipper's users
 * and platform staff read the evidence; a driver only that of their own loads.
 */
@Service
public class LoadEvidence {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("LoadEvidence on its own authority");

    private final LoadAccess access;
    private final EvidenceRecords evidence;
    private final DeliveryProofs proofs;
    private final LoadFiles files;
    private final ChainedLog log;
    private final DocumentStore documents;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Geofence geofence;

    LoadEvidence(
            LoadAccess access,
            EvidenceRecords evidence,
            DeliveryProofs proofs,
            LoadFiles files,
            ChainedLog log,
            DocumentStore documents,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${freightgate.loads.geofence-radius-meters:500}") double geofenceRadiusMeters) {
        this.access = access;
        this.evidence = evidence;
        this.proofs = proofs;
        this.files = files;
        this.log = log;
        this.documents = documents;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
        this.geofence = new Geofence(geofenceRadiusMeters);
    }

    /** Stores a proof of delivery uploaded through the API by the carrier or the assigned driver. */
    public DeliveryConfirmationView uploadProofOfDelivery(LoadId id, LoadViewer viewer, UploadProofOfDelivery pod) {
        LoadFiles.Checked checked = files.check(pod.content(), true);
        return systemAccess.transaction(
                Reach.OWN_TENANT,
                "proof of delivery for load " + id,
                () -> proofs.record(access.managed(id, viewer), pod, checked, "API", Tenancy.currentActor()));
    }

    public List<DeliveryConfirmationView> deliveryConfirmations(LoadId id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.reach(), "read proofs of delivery of load " + id, () -> {
            access.visible(id, viewer);
            return evidence.confirmations(id);
        });
    }

    /**
     * The stored file of a proof of delivery, for the parties of the load (its carrier, an assigned driver, its shipper)
     * and platform staff. The file belongs to the carrier's tenant, so once the load's own row-level security has shown
     * the load to the caller (nobody else sees it: 404), the file of that load's confirmation is read through the
     * audited system path.
     */
    public Optional<DocumentStore.Document> proofOfDeliveryFile(LoadId id, UUID confirmationId, LoadViewer viewer) {
        Optional<UUID> document =
                systemAccess.transaction(viewer.reach(), "read proofs of delivery of load " + id, () -> {
                    access.visible(id, viewer);
                    return evidence.confirmations(id).stream()
                            .filter(confirmation -> confirmation.id().equals(confirmationId))
                            .map(DeliveryConfirmationView::documentId)
                            .findFirst();
                });
        return document.flatMap(documentId -> systemAccess.transaction(
                ACROSS_TENANTS,
                "read a proof of delivery file of load " + id + " for one of its parties",
                () -> documents.load(new DocumentStore.DocumentId(documentId))));
    }

    /** Records a ping; arrival and departure at each stop are derived again from all pings of the load. */
    public LoadView recordTelematics(LoadId id, LoadViewer viewer, TelematicsPing ping) {
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
        return systemAccess.transaction(Reach.OWN_TENANT, "telematics for load " + id, () -> {
            Load load = access.managed(id, viewer);
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
            List<Geofence.Visit> before = LoadViews.visits(load);
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
            return LoadViews.load(load);
        });
    }

    /**
     * The load's shipper confirms the delivery: strong evidence, whether or not the carrier's proof came first (weak
     * proof waits for exactly this). The time is the recorded delivery when it is plausible, otherwise now. Repeating it
     * changes nothing. Fails with {@link LoadNotFound} unless the caller's organization is the load's shipper, and with
     * {@link IllegalStateException} for a canceled load.
     */
    public LoadView confirmByShipper(LoadId id) {
        String actor = Tenancy.currentActor();
        return systemAccess.transaction(Reach.OWN_TENANT, "shipper confirms the delivery of load " + id, () -> {
            Load load = access.shipped(id);
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
            return LoadViews.load(load);
        });
    }

    private void secondSignal(Load load, Instant at, DeliveryEvidence strong, String why, Instant now) {
        if (load.confirmDelivery(at, strong, now)) {
            log.append(load, "SYSTEM", "system", "Delivery confirmed", "Delivered at " + at + ". " + why, now);
            events.publishEvent(new DeliveryConfirmed(load.id(), load.carrier(), load.shipper(), at, strong));
        }
    }

    private void stopEvent(Load load, String what, Instant at, String device, Instant now) {
        log.append(
                load,
                "SYSTEM",
                "telematics",
                what,
                what + " at " + at + " (geofence " + Math.round(geofence.radiusMeters()) + " m, device " + device
                        + ").",
                now);
        events.publishEvent(new TelematicsRecorded(load.id(), load.carrier(), load.shipper(), what, at));
    }
}

package io.freightgate.loads.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.loads.DeliveryConfirmationView;
import io.freightgate.loads.DeliveryConfirmed;
import io.freightgate.loads.DeliveryEvidence;
import io.freightgate.loads.PodUploaded;
import io.freightgate.loads.UploadProofOfDelivery;
import io.freightgate.loads.internal.domain.EvidenceStrength;
import io.freightgate.loads.internal.domain.GeoPoint;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.loads.internal.domain.PhotoEvidence;
import io.freightgate.platform.documents.ContentType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a proof of delivery, whichever way it came (the API or a driver link): stores the file, weighs what its
 * photo metadata and dates prove, writes it to the communication log, publishes {@link PodUploaded} and, for the first
 * proof that is not suspicious, confirms the delivery ({@link DeliveryConfirmed}). Runs inside the calling facade's
 * transaction.
 */
@Component
public class DeliveryProofs {

    private final EvidenceRecords evidence;
    private final LoadFiles files;
    private final ChainedLog log;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PhotoEvidence photoEvidence;

    DeliveryProofs(
            EvidenceRecords evidence,
            LoadFiles files,
            ChainedLog log,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${freightgate.loads.pod.max-distance-meters:1000}") double maxDistanceMeters,
            @Value("${freightgate.loads.pod.max-time-gap:PT2H}") Duration maxTimeGap) {
        this.evidence = evidence;
        this.files = files;
        this.log = log;
        this.events = events;
        this.clock = clock;
        this.photoEvidence = new PhotoEvidence(maxDistanceMeters, maxTimeGap);
    }

    public DeliveryConfirmationView record(
            Load load, UploadProofOfDelivery pod, LoadFiles.Checked checked, String channel, String uploader) {
        String signatory = pod.signatoryName() == null
                ? ""
                : ChainedLog.oneLine(pod.signatoryName().strip());
        if (signatory.isEmpty() || signatory.length() > 200) {
            throw new IllegalArgumentException("The signatory's name must have 1 to 200 characters");
        }
        Optional<GeoPoint> claimedPosition = pod.lat().isPresent() && pod.lon().isPresent()
                ? Optional.of(new GeoPoint(pod.lat().get(), pod.lon().get()))
                : Optional.empty();
        var accepted = files.store(
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
        log.append(
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
        TenantId carrier = load.carrier();
        TenantId shipper = load.shipper();
        events.publishEvent(new PodUploaded(load.id(), confirmationId, carrier, shipper, suspicious, now));
        if (!suspicious && load.confirmDelivery(pod.claimedAt(), strength, now)) {
            log.append(
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
}

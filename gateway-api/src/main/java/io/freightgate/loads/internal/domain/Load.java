package io.freightgate.loads.internal.domain;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import io.freightgate.loads.DeliveryEvidence;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A shipment a carrier moves for a shipper: its references (load number, BOL, CMR), the pickup and the delivery stop
 * with their coordinates, planned and actual times and the driver assigned to it. Owned by the carrier's tenant and
 * visible to the shipper. It is {@code PLANNED} until a proof of delivery that nothing flags, or the shipper, confirms
 * it ({@code DELIVERED}), with the strength of that evidence ({@link DeliveryEvidence}): weak evidence becomes strong
 * with a second signal, strong evidence stays; the actual arrival and departure times come from telematics.
 */
@Entity
@Table(name = "loads")
@Audited
public class Load {

    /** Where a load stands. */
    public enum Status {
        PLANNED,
        DELIVERED,
        CANCELED
    }

    /** A stop as planned: where, and when. */
    public record Stop(String address, GeoPoint position, Instant plannedAt) {}

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "shipper_id", nullable = false, updatable = false)
    private UUID shipperId;

    @Column(name = "load_number", nullable = false, updatable = false)
    private String loadNumber;

    @Column(name = "bol_number")
    private @Nullable String bolNumber;

    @Column(name = "cmr_number")
    private @Nullable String cmrNumber;

    @Column(name = "pickup_address", nullable = false)
    private String pickupAddress;

    @Column(name = "pickup_lat", nullable = false)
    private double pickupLat;

    @Column(name = "pickup_lon", nullable = false)
    private double pickupLon;

    @Column(name = "pickup_planned_at", nullable = false)
    private Instant pickupPlannedAt;

    @Column(name = "pickup_arrived_at")
    private @Nullable Instant pickupArrivedAt;

    @Column(name = "pickup_departed_at")
    private @Nullable Instant pickupDepartedAt;

    @Column(name = "delivery_address", nullable = false)
    private String deliveryAddress;

    @Column(name = "delivery_lat", nullable = false)
    private double deliveryLat;

    @Column(name = "delivery_lon", nullable = false)
    private double deliveryLon;

    @Column(name = "delivery_planned_at", nullable = false)
    private Instant deliveryPlannedAt;

    @Column(name = "delivery_arrived_at")
    private @Nullable Instant deliveryArrivedAt;

    @Column(name = "delivery_departed_at")
    private @Nullable Instant deliveryDepartedAt;

    @Column(name = "driver_user_id")
    private @Nullable String driverUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "delivered_at")
    private @Nullable Instant deliveredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_evidence")
    private DeliveryEvidence.@Nullable Strength deliveryEvidence;

    @Column(name = "delivery_weaknesses")
    private @Nullable String deliveryWeaknesses;

    @Column(name = "delivery_evidence_source")
    private @Nullable String deliveryEvidenceSource;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Load() {}

    public static Load plan(
            UUID id,
            UUID carrier,
            UUID shipper,
            String loadNumber,
            Optional<String> bolNumber,
            Optional<String> cmrNumber,
            Stop pickup,
            Stop delivery,
            Optional<String> driverUserId,
            String actor,
            Instant now) {
        if (delivery.plannedAt().isBefore(pickup.plannedAt())) {
            throw new IllegalArgumentException("The delivery is planned before the pickup");
        }
        Load load = new Load();
        load.id = id;
        load.tenantId = carrier;
        load.shipperId = shipper;
        load.loadNumber = loadNumber;
        load.bolNumber = bolNumber.orElse(null);
        load.cmrNumber = cmrNumber.orElse(null);
        load.pickupAddress = pickup.address();
        load.pickupLat = pickup.position().lat();
        load.pickupLon = pickup.position().lon();
        load.pickupPlannedAt = pickup.plannedAt();
        load.deliveryAddress = delivery.address();
        load.deliveryLat = delivery.position().lat();
        load.deliveryLon = delivery.position().lon();
        load.deliveryPlannedAt = delivery.plannedAt();
        load.driverUserId = driverUserId.orElse(null);
        load.status = Status.PLANNED;
        load.createdBy = actor;
        load.createdAt = now;
        load.updatedAt = now;
        return load;
    }

    /** Assigns (or, with empty, unassigns) the driver. */
    public void assignDriver(Optional<String> driver, Instant now) {
        if (status == Status.CANCELED) {
            throw new IllegalStateException("The load is canceled");
        }
        this.driverUserId = driver.orElse(null);
        this.updatedAt = now;
    }

    /**
     * Evidence confirms the delivery at {@code at}: the first evidence marks the load delivered; strong evidence after
     * weak replaces it (and its time); anything else changes nothing. Returns whether this call changed the evidence.
     */
    public boolean confirmDelivery(Instant at, DeliveryEvidence evidence, Instant now) {
        if (status == Status.CANCELED) {
            throw new IllegalStateException("The load is canceled");
        }
        if (status == Status.DELIVERED
                && (deliveryEvidence == DeliveryEvidence.Strength.STRONG || !evidence.provesDelivery())) {
            return false;
        }
        status = Status.DELIVERED;
        deliveredAt = at;
        deliveryEvidence = evidence.strength();
        deliveryWeaknesses = evidence.weaknesses().isEmpty()
                ? null
                : String.join(
                        ",", evidence.weaknesses().stream().map(Enum::name).toList());
        deliveryEvidenceSource = evidence.source();
        updatedAt = now;
        return true;
    }

    /** The evidence of the delivery, once delivered. */
    public Optional<DeliveryEvidence> deliveryEvidence() {
        if (deliveryEvidence == null) {
            return Optional.empty();
        }
        List<DeliveryEvidence.Weakness> weaknesses = deliveryWeaknesses == null
                ? List.of()
                : Arrays.stream(deliveryWeaknesses.split(","))
                        .map(DeliveryEvidence.Weakness::valueOf)
                        .toList();
        String source = deliveryEvidenceSource == null ? "pod" : deliveryEvidenceSource;
        return Optional.of(new DeliveryEvidence(deliveryEvidence, weaknesses, source));
    }

    /** The actual times telematics derived for the stops (pickup first). */
    public void recordVisits(List<Geofence.Visit> visits, Instant now) {
        for (Geofence.Visit visit : visits) {
            if (visit.stop() == 0) {
                pickupArrivedAt = visit.arrivedAt().orElse(null);
                pickupDepartedAt = visit.departedAt().orElse(null);
            } else if (visit.stop() == 1) {
                deliveryArrivedAt = visit.arrivedAt().orElse(null);
                deliveryDepartedAt = visit.departedAt().orElse(null);
            }
        }
        updatedAt = now;
    }

    public boolean assignedTo(String driver) {
        return driver.equals(driverUserId);
    }

    public List<GeoPoint> stopPositions() {
        return List.of(pickup().position(), delivery().position());
    }

    public Stop pickup() {
        return new Stop(pickupAddress, new GeoPoint(pickupLat, pickupLon), pickupPlannedAt);
    }

    public Stop delivery() {
        return new Stop(deliveryAddress, new GeoPoint(deliveryLat, deliveryLon), deliveryPlannedAt);
    }

    public LoadId id() {
        return new LoadId(id);
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID shipperId() {
        return shipperId;
    }

    /** The carrier that plans and carries the load (its tenant). */
    public TenantId carrier() {
        return new TenantId(tenantId);
    }

    /** The shipper it is addressed to. */
    public TenantId shipper() {
        return new TenantId(shipperId);
    }

    public String loadNumber() {
        return loadNumber;
    }

    public Optional<String> bolNumber() {
        return Optional.ofNullable(bolNumber);
    }

    public Optional<String> cmrNumber() {
        return Optional.ofNullable(cmrNumber);
    }

    public Optional<Instant> pickupArrivedAt() {
        return Optional.ofNullable(pickupArrivedAt);
    }

    public Optional<Instant> pickupDepartedAt() {
        return Optional.ofNullable(pickupDepartedAt);
    }

    public Optional<Instant> deliveryArrivedAt() {
        return Optional.ofNullable(deliveryArrivedAt);
    }

    public Optional<Instant> deliveryDepartedAt() {
        return Optional.ofNullable(deliveryDepartedAt);
    }

    public Optional<String> driverUserId() {
        return Optional.ofNullable(driverUserId);
    }

    public Status status() {
        return status;
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

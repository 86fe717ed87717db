package io.freightgate.loads.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeofenceTests {

    static final GeoPoint PICKUP = new GeoPoint(53.5461, 9.9661);
    static final GeoPoint DELIVERY = new GeoPoint(45.7640, 4.8357);
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    final Geofence geofence = new Geofence(500);

    static Geofence.Ping ping(int minutes, double lat, double lon) {
        return new Geofence.Ping(T0.plus(Duration.ofMinutes(minutes)), new GeoPoint(lat, lon));
    }

    @Test
    void derivesArrivalDepartureAndDwellAtEachStopFromPingsInAnyOrder() {
        var pings = List.of(
                ping(0, 53.60, 10.10), // on the way to the pickup
                ping(10, 53.5463, 9.9665), // at the pickup (about 35 m)
                ping(40, 53.5465, 9.9660),
                ping(55, 53.70, 10.30), // left
                ping(600, 45.7643, 4.8360), // at the consignee
                ping(650, 45.80, 4.90)); // left
        var visits = geofence.visits(List.of(PICKUP, DELIVERY), pings.reversed());

        assertThat(visits.get(0).arrivedAt()).contains(T0.plus(Duration.ofMinutes(10)));
        assertThat(visits.get(0).departedAt()).contains(T0.plus(Duration.ofMinutes(55)));
        assertThat(visits.get(0).dwell()).contains(Duration.ofMinutes(45));
        assertThat(visits.get(1).arrivedAt()).contains(T0.plus(Duration.ofMinutes(600)));
        assertThat(visits.get(1).dwell()).contains(Duration.ofMinutes(50));
    }

    @Test
    void aStopNotYetLeftHasNoDepartureAndTheNextStopNothing() {
        var visits = geofence.visits(List.of(PICKUP, DELIVERY), List.of(ping(10, 53.5463, 9.9665)));
        assertThat(visits.get(0).arrivedAt()).isPresent();
        assertThat(visits.get(0).departedAt()).isEmpty();
        assertThat(visits.get(0).dwell()).isEmpty();
        assertThat(visits.get(1).arrivedAt()).isEmpty();
    }

    @Test
    void pingsJustOutsideTheRadiusDoNotCountAsArrival() {
        // 0.006 degrees of latitude is about 667 m: outside a 500 m fence, inside a 1 km one.
        var pings = List.of(ping(10, 53.5521, 9.9661));
        assertThat(geofence.visits(List.of(PICKUP), pings).getFirst().arrivedAt())
                .isEqualTo(Optional.empty());
        assertThat(new Geofence(1000).visits(List.of(PICKUP), pings).getFirst().arrivedAt())
                .isPresent();
    }

    @Test
    void aPassThroughTheDeliveryAreaBeforeThePickupDoesNotCountForTheDelivery() {
        var pings = List.of(
                ping(0, 45.7641, 4.8358), // near the consignee first
                ping(5, 45.90, 4.90),
                ping(100, 53.5462, 9.9662), // pickup
                ping(130, 53.70, 10.30));
        var visits = geofence.visits(List.of(PICKUP, DELIVERY), pings);
        assertThat(visits.get(0).arrivedAt()).contains(T0.plus(Duration.ofMinutes(100)));
        assertThat(visits.get(1).arrivedAt()).isEmpty();
    }
}

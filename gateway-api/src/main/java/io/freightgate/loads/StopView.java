package io.freightgate.loads;

import java.time.Instant;
import java.util.Optional;

/** A stop, planned and as telematics saw it: arrival and departure through the geofence, and the dwell between. */
public record StopView(
        String type,
        String address,
        double lat,
        double lon,
        Instant plannedAt,
        Optional<Instant> arrivedAt,
        Optional<Instant> departedAt,
        Optional<Long> dwellSeconds) {}

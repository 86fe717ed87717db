package io.freightgate.loads;

import java.time.Instant;
import java.util.Optional;

/** A position ping as a telematics provider sends it. */
public record TelematicsPing(String deviceId, Instant timestamp, double lat, double lon, Optional<Double> speedKmh) {}

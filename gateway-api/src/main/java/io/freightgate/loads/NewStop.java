package io.freightgate.loads;

import java.time.Instant;

/** A stop as planned: the address, its coordinates (given by the carrier or shipper; no geocoding) and the time. */
public record NewStop(String address, double lat, double lon, Instant plannedAt) {}

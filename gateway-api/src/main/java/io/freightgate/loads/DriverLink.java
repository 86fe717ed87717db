package io.freightgate.loads;

import java.time.Instant;
import java.util.UUID;

/** A link that opens one load's upload page on a driver's phone until it expires; the token is shown once. */
public record DriverLink(UUID loadId, String token, Instant expiresAt) {}

package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import java.time.Instant;

/** A link that opens one load's upload page on a driver's phone until it expires; the token is shown once. */
public record DriverLink(LoadId loadId, String token, Instant expiresAt) {}

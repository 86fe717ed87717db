package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;

/** A telematics ping was recorded for a load; {@code stopEvent} names an arrival or departure it caused, if any. */
public record TelematicsRecorded(LoadId loadId, TenantId carrier, TenantId shipper, String stopEvent, Instant at) {}

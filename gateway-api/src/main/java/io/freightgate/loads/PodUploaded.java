package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A proof of delivery was stored for a load; {@code flagged} when its metadata contradicts the claim. */
public record PodUploaded(
        LoadId loadId, UUID confirmationId, TenantId carrier, TenantId shipper, boolean flagged, Instant at) {}

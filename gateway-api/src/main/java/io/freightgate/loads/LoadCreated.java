package io.freightgate.loads;

import io.freightgate.kernel.TenantId;
import java.util.UUID;

/** A carrier planned a load for a shipper. */
public record LoadCreated(UUID loadId, TenantId carrier, TenantId shipper, String loadNumber) {}

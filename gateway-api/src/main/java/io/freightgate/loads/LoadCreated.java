package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;

/** A carrier planned a load for a shipper. */
public record LoadCreated(LoadId loadId, TenantId carrier, TenantId shipper, String loadNumber) {}

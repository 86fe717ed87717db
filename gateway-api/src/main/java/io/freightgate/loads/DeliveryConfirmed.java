package io.freightgate.loads;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A load's delivery is confirmed by a proof of delivery that nothing flags (published once per load). Payments will
 * release what it held until delivery on it, through {@code io.freightgate.flows}.
 */
public record DeliveryConfirmed(UUID loadId, TenantId carrier, TenantId shipper, Instant at) {}

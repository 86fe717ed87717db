package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;

/**
 * A load's delivery is confirmed: by a proof of delivery that nothing flags, by the shipper, or (backing weaker proof)
 * by a telematics arrival at the consignee. Published once when the delivery is first recorded and once more when weak
 * {@code evidence} becomes strong. Payments releases what it held until delivery on strong evidence only, through
 * {@code io.freightgate.flows}; weak evidence makes it wait for a second signal.
 */
public record DeliveryConfirmed(
        LoadId loadId, TenantId carrier, TenantId shipper, Instant at, DeliveryEvidence evidence) {}

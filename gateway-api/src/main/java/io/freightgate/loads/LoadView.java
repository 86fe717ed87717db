package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A load as its carrier, its shipper and its driver see it; stops are the pickup, then the delivery. Once delivered,
 * {@code deliveryEvidence} says what proves it: weak evidence waits for a second signal before it moves money.
 */
public record LoadView(
        LoadId id,
        TenantId carrier,
        TenantId shipper,
        String loadNumber,
        Optional<String> bolNumber,
        Optional<String> cmrNumber,
        List<StopView> stops,
        Optional<String> driverUserId,
        String status,
        Optional<Instant> deliveredAt,
        Optional<DeliveryEvidence> deliveryEvidence,
        Instant createdAt,
        Instant updatedAt) {}

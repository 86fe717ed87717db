package io.freightgate.loads;

import io.freightgate.kernel.TenantId;
import java.util.Optional;

/** A carrier plans a load for a shipper. {@code driverUserId} is the assigned driver's user id, if any yet. */
public record CreateLoad(
        TenantId shipper,
        String loadNumber,
        Optional<String> bolNumber,
        Optional<String> cmrNumber,
        NewStop pickup,
        NewStop delivery,
        Optional<String> driverUserId) {}

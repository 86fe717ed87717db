package io.freightgate.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The port through which payments learns whether a load was delivered before its payment request was paid (the usual
 * order: carriers bill after the proof of delivery). Implemented in {@code io.freightgate.flows} from the loads module;
 * without it no load counts as delivered. Called inside the payment's transaction, in its tenant scope.
 */
public interface LoadDeliveries {

    /** When the load's delivery was confirmed, if it was. */
    Optional<Instant> deliveredAt(UUID loadId);
}

package io.freightgate.billing;

import io.freightgate.kernel.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * The port through which payments learns about the load a payment request names: whether it is the carrier's load for
 * that shipper (checked when the request is created, since a load's delivery releases the transfers of the requests
 * naming it), and whether it was delivered before the request was paid (the usual order: carriers bill after the proof
 * of delivery) and on what evidence. Implemented in {@code io.freightgate.flows} from the loads module; without it no
 * load is known.
 */
public interface LoadDeliveries {

    /** What proves the load's delivery, if it was confirmed (read in the caller's transaction and tenant scope). */
    Optional<DeliveryProof> delivery(UUID loadId);

    /** Whether the load exists and is the carrier's load for the shipper. */
    boolean isLoadOf(UUID loadId, TenantId carrier, TenantId shipper);
}

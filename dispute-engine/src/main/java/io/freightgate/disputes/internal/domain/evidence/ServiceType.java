package io.freightgate.disputes.internal.domain.evidence;

/** How the load was carried; it changes which delivery proof is strongest. */
public enum ServiceType {
    /** One shipper's goods fill the vehicle: the vehicle's arrival is the load's arrival. */
    FULL_TRUCKLOAD,
    /** Several shippers' consignments share the vehicle: its arrival does not show which consignment was delivered. */
    PART_LOAD,
    /** A promised delivery time: the dispute is often about being late, so times are evidence. */
    EXPRESS
}

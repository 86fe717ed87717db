package io.freightgate.organizations;

/** What an organization is to FreightGate. */
public enum OrganizationType {
    /** A trucking company: bills shippers for loads and receives payouts. */
    CARRIER,
    /** A cargo owner or forwarder: pays carriers' payment requests. */
    SHIPPER,
    /** The platform operator: its staff answer disputes, review risk and compliance. */
    PLATFORM
}

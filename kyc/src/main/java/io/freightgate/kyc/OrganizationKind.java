package io.freightgate.kyc;

/** What an organization under KYB is, which decides the documents it must provide. */
public enum OrganizationKind {
    /** A trucking company: bills shippers and receives payouts. */
    CARRIER,
    /** A cargo owner or forwarder: pays carriers. */
    SHIPPER
}

package io.freightgate.kyc;

/** The documents a KYB case can hold; which are required depends on the {@link OrganizationKind}. */
public enum DocumentKind {
    /** Extract from the company register (Handelsregister, Kbis, ...). */
    COMPANY_REGISTER_EXTRACT(false),
    /** National transport licence or EU community licence; may carry an expiry date. */
    TRANSPORT_LICENCE(false),
    /** Goods-in-transit (cargo) insurance certificate; its expiry date is mandatory. */
    GOODS_IN_TRANSIT_INSURANCE(true),
    /** Identity document of the legal representative. */
    REPRESENTATIVE_ID(false);

    private final boolean expiryRequired;

    DocumentKind(boolean expiryRequired) {
        this.expiryRequired = expiryRequired;
    }

    /** Whether an upload of this kind must say until when it is valid. */
    public boolean expiryRequired() {
        return expiryRequired;
    }

    /** Whether the expiry monitor watches documents of this kind (insurance and licence). */
    public boolean monitoredForExpiry() {
        return this == GOODS_IN_TRANSIT_INSURANCE || this == TRANSPORT_LICENCE;
    }
}

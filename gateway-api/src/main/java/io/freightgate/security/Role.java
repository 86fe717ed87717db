package io.freightgate.security;

import io.freightgate.organizations.OrganizationType;

/** The roles of FreightGate, each belonging to one kind of organization. */
public enum Role {
    PLATFORM_ADMIN(OrganizationType.PLATFORM),
    FINANCE_AGENT(OrganizationType.PLATFORM),
    FINANCE_SUPERVISOR(OrganizationType.PLATFORM),
    RISK_ANALYST(OrganizationType.PLATFORM),
    COMPLIANCE_OFFICER(OrganizationType.PLATFORM),
    CARRIER_ADMIN(OrganizationType.CARRIER),
    CARRIER_FINANCE(OrganizationType.CARRIER),
    CARRIER_DISPATCHER(OrganizationType.CARRIER),
    CARRIER_DRIVER(OrganizationType.CARRIER),
    SHIPPER_ADMIN(OrganizationType.SHIPPER),
    SHIPPER_PAYER(OrganizationType.SHIPPER);

    private final OrganizationType organizationType;

    Role(OrganizationType organizationType) {
        this.organizationType = organizationType;
    }

    public OrganizationType organizationType() {
        return organizationType;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isPlatformStaff() {
        return organizationType == OrganizationType.PLATFORM;
    }
}

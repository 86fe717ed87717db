package io.freightgate.backoffice;

import io.freightgate.security.Role;
import io.freightgate.security.WebUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The pages of the web app and who may open them: the one list both the menu and the check by URL are made of, so a
 * page a role may not see is neither in its menu nor reachable by typing its address (403).
 */
enum Section {
    BACK_OFFICE(
            "/backoffice",
            "Overview",
            EnumSet.of(
                    Role.PLATFORM_ADMIN,
                    Role.FINANCE_AGENT,
                    Role.FINANCE_SUPERVISOR,
                    Role.RISK_ANALYST,
                    Role.COMPLIANCE_OFFICER)),
    ORGANIZATIONS(
            "/backoffice/organizations", "Organizations", EnumSet.of(Role.PLATFORM_ADMIN, Role.COMPLIANCE_OFFICER)),
    PAYMENT_REQUESTS(
            "/backoffice/payment-requests",
            "Payment requests",
            EnumSet.of(Role.PLATFORM_ADMIN, Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR)),
    CARRIER_HOME(
            "/portal/carrier",
            "Payment requests",
            EnumSet.of(Role.CARRIER_ADMIN, Role.CARRIER_FINANCE, Role.CARRIER_DISPATCHER, Role.CARRIER_DRIVER)),
    /** Where the carrier's onboarding with Stripe stands; Stripe's return URL. */
    PAYOUT_ACCOUNT(
            "/carriers/{organization}/onboarding/complete",
            "Payout account",
            EnumSet.of(Role.CARRIER_ADMIN, Role.CARRIER_FINANCE)),
    SHIPPER_HOME("/portal/shipper", "Invoices to pay", EnumSet.of(Role.SHIPPER_ADMIN, Role.SHIPPER_PAYER));

    private final String path;
    private final String label;
    private final Set<Role> roles;

    Section(String path, String label, Set<Role> roles) {
        this.path = path;
        this.label = label;
        this.roles = Set.copyOf(roles);
    }

    /** The section's address for this person ({@code {organization}} is theirs). */
    String pathFor(WebUser user) {
        return path.replace("{organization}", user.organization().toString());
    }

    String label() {
        return label;
    }

    /**
     * Whether the person may open this section: one of its roles, and for the back office a member of the platform's
     * organization (a carrier cannot hold a platform role, but the check does not rely on that).
     */
    boolean openTo(WebUser user) {
        boolean staffSection = roles.stream().allMatch(Role::isPlatformStaff);
        return user.hasAny(roles) && (!staffSection || user.isPlatformStaff());
    }

    /** The sections in the person's menu, in this order. */
    static List<Section> menuOf(WebUser user) {
        return List.of(values()).stream()
                .filter(section -> section.openTo(user))
                .toList();
    }
}

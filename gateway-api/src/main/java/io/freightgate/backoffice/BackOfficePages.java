package io.freightgate.backoffice;

import io.freightgate.billing.PaymentRequests;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.WebUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The back office for platform staff: an overview, the organizations (admins and compliance) and every tenant's
 * payment requests (admins and finance). Each read of another tenant's data goes through the facade's cross-tenant
 * path, which records who read what and why in the system access log before it reads.
 */
@Controller
class BackOfficePages {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("platform staff in the back office");

    private static final int LIST_LIMIT = 100;

    private final OrganizationDirectory organizations;
    private final PaymentRequests paymentRequests;

    BackOfficePages(OrganizationDirectory organizations, PaymentRequests paymentRequests) {
        this.organizations = organizations;
        this.paymentRequests = paymentRequests;
    }

    @GetMapping("/backoffice")
    ModelAndView overview(Authentication authentication, HttpServletResponse response) {
        WebUser user = WebPages.require(Section.BACK_OFFICE, authentication);
        return WebPages.page("backoffice/overview", Section.BACK_OFFICE, user, response)
                .addObject("roles", user.roles())
                .addObject(
                        "sections",
                        WebPages.menu(Section.BACK_OFFICE, user).stream()
                                .filter(item -> !item.current())
                                .toList());
    }

    @GetMapping("/backoffice/organizations")
    ModelAndView organizations(Authentication authentication, HttpServletResponse response) {
        WebUser user = WebPages.require(Section.ORGANIZATIONS, authentication);
        return WebPages.page("backoffice/organizations", Section.ORGANIZATIONS, user, response)
                .addObject("organizations", organizations.list(ACROSS_TENANTS));
    }

    @GetMapping("/backoffice/organizations/{id}")
    ModelAndView organization(@PathVariable UUID id, Authentication authentication, HttpServletResponse response) {
        WebUser user = WebPages.require(Section.ORGANIZATIONS, authentication);
        var organization = organizations
                .find(new TenantId(id), ACROSS_TENANTS)
                .orElseThrow(() -> new PageNotFound("No organization " + id));
        return WebPages.page("backoffice/organization", Section.ORGANIZATIONS, user, response)
                .addObject("organization", organization);
    }

    @GetMapping("/backoffice/payment-requests")
    ModelAndView paymentRequests(Authentication authentication, HttpServletResponse response) {
        WebUser user = WebPages.require(Section.PAYMENT_REQUESTS, authentication);
        return WebPages.page("backoffice/payment-requests", Section.PAYMENT_REQUESTS, user, response)
                .addObject("requests", paymentRequests.list(ACROSS_TENANTS, LIST_LIMIT));
    }
}

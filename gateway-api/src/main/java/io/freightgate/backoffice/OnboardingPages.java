package io.freightgate.backoffice;

import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutAccounts;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.WebUser;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where Stripe's hosted onboarding sends a carrier back ({@code freightgate.payments.onboarding.refresh-url} and
 * {@code return-url}): {@code /carriers/{id}/onboarding/refresh} (the link expired or was used) makes a fresh link and
 * sends the carrier straight back into onboarding; {@code /complete} shows where the onboarding stands, read from
 * Stripe through the payout accounts' facade (coming back does not mean it is complete). Only for that carrier's
 * admins and finance staff: anyone else gets 403, another carrier's id 404.
 */
@Controller
class OnboardingPages {

    private final PayoutAccounts payoutAccounts;
    private final String refreshUrl;
    private final String returnUrl;

    OnboardingPages(
            PayoutAccounts payoutAccounts,
            @Value("${freightgate.payments.onboarding.refresh-url}") String refreshUrl,
            @Value("${freightgate.payments.onboarding.return-url}") String returnUrl) {
        this.payoutAccounts = payoutAccounts;
        this.refreshUrl = refreshUrl;
        this.returnUrl = returnUrl;
    }

    @GetMapping("/carriers/{id}/onboarding/refresh")
    RedirectView refresh(@PathVariable UUID id, Authentication authentication) {
        TenantId carrier = ownCarrier(id, authentication);
        if (payoutAccounts
                .find(carrier, Reach.OWN_TENANT)
                .flatMap(account -> account.stripeAccountId())
                .isEmpty()) {
            return new RedirectView("/carriers/" + id + "/onboarding/complete");
        }
        var link = payoutAccounts.createOnboardingLink(
                carrier,
                URI.create(refreshUrl.replace("{carrier}", id.toString())),
                URI.create(returnUrl.replace("{carrier}", id.toString())),
                Reach.OWN_TENANT);
        var redirect = new RedirectView(link.url().toString());
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return redirect;
    }

    @GetMapping("/carriers/{id}/onboarding/complete")
    ModelAndView complete(@PathVariable UUID id, Authentication authentication, HttpServletResponse response) {
        TenantId carrier = ownCarrier(id, authentication);
        WebUser user = WebPages.person(authentication);
        var account = payoutAccounts.synchronize(carrier, Reach.OWN_TENANT);
        return WebPages.page("portal/onboarding", Section.PAYOUT_ACCOUNT, user, response)
                .addObject("account", account.orElse(null))
                .addObject("refreshPath", "/carriers/" + id + "/onboarding/refresh");
    }

    private static TenantId ownCarrier(UUID id, Authentication authentication) {
        WebUser user = WebPages.require(Section.PAYOUT_ACCOUNT, authentication);
        if (!user.organization().value().equals(id)) {
            throw new PageNotFound("No carrier " + id);
        }
        return user.organization();
    }
}

package io.freightgate.backoffice;

import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.WebUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A shipper's first page: the payment requests it has to pay, each with a button that opens the hosted payment page
 * (the link the shipper was mailed, or a fresh one when that expired), and the ones it already paid.
 */
@Controller
class ShipperPages {

    private static final int LIST_LIMIT = 100;
    private static final Set<PaymentRequestStatus> TO_PAY =
            EnumSet.of(PaymentRequestStatus.OPEN, PaymentRequestStatus.OVERDUE);

    private final PaymentRequests paymentRequests;

    ShipperPages(PaymentRequests paymentRequests) {
        this.paymentRequests = paymentRequests;
    }

    @GetMapping("/portal/shipper")
    ModelAndView firstPage(Authentication authentication, HttpServletResponse response) {
        WebUser user = WebPages.require(Section.SHIPPER_HOME, authentication);
        var requests = paymentRequests.list(Reach.OWN_TENANT, LIST_LIMIT).stream()
                .filter(request -> request.shipper().equals(user.organization()))
                .toList();
        return WebPages.page("portal/shipper", Section.SHIPPER_HOME, user, response)
                .addObject(
                        "toPay",
                        requests.stream()
                                .filter(r -> TO_PAY.contains(r.status()))
                                .toList())
                .addObject(
                        "others",
                        requests.stream()
                                .filter(r -> !TO_PAY.contains(r.status()))
                                .toList());
    }

    /** Opens the hosted payment page of one of the shipper's requests to pay. */
    @GetMapping("/portal/shipper/payment-requests/{id}/pay")
    RedirectView pay(@PathVariable UUID id, Authentication authentication) {
        WebPages.require(Section.SHIPPER_HOME, authentication);
        String page = paymentRequests
                .paymentPageForShipper(new PaymentRequestId(id))
                .orElseThrow(() -> new PageNotFound("No payment request " + id + " to pay"));
        var redirect = new RedirectView(page);
        redirect.setStatusCode(org.springframework.http.HttpStatus.SEE_OTHER);
        return redirect;
    }
}

package io.freightgate.backoffice;

import io.freightgate.billing.PaymentRequestView;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.security.WebUser;
import io.freightgate.transfers.TransferView;
import io.freightgate.transfers.Transfers;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A carrier's first page: its payment requests, newest first, and for each what the carrier's transfer waits for (the
 * payment, the delivery, a second delivery signal, the payout account, a hold) in the words of the release policy.
 */
@Controller
class CarrierPages {

    private static final int LIST_LIMIT = 100;

    private final PaymentRequests paymentRequests;
    private final Transfers transfers;

    CarrierPages(PaymentRequests paymentRequests, Transfers transfers) {
        this.paymentRequests = paymentRequests;
        this.transfers = transfers;
    }

    /** A payment request, its transfer and what that waits for in words (empty: nothing), as one row of the page. */
    record Row(PaymentRequestView request, Optional<TransferView> transfer, List<String> waits) {

        static Row of(PaymentRequestView request, Optional<TransferView> transfer) {
            return new Row(request, transfer, transfer.map(CarrierPages::waits).orElse(List.of()));
        }
    }

    @GetMapping("/portal/carrier")
    ModelAndView firstPage(Authentication authentication, HttpServletResponse response) {
        WebUser user = WebPages.require(Section.CARRIER_HOME, authentication);
        List<Row> rows = paymentRequests.list(false, LIST_LIMIT).stream()
                .filter(request -> request.carrier().equals(user.organization()))
                .map(request -> Row.of(request, transfers.find(request.id(), false)))
                .toList();
        return WebPages.page("portal/carrier", Section.CARRIER_HOME, user, response)
                .addObject("rows", rows);
    }

    /**
     * The release policy's reasons in words; the second-delivery-signal reason carries the policy's own sentence, and
     * holds are listed by the policy as HELD (their reasons are not repeated).
     */
    static List<String> waits(TransferView transfer) {
        return transfer.waitingFor().stream()
                .map(wait -> wait.equals("SECOND_DELIVERY_SIGNAL")
                                && transfer.deliveryWait().isPresent()
                        ? transfer.deliveryWait().get()
                        : describe(wait))
                .toList();
    }

    private static String describe(String wait) {
        return switch (wait) {
            case "AWAITING_PAYMENT" -> "The shipper's payment";
            case "DISPUTED" -> "The decision on the shipper's dispute";
            case "SCREENING_REVIEW" -> "A review of the payment by our risk team";
            case "DELIVERY_NOT_CONFIRMED" -> "Proof of delivery";
            case "SECOND_DELIVERY_SIGNAL" -> "A second delivery signal";
            case "PAYOUT_ACCOUNT_NOT_READY" -> "Your payout account: finish the onboarding with Stripe";
            case "CARRIER_NOT_VERIFIED" -> "Your organization's verification";
            case "HELD" -> "A hold placed by FreightGate";
            default -> wait.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}

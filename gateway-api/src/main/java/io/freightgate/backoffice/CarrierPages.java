package io.freightgate.backoffice;

import io.freightgate.billing.PaymentRequestView;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import io.freightgate.security.WebUser;
import io.freightgate.transfers.TransferView;
import io.freightgate.transfers.Transfers;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** The carrier roles that see money: the API lets them read transfers. */
    private static final Set<Role> MONEY = EnumSet.of(Role.CARRIER_ADMIN, Role.CARRIER_FINANCE);

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
        // The page shows what the API would: payment requests to dispatchers, transfers only to admins and finance
        // staff, neither to drivers (their loads reach them as driver links).
        boolean seesTransfers = user.hasAny(MONEY);
        boolean seesRequests = seesTransfers || user.hasAny(EnumSet.of(Role.CARRIER_DISPATCHER));
        List<Row> rows = !seesRequests
                ? List.of()
                : paymentRequests.list(Reach.OWN_TENANT, LIST_LIMIT).stream()
                        .filter(request -> request.carrier().equals(user.organization()))
                        .map(request -> seesTransfers
                                ? Row.of(request, transfers.find(request.id(), Reach.OWN_TENANT))
                                : Row.of(request, Optional.empty()))
                        .toList();
        return WebPages.page("portal/carrier", Section.CARRIER_HOME, user, response)
                .addObject("rows", rows)
                .addObject("seesRequests", seesRequests)
                .addObject("seesTransfers", seesTransfers);
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

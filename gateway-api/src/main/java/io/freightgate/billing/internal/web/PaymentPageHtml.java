package io.freightgate.billing.internal.web;

import io.freightgate.billing.PaymentAttemptView;
import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.billing.PaymentRequestView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The HTML of the hosted payment page, rendered from the templates {@code templates/pay/page.html} and
 * {@code pay/message.html}. Every value that comes from a user (carrier name, load reference, route, terms, Stripe's
 * messages) goes through {@code th:text}; the pages carry no inline script or style, so the Content-Security-Policy
 * forbids them. Without a publishable key the pages run no script at all; in Stripe.js mode the card field is Stripe's
 * iframe, mounted by {@code /pay-assets/card.js}. The pages are rendered to a string (rather than through a view) so
 * that {@link PaymentPage} keeps full control of the status, the redirects and the headers, and so that the security
 * chain's "form expired" answer is the same page.
 */
@Component
class PaymentPageHtml {

    /** The emulator's test PaymentMethods offered in local mode (where Stripe.js cannot load). */
    record TestCard(String paymentMethod, String label) {}

    static final List<TestCard> TEST_CARDS = List.of(
            new TestCard("pm_card_visa", "Visa 4242 4242 4242 4242: succeeds"),
            new TestCard("pm_card_mastercard", "Mastercard 5555 5555 5555 4444: succeeds"),
            new TestCard("pm_card_threeDSecure2Required", "Visa 4000 0000 0000 3220: 3-D Secure required"),
            new TestCard(
                    "pm_card_threeDSecureRequiredChargeDeclined",
                    "Visa 4000 0084 0000 1629: 3-D Secure, then declined"),
            new TestCard("pm_card_chargeDeclined", "Visa 4000 0000 0000 0002: declined (generic_decline)"),
            new TestCard(
                    "pm_card_chargeDeclinedInsufficientFunds",
                    "Visa 4000 0000 0000 9995: declined (insufficient_funds)"));

    /** The emulator's test IBANs, shown next to the direct debit form in local mode. */
    static final List<String> TEST_IBANS =
            List.of("DE89370400440532013000 (succeeds after 10 s)", "DE62370400440532013001 (fails after 10 s)");

    /** The SEPA Direct Debit mandate the payer accepts online (Stripe's wording, FreightGate as the creditor). */
    static final String MANDATE_TEXT = "By providing your IBAN and confirming this payment, you authorise FreightGate"
            + " and Stripe, our payment service provider, to send instructions to your bank to debit your account,"
            + " and your bank to debit your account in accordance with those instructions. You are entitled to a refund"
            + " from your bank under the terms and conditions of your agreement with your bank. A refund must be"
            + " claimed within 8 weeks starting from the date on which your account was debited.";

    /** How the card form is made: the emulator's test cards, or Stripe.js Elements with this publishable key. */
    sealed interface CardForm {}

    record TestCards() implements CardForm {}

    record StripeElements(String publishableKey) implements CardForm {}

    /** What the page shows: the request, its parties' names, a notice (an outcome or an error), the forms. */
    record Page(
            String token, PaymentRequestView request, String carrierName, Optional<String> notice, CardForm cardForm) {}

    private static final DateTimeFormatter PAID_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ITemplateEngine templates;

    PaymentPageHtml(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The page of a request: its summary, its status and, while it can be paid, the forms. */
    String page(Page page, HttpServletRequest http, HttpServletResponse response) {
        PaymentRequestView request = page.request();
        Map<String, Object> model = new HashMap<>();
        model.put("token", page.token());
        model.put("request", request);
        model.put("carrierName", page.carrierName());
        model.put("notice", page.notice().orElse(null));
        model.put("statusText", statusText(request));
        model.put("polling", processing(request));
        boolean payable = payable(request.status());
        model.put("payable", payable);
        model.put("stripe", page.cardForm() instanceof StripeElements);
        model.put(
                "publishableKey",
                page.cardForm() instanceof StripeElements(String publishableKey) ? publishableKey : null);
        model.put("testCards", TEST_CARDS);
        model.put("testIbans", String.join("; ", TEST_IBANS));
        model.put("mandateText", MANDATE_TEXT);
        model.put(
                "sepa", payable && request.amount().currency().getCurrencyCode().equals("EUR"));
        model.put(
                "nextActionUrl",
                request.status() == PaymentRequestStatus.PAYMENT_PENDING
                        ? latest(request)
                                .flatMap(PaymentAttemptView::nextActionUrl)
                                .orElse(null)
                        : null);
        return render("pay/page", model, http, response);
    }

    /** The status line alone, as the page's htmx polling asks for it while the payment is processing. */
    String status(String token, PaymentRequestView request, HttpServletRequest http, HttpServletResponse response) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("request", request);
        model.put("statusText", statusText(request));
        model.put("polling", processing(request));
        return render("pay/page", Set.of("status"), model, http, response);
    }

    /** A payment is on its way (a direct debit settling, a card payment Stripe has not decided yet). */
    static boolean processing(PaymentRequestView request) {
        return request.status() == PaymentRequestStatus.PAYMENT_PENDING;
    }

    /** The answer for unknown, malformed and otherwise unusable links alike: nothing tells them apart. */
    String invalidLink(HttpServletRequest http, HttpServletResponse response) {
        return render("pay/message", Map.of("heading", "Payment link not valid", "invalid", true), http, response);
    }

    String message(String title, String text, HttpServletRequest http, HttpServletResponse response) {
        return render("pay/message", Map.of("heading", title, "text", text, "invalid", false), http, response);
    }

    private String render(
            String template, Map<String, Object> model, HttpServletRequest http, HttpServletResponse response) {
        return render(template, Set.of(), model, http, response);
    }

    /** {@code template} (only its {@code fragments} when some are named) with {@code model}. */
    private String render(
            String template,
            Set<String> fragments,
            Map<String, Object> model,
            HttpServletRequest http,
            HttpServletResponse response) {
        var exchange = JakartaServletWebApplication.buildApplication(http.getServletContext())
                .buildExchange(http, response);
        var context = new WebContext(exchange, Locale.ENGLISH, model);
        return fragments.isEmpty()
                ? templates.process(template, context)
                : templates.process(template, fragments, context);
    }

    static boolean payable(PaymentRequestStatus status) {
        return status == PaymentRequestStatus.OPEN || status == PaymentRequestStatus.OVERDUE;
    }

    /** The latest attempt's outcome, in words for the payer (declines name Stripe's code). */
    static Optional<String> lastOutcome(PaymentRequestView request) {
        return latest(request).flatMap(attempt -> switch (attempt.outcome()) {
            case "DECLINED" ->
                Optional.of("Your last payment attempt was declined"
                        + attempt.declineCode().map(code -> " (" + code + ")").orElse("")
                        + attempt.failureMessage()
                                .map(message -> ": " + message)
                                .orElse(".")
                        + " Try another card or pay by direct debit.");
            case "NOT_ATTEMPTED" -> Optional.of("Your last payment attempt could not be sent; nothing was charged.");
            default -> Optional.empty();
        });
    }

    static String statusText(PaymentRequestView request) {
        return switch (request.status()) {
            case OPEN -> "Open: due on " + request.dueDate() + ".";
            case OVERDUE -> "Overdue since " + request.dueDate() + ". You can still pay it here.";
            case PAYMENT_PENDING ->
                request.paymentMethodType()
                                .filter("SEPA_DEBIT"::equalsIgnoreCase)
                                .isPresent()
                        ? "Your direct debit is processing; it settles in a few business days."
                        : "Your payment is being processed.";
            case AUTHORIZED ->
                request.captureOnDelivery()
                        ? "Your card payment is authorized; it is captured when the load is delivered."
                        // held for a fraud review: the payer is not told why, only that nothing more is asked of them
                        : "Your card payment is authorized and is being confirmed; your card is charged once that is"
                                + " done. There is nothing more to do here.";
            case PAID ->
                "Paid" + request.paidAt().map(at -> " on " + PAID_AT.format(at)).orElse("") + ". Thank you.";
            case PARTIALLY_REFUNDED -> "Paid; part of it was refunded.";
            case REFUNDED -> "Paid and refunded.";
            case DISPUTED -> "Paid; the payment is disputed.";
            case CANCELED -> "The carrier cancelled this payment request. There is nothing to pay.";
        };
    }

    private static Optional<PaymentAttemptView> latest(PaymentRequestView request) {
        return request.attempts().isEmpty()
                ? Optional.empty()
                : Optional.of(request.attempts().getLast());
    }
}

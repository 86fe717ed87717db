package io.freightgate.billing.internal.web;

import io.freightgate.billing.PaymentAttemptView;
import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.billing.PaymentRequestView;
import java.util.List;
import java.util.Optional;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the hosted payment page. Every value that comes from a user (carrier name, load reference, route, terms,
 * Stripe's messages, the payer's own input) passes through {@link #escape}; the pages carry no inline script, so the
 * Content-Security-Policy can forbid them. In Stripe.js mode the card field is Stripe's iframe, mounted by
 * {@code /pay-assets/card.js}.
 */
final class PaymentPageHtml {

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
            String token,
            PaymentRequestView request,
            String carrierName,
            Optional<String> notice,
            CardForm cardForm,
            String csrfField) {}

    private PaymentPageHtml() {}

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    static String page(Page page) {
        PaymentRequestView request = page.request();
        StringBuilder body = new StringBuilder();
        body.append("<dl>")
                .append(term("Carrier", page.carrierName(), "carrier"))
                .append(term("Load reference", request.loadReference(), "load-reference"))
                .append(term("Route", request.origin() + " - " + request.destination(), "route"))
                .append(term("Amount", request.amount().toString(), "amount"))
                .append(term("Due date", request.dueDate().toString(), "due-date"));
        request.terms().ifPresent(terms -> body.append(term("Terms", terms, "terms")));
        request.description().ifPresent(description -> body.append(term("Description", description, "description")));
        body.append("</dl>");
        page.notice().ifPresent(notice -> body.append("<p role=\"alert\" id=\"notice\">")
                .append(escape(notice))
                .append("</p>"));
        body.append("<p id=\"status\" data-status=\"")
                .append(request.status().name())
                .append("\">")
                .append(escape(statusText(request)))
                .append("</p>");
        if (payable(request.status())) {
            body.append(cardForm(page));
            if (request.amount().currency().getCurrencyCode().equals("EUR")) {
                body.append(sepaForm(page));
            }
        } else if (request.status() == PaymentRequestStatus.PAYMENT_PENDING) {
            latest(request).flatMap(PaymentAttemptView::nextActionUrl).ifPresent(url -> body.append(
                            "<p><a id=\"next-action\" href=\"")
                    .append(escape(url))
                    .append("\">Complete 3-D Secure with your bank</a></p>"));
        }
        return html("Pay " + request.loadReference(), body.toString(), page.cardForm());
    }

    /** The answer for unknown, malformed and otherwise unusable links alike: nothing tells them apart. */
    static String invalidLink() {
        return html(
                "Payment link not valid",
                "<p id=\"invalid\">This payment link is not valid. Check that you opened the whole link from the"
                        + " payment request email, or ask the carrier to send the request again.</p>",
                new TestCards());
    }

    static String message(String title, String text) {
        return html(title, "<p role=\"alert\" id=\"notice\">" + escape(text) + "</p>", new TestCards());
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
            case AUTHORIZED -> "Your card payment is authorized; it is captured when the load is delivered.";
            case PAID -> "Paid" + request.paidAt().map(at -> " on " + at).orElse("") + ". Thank you.";
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

    private static String cardForm(Page page) {
        String action = "/pay/" + escape(page.token()) + "/card";
        String pay = "Pay " + escape(page.request().amount().toString()) + " by card";
        return switch (page.cardForm()) {
            case TestCards ignored -> {
                StringBuilder cards = new StringBuilder();
                boolean first = true;
                for (TestCard card : TEST_CARDS) {
                    cards.append("<label><input type=\"radio\" name=\"payment_method\" value=\"")
                            .append(escape(card.paymentMethod()))
                            .append('"')
                            .append(first ? " checked" : "")
                            .append("> ")
                            .append(escape(card.label()))
                            .append("</label>");
                    first = false;
                }
                yield "<h2>Card</h2><form id=\"card-form\" method=\"post\" action=\"" + action + "\">"
                        + page.csrfField()
                        + "<fieldset><legend>Test cards (local mode: the Stripe emulator; no real card is"
                        + " charged)</legend>" + cards + "</fieldset><button type=\"submit\">" + pay
                        + "</button></form>";
            }
            case StripeElements elements ->
                "<h2>Card</h2><form id=\"card-form\" method=\"post\" action=\"" + action
                        + "\" data-publishable-key=\"" + escape(elements.publishableKey()) + "\">" + page.csrfField()
                        + "<input type=\"hidden\" name=\"payment_method\" id=\"payment-method\">"
                        + "<div id=\"card-element\"></div><p id=\"card-errors\" role=\"alert\"></p>"
                        + "<button type=\"submit\">" + pay + "</button></form>";
        };
    }

    private static String sepaForm(Page page) {
        StringBuilder hint = new StringBuilder();
        if (page.cardForm() instanceof TestCards) {
            hint.append("<p>Test IBANs: ");
            hint.append(escape(String.join("; ", TEST_IBANS)));
            hint.append("</p>");
        }
        return "<h2>SEPA Direct Debit</h2><form id=\"sepa-form\" method=\"post\" action=\"/pay/"
                + escape(page.token()) + "/sepa-debit\">" + page.csrfField()
                + "<label>Account holder <input type=\"text\" name=\"account_holder\" maxlength=\"100\" required>"
                + "</label><label>Email <input type=\"email\" name=\"email\" maxlength=\"200\" required></label>"
                + "<label>IBAN <input type=\"text\" name=\"iban\" maxlength=\"42\" autocomplete=\"off\" required>"
                + "</label>" + hint + "<p id=\"mandate-text\">" + escape(MANDATE_TEXT) + "</p>"
                + "<label><input type=\"checkbox\" name=\"mandate_accepted\" value=\"true\" required> I accept this"
                + " mandate</label><button type=\"submit\">Pay "
                + escape(page.request().amount().toString())
                + " by direct debit</button></form>";
    }

    private static String term(String name, String value, String id) {
        return "<dt>" + escape(name) + "</dt><dd id=\"" + id + "\">" + escape(value) + "</dd>";
    }

    private static String html(String title, String body, CardForm cardForm) {
        String scripts = cardForm instanceof StripeElements
                ? "<script src=\"https://js.stripe.com/v3/\"></script><script src=\"/pay-assets/card.js\"></script>"
                : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>%s · FreightGate</title>
                <style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em}label{display:block;margin:.6em 0}
                dt{font-weight:bold}[role=alert]{color:#a00}form{margin:1em 0;padding:1em;border:1px solid #ccc}</style>
                </head>
                <body><h1>%s</h1>%s%s</body>
                </html>""".formatted(escape(title), escape(title), body, scripts);
    }
}

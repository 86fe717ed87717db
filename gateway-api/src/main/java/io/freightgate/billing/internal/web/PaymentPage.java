package io.freightgate.billing.internal.web;

import io.freightgate.billing.PayWith;
import io.freightgate.billing.PayerContext;
import io.freightgate.billing.PaymentLinkAccess;
import io.freightgate.billing.PaymentOutcome;
import io.freightgate.billing.PaymentRequestNotFound;
import io.freightgate.billing.PaymentRequestView;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.billing.Payments;
import io.freightgate.billing.internal.PaymentTokens;
import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.LimitKey;
import io.freightgate.platform.ratelimit.RateLimitHeaders;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.ratelimit.UserType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The hosted payment page, where a shipper's payer opens the link of the payment request mail: no login, the token in
 * the link is the only credential ({@link PaymentRequests#openPaymentLink}); paying acts as the shipper organization
 * with the actor {@code payment-page:<request id>}. Card payments that need 3-D Secure are redirected to the bank's
 * page (the emulator's in local mode) and come back to {@code /pay/{token}/complete}, which re-reads the PaymentIntent
 * and shows the outcome. Unknown, revoked and malformed tokens get the same 404 page; the link of a cancelled request
 * or an expired link a 410 page that says so. Requests are rate limited by the policy table (views per client address;
 * payment attempts per address and per pay link), and a pay link on the block list (card testing: too many declines)
 * takes no payment attempt until the block ends or a risk analyst lifts it: no PaymentIntent is made.
 */
@Controller
class PaymentPage {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("PaymentPage on its own authority");

    /** Views of the page, limited per address (the policy table's pay-page-view row). */
    static final String VIEWS = "pay-page-view";
    /**
     * Payment attempts, limited per address and per pay link (the table's payment-attempt rows); declines count against
     * the pay link, and enough of them block it and the address for payments (card testing, docs/fraud.md).
     */
    static final String SUBMISSIONS = "payment-attempt";

    private static final Logger log = LoggerFactory.getLogger(PaymentPage.class);

    private final PaymentRequests paymentRequests;
    private final Payments payments;
    private final Throttle throttle;
    private final Clock clock;
    private final String payPageUrl;
    private final PaymentPageHtml.CardForm cardForm;
    private final PaymentPageHtml html;

    PaymentPage(
            PaymentPageHtml html,
            PaymentRequests paymentRequests,
            Payments payments,
            Throttle throttle,
            Clock clock,
            @Value("${freightgate.payments.pay-page-url}") String payPageUrl,
            @Value("${freightgate.stripe.publishable-key:}") String publishableKey) {
        this.html = html;
        this.paymentRequests = paymentRequests;
        this.payments = payments;
        this.throttle = throttle;
        this.clock = clock;
        this.payPageUrl = payPageUrl.endsWith("/") ? payPageUrl : payPageUrl + "/";
        this.cardForm = cardForm(publishableKey);
    }

    /** Stripe.js Elements with a publishable key; otherwise (local mode, tests) the emulator's test cards. */
    static PaymentPageHtml.CardForm cardForm(String publishableKey) {
        return publishableKey != null && publishableKey.matches("pk_(test|live)_[A-Za-z0-9]+")
                ? new PaymentPageHtml.StripeElements(publishableKey)
                : new PaymentPageHtml.TestCards();
    }

    @GetMapping("/pay/{token}")
    ResponseEntity<String> show(@PathVariable String token, HttpServletRequest http, HttpServletResponse response) {
        return limited(
                VIEWS,
                token,
                http,
                response,
                () -> withLink(
                        token,
                        http,
                        response,
                        request -> page(200, token, request, PaymentPageHtml.lastOutcome(request), http, response)));
    }

    /**
     * The status line while a payment is processing (htmx polls it). Once the status has moved on, the answer tells
     * htmx to reload the page ({@code HX-Refresh}), so the payer sees the outcome and, after a failure, the forms again.
     */
    @GetMapping("/pay/{token}/status")
    ResponseEntity<String> status(@PathVariable String token, HttpServletRequest http, HttpServletResponse response) {
        return limited(
                VIEWS,
                token,
                http,
                response,
                () -> withLink(token, http, response, request -> {
                    if (!PaymentPageHtml.processing(request)) {
                        response.setHeader("HX-Refresh", "true");
                    }
                    return html(200, html.status(token, request, http, response));
                }));
    }

    @PostMapping("/pay/{token}/card")
    ResponseEntity<String> payByCard(
            @PathVariable String token, CardPaymentForm form, HttpServletRequest http, HttpServletResponse response) {
        String paymentMethod = form.paymentMethod();
        return limited(
                SUBMISSIONS,
                token,
                http,
                response,
                () -> withLink(token, http, response, request -> {
                    if (!acceptedPaymentMethod(paymentMethod)) {
                        return page(422, token, request, Optional.of("Choose a card."), http, response);
                    }
                    return pay(
                            token,
                            request,
                            new PayWith.Card(paymentMethod, Optional.of(payPageUrl + token + "/complete")),
                            Optional.ofNullable(form.deviceFingerprint()),
                            http,
                            response);
                }));
    }

    @PostMapping("/pay/{token}/sepa-debit")
    ResponseEntity<String> payBySepaDebit(
            @PathVariable String token,
            SepaDebitPaymentForm form,
            HttpServletRequest http,
            HttpServletResponse response) {
        String iban = form.iban();
        String accountHolder = form.accountHolder();
        String email = form.email();
        String mandateAccepted = form.mandateAccepted();
        return limited(
                SUBMISSIONS,
                token,
                http,
                response,
                () -> withLink(token, http, response, request -> {
                    Optional<String> problem = SepaDebitForm.problem(iban, accountHolder, email, mandateAccepted);
                    if (problem.isPresent()) {
                        return page(422, token, request, problem, http, response);
                    }
                    String userAgent = Optional.ofNullable(http.getHeader(HttpHeaders.USER_AGENT))
                            .filter(agent -> !agent.isBlank())
                            .map(agent -> agent.length() > 500 ? agent.substring(0, 500) : agent)
                            .orElse("unknown");
                    return pay(
                            token,
                            request,
                            new PayWith.SepaDebit(
                                    SepaDebitForm.normalizedIban(iban),
                                    accountHolder.strip(),
                                    email.strip(),
                                    new PayWith.MandateAcceptance(http.getRemoteAddr(), userAgent, clock.instant())),
                            Optional.ofNullable(form.deviceFingerprint()),
                            http,
                            response);
                }));
    }

    /** Where the bank's 3-D Secure page sends the payer back: the attempt is re-read from Stripe, then shown. */
    @GetMapping("/pay/{token}/complete")
    ResponseEntity<String> complete(@PathVariable String token, HttpServletRequest http, HttpServletResponse response) {
        return limited(
                VIEWS,
                token,
                http,
                response,
                () -> withLink(token, http, response, found -> {
                    PaymentRequestView request = found;
                    try {
                        request = asShipper(request, () -> payments.refresh(found.id()));
                    } catch (RuntimeException e) {
                        log.warn(
                                "The payment page could not refresh payment request {}: {}",
                                request.id(),
                                e.toString());
                        return page(
                                200,
                                token,
                                request,
                                Optional.of("We could not confirm the payment with the bank yet. Reload this page in a"
                                        + " moment; do not pay again."),
                                http,
                                response);
                    }
                    return page(200, token, request, PaymentPageHtml.lastOutcome(request), http, response);
                }));
    }

    /** Runs {@code work} on the request a valid link opens; 410 for an ended link, 404 for any other token. */
    private ResponseEntity<String> withLink(
            String token,
            HttpServletRequest http,
            HttpServletResponse response,
            java.util.function.Function<PaymentRequestView, ResponseEntity<String>> work) {
        return switch (paymentRequests.openPaymentLink(token)) {
            case PaymentLinkAccess.Valid valid -> work.apply(valid.request());
            case PaymentLinkAccess.Ended ended ->
                html(410, html.message("Payment link no longer valid", ended.reason(), http, response));
            case PaymentLinkAccess.Unknown unknown -> invalidLink(http, response);
        };
    }

    private ResponseEntity<String> pay(
            String token,
            PaymentRequestView request,
            PayWith with,
            Optional<String> deviceFingerprint,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (!PaymentPageHtml.payable(request.status())) {
            return page(409, token, request, Optional.of("This payment request cannot be paid now."), http, response);
        }
        PaymentOutcome outcome;
        try {
            var payer = new PayerContext(
                    Optional.ofNullable(http.getRemoteAddr()),
                    Optional.ofNullable(http.getHeader(HttpHeaders.USER_AGENT)),
                    Optional.of(PaymentTokens.hash(token)),
                    deviceFingerprint);
            outcome = asShipper(request, () -> payments.pay(request.id(), with, payer));
        } catch (PaymentRequestNotFound notFound) {
            return invalidLink(http, response);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            return page(
                    409,
                    token,
                    reread(request),
                    Optional.of(Objects.requireNonNullElse(refused.getMessage(), "This payment cannot be made now.")),
                    http,
                    response);
        }
        return switch (outcome) {
            case PaymentOutcome.Approved approved -> backToPage(token);
            case PaymentOutcome.Pending pending ->
                pending.attempt().nextActionUrl().isPresent()
                        ? ResponseEntity.status(303)
                                .location(java.net.URI.create(
                                        pending.attempt().nextActionUrl().get()))
                                .cacheControl(CacheControl.noStore())
                                .build()
                        : backToPage(token);
            case PaymentOutcome.Declined declined -> {
                // the pay link alone: its address may be an office's, shared by payers of other links
                throttle.failed(
                        SUBMISSIONS,
                        UserType.ANONYMOUS,
                        payLink(token),
                        List.of(),
                        "declined (" + declined.declineCode() + ")");
                yield page(
                        402,
                        token,
                        reread(request),
                        Optional.of("Your payment was declined (" + declined.declineCode() + "): "
                                + declined.message()
                                + " Nothing was charged; try another card or pay by direct debit."),
                        http,
                        response);
            }
            case PaymentOutcome.Blocked blocked ->
                page(403, token, reread(request), Optional.of(blocked.message()), http, response);
            case PaymentOutcome.NotVerified notVerified ->
                page(
                        403,
                        token,
                        request,
                        Optional.of("This payment request cannot be paid until both parties have completed"
                                + " verification. Please contact the carrier."),
                        http,
                        response);
            case PaymentOutcome.ProviderUnavailable unavailable ->
                page(503, token, reread(request), Optional.of(unavailable.message()), http, response);
        };
    }

    private static ResponseEntity<String> backToPage(String token) {
        return ResponseEntity.status(303)
                .location(java.net.URI.create("/pay/" + token))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    private boolean acceptedPaymentMethod(String paymentMethod) {
        if (paymentMethod == null) {
            return false;
        }
        return switch (cardForm) {
            case PaymentPageHtml.TestCards ignored ->
                PaymentPageHtml.TEST_CARDS.stream()
                        .anyMatch(card -> card.paymentMethod().equals(paymentMethod));
            case PaymentPageHtml.StripeElements ignored -> paymentMethod.matches("pm_[A-Za-z0-9]{1,100}");
        };
    }

    private <T> T asShipper(PaymentRequestView request, Supplier<T> work) {
        return Tenancy.callAs(request.shipper(), "payment-page:" + request.id(), work);
    }

    private PaymentRequestView reread(PaymentRequestView request) {
        return paymentRequests.find(request.id(), ACROSS_TENANTS).orElse(request);
    }

    private ResponseEntity<String> page(
            int status,
            String token,
            PaymentRequestView request,
            Optional<String> notice,
            HttpServletRequest http,
            HttpServletResponse response) {
        String page = html.page(
                new PaymentPageHtml.Page(
                        token, request, paymentRequests.organizationName(request.carrier()), notice, cardForm),
                http,
                response);
        return html(status, page);
    }

    private ResponseEntity<String> invalidLink(HttpServletRequest http, HttpServletResponse response) {
        return html(404, html.invalidLink(http, response));
    }

    private ResponseEntity<String> limited(
            String action,
            String token,
            HttpServletRequest http,
            HttpServletResponse response,
            Supplier<ResponseEntity<String>> work) {
        List<LimitKey> keys = action.equals(SUBMISSIONS)
                ? List.of(LimitKey.ip(http.getRemoteAddr()), payLink(token))
                : List.of(LimitKey.ip(http.getRemoteAddr()));
        Throttle.Outcome outcome = throttle.check(action, UserType.ANONYMOUS, keys);
        if (!(outcome instanceof Throttle.Blocked)) {
            RateLimitHeaders.write(response, outcome);
        }
        return switch (outcome) {
            case Throttle.Passed passed -> work.get();
            case Throttle.Limited limited -> {
                long seconds = RateLimitHeaders.seconds(limited.retryAfter());
                yield ResponseEntity.status(429)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noStore())
                        .body(html.message(
                                "Too many requests",
                                "Too many requests from your network. Try again in " + seconds + " seconds.",
                                http,
                                response));
            }
            // Says neither why nor until when: a card tester learns nothing; a payer knows whom to ask.
            case Throttle.Blocked blocked ->
                ResponseEntity.status(403)
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noStore())
                        .body(html.message(
                                "Payment not possible",
                                "This payment link cannot take payments at the moment. Nothing was charged. Please"
                                        + " contact the carrier who sent it.",
                                http,
                                response));
        };
    }

    /** The pay link's key: the hash of its token (never the token, which is the link's credential). */
    private static LimitKey payLink(String token) {
        return new LimitKey(KeyKind.PAY_LINK, PaymentTokens.hash(token));
    }

    private static ResponseEntity<String> html(int status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /** The card form's field: the chosen PaymentMethod (a test card, or the one Stripe.js created). */
    record CardPaymentForm(
            @BindParam("payment_method") String paymentMethod,
            @BindParam("device_fingerprint") @Nullable String deviceFingerprint) {}

    /** The direct debit form's fields, named as the form names them. */
    record SepaDebitPaymentForm(
            String iban,
            @BindParam("account_holder") String accountHolder,
            String email,
            @BindParam("mandate_accepted") String mandateAccepted,
            @BindParam("device_fingerprint") @Nullable String deviceFingerprint) {}

    /** The direct debit form's checks, before anything is sent to Stripe. */
    static final class SepaDebitForm {

        private SepaDebitForm() {}

        static Optional<String> problem(String iban, String accountHolder, String email, String mandateAccepted) {
            if (!"true".equals(mandateAccepted)) {
                return Optional.of("Accept the mandate to pay by direct debit.");
            }
            if (accountHolder == null || accountHolder.isBlank() || accountHolder.length() > 100) {
                return Optional.of("Enter the account holder's name (at most 100 characters).");
            }
            if (email == null || !email.strip().matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
                return Optional.of("Enter an email address for the debit notification.");
            }
            if (iban == null || !normalizedIban(iban).matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
                return Optional.of("Enter a valid IBAN.");
            }
            return Optional.empty();
        }

        static String normalizedIban(String iban) {
            return iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        }
    }
}

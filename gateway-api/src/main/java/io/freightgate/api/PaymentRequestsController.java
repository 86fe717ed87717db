package io.freightgate.api;

import io.freightgate.billing.CreatePaymentRequest;
import io.freightgate.billing.PayWith;
import io.freightgate.billing.PayerContext;
import io.freightgate.billing.PaymentAttemptView;
import io.freightgate.billing.PaymentOutcome;
import io.freightgate.billing.PaymentRequestView;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.billing.Payments;
import io.freightgate.billing.RefundView;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/payment-requests}: carriers bill shippers for loads, shippers pay (card with 3-D Secure, SEPA Direct
 * Debit), carriers capture authorizations held until delivery and refund. A request is visible to the carrier that
 * issued it and the shipper it is addressed to; anyone else gets 404. Platform staff reach every request (audited).
 */
@RestController
@RequestMapping("/api/v1/payment-requests")
@Tag(name = "Payment requests", description = "Billing shippers for loads and collecting the payment")
@SecurityRequirement(name = "bearer")
class PaymentRequestsController {

    private static final String CARRIER_BILLING =
            "hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'CARRIER_DISPATCHER')";
    private static final String READERS = "hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'CARRIER_DISPATCHER',"
            + " 'SHIPPER_ADMIN', 'SHIPPER_PAYER', 'PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR',"
            + " 'RISK_ANALYST', 'COMPLIANCE_OFFICER')";
    private static final String LINK_ISSUERS = "hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'CARRIER_DISPATCHER',"
            + " 'PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR')";
    private static final String SHIPPER_PAYERS = "hasAnyRole('SHIPPER_ADMIN', 'SHIPPER_PAYER')";
    private static final String CARRIER_FINANCE_OR_STAFF =
            "hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR')";

    private final PaymentRequests paymentRequests;
    private final Payments payments;
    private final Clock clock;

    PaymentRequestsController(PaymentRequests paymentRequests, Payments payments, Clock clock) {
        this.paymentRequests = paymentRequests;
        this.payments = payments;
        this.clock = clock;
    }

    record CreateRequest(
            @NotNull UUID shipperId,
            @NotNull @Positive Long amountMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotBlank @Size(max = 64) String loadReference,
            @Nullable UUID loadId,
            @NotBlank @Size(max = 200) String origin,
            @NotBlank @Size(max = 200) String destination,
            @NotNull LocalDate pickupDate,
            @NotNull LocalDate deliveryDate,
            @NotNull LocalDate dueDate,
            @Size(max = 2000) @Nullable String terms,
            @Size(max = 2000) @Nullable String description,
            @Nullable Boolean captureOnDelivery) {}

    record PayRequest(
            @NotNull @Pattern(regexp = "card|sepa_debit") String method,

            @Size(max = 255) @Pattern(regexp = "(pm|tok)_[A-Za-z0-9_]+") @Nullable
            String paymentMethod,

            @Size(max = 2000) @Nullable String returnUrl,

            @Size(max = 34) @Pattern(regexp = "[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{10,32}") @Nullable
            String iban,

            @Size(max = 200) @Nullable String accountHolderName,
            @Email @Size(max = 320) @Nullable String email,
            @Nullable Boolean mandateAccepted) {}

    record RefundRequest(
            @Positive @Max(99_999_999L) @Nullable Long amountMinor,
            @Size(max = 500) @Nullable String reason) {}

    record CreatedResponse(PaymentRequestView paymentRequest, String paymentPageUrl) {}

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(CARRIER_BILLING)
    @Operation(
            summary = "Bill a shipper for a load",
            description = "Amount in minor units of the currency (EUR, USD, GBP, CHF, PLN, CZK, SEK, DKK, NOK, HUF,"
                    + " RON, BGN; SEPA Direct Debit in EUR only). The shipper's contact is mailed a link to the hosted"
                    + " payment page, returned here once as payment_page_url. capture_on_delivery authorizes the card"
                    + " and captures later (POST .../capture, or the expiry guard before 7 days).")
    ResponseEntity<CreatedResponse> create(@Valid @RequestBody CreateRequest body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Currency currency;
        try {
            currency = Currency.getInstance(body.currency());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency " + body.currency());
        }
        var created = paymentRequests.create(
                caller.organization(),
                new CreatePaymentRequest(
                        new TenantId(body.shipperId()),
                        new Money(body.amountMinor(), currency),
                        body.loadReference().strip(),
                        Optional.ofNullable(body.loadId()),
                        body.origin().strip(),
                        body.destination().strip(),
                        body.pickupDate(),
                        body.deliveryDate(),
                        body.dueDate(),
                        Optional.ofNullable(body.terms()),
                        Optional.ofNullable(body.description()),
                        Boolean.TRUE.equals(body.captureOnDelivery())));
        return ResponseEntity.created(URI.create(
                        "/api/v1/payment-requests/" + created.request().id()))
                .body(new CreatedResponse(created.request(), created.paymentPageUrl()));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The newest payment requests the caller's organization issued or has to pay")
    List<PaymentRequestView> list(
            @RequestParam(name = "limit", defaultValue = "50") int limit, Authentication authentication) {
        return paymentRequests.list(reach(authentication), limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A payment request with its payment attempts and refunds")
    PaymentRequestView get(@PathVariable UUID id, Authentication authentication) {
        return paymentRequests
                .find(new PaymentRequestId(id), reach(authentication))
                .orElseThrow(() -> new NotFound("Payment request " + id));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(CARRIER_BILLING)
    @Operation(summary = "Withdraw an open payment request")
    PaymentRequestView cancel(@PathVariable UUID id) {
        return paymentRequests.cancel(new PaymentRequestId(id), Reach.OWN_TENANT);
    }

    @PostMapping("/{id}/payment-links")
    @PreAuthorize(LINK_ISSUERS)
    @Operation(
            summary = "Issue a new link to the hosted payment page",
            description = "A new random link (payment_page_url, shown once) valid until expires_at"
                    + " (freightgate.payments.pay-link-validity, 30 days by default); the previous link stops working"
                    + " at once and the reminder mails carry the new one. For the carrier's billing staff and platform"
                    + " finance. 409 unless the request is open; 404 for another carrier's request.")
    ResponseEntity<PaymentRequests.PaymentLink> reissuePaymentLink(
            @PathVariable UUID id, Authentication authentication) {
        return ResponseEntity.status(201)
                .body(paymentRequests.reissuePaymentLink(new PaymentRequestId(id), reach(authentication)));
    }

    @PostMapping("/{id}/payments")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PaymentAttemptView.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Pending: 3-D Secure to complete, or a SEPA debit processing",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PaymentAttemptView.class)))
    @PreAuthorize(SHIPPER_PAYERS)
    @Operation(
            summary = "Pay a payment request",
            description = "card: payment_method is a Stripe PaymentMethod id (from Stripe.js; pm_card_* test ids in"
                    + " local mode). 201 with outcome APPROVED when paid or authorized; 202 with outcome PENDING and"
                    + " next_action_url when 3-D Secure must be completed (completion arrives by webhook), or while a"
                    + " SEPA debit is processing. sepa_debit (EUR): iban, account_holder_name, email and"
                    + " mandate_accepted=true; the caller's IP address and user agent are recorded with the mandate."
                    + " Declines: 402 payment-declined with decline_code. Screening: 422 payment-blocked. Unknown"
                    + " outcome: 503; do not pay again, the request shows the result once reconciled.")
    ResponseEntity<?> pay(@PathVariable UUID id, @Valid @RequestBody PayRequest body, HttpServletRequest http) {
        PayWith with;
        if (body.method().equals("card")) {
            if (body.paymentMethod() == null) {
                throw new IllegalArgumentException("payment_method is required for card payments");
            }
            with = new PayWith.Card(
                    body.paymentMethod(), Optional.ofNullable(body.returnUrl()).map(this::absolute));
        } else {
            if (body.iban() == null || body.accountHolderName() == null || body.email() == null) {
                throw new IllegalArgumentException("iban, account_holder_name and email are required for SEPA debits");
            }
            if (!Boolean.TRUE.equals(body.mandateAccepted())) {
                throw new IllegalArgumentException("The payer must accept the SEPA Direct Debit mandate");
            }
            String userAgent = Optional.ofNullable(http.getHeader("User-Agent")).orElse("unknown");
            with = new PayWith.SepaDebit(
                    body.iban().replace(" ", "").toUpperCase(java.util.Locale.ROOT),
                    body.accountHolderName(),
                    body.email(),
                    new PayWith.MandateAcceptance(
                            http.getRemoteAddr(),
                            userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent,
                            clock.instant()));
        }
        var payer = new PayerContext(
                Optional.ofNullable(http.getRemoteAddr()),
                Optional.ofNullable(http.getHeader("User-Agent")),
                Optional.empty());
        return switch (payments.pay(new PaymentRequestId(id), with, payer)) {
            case PaymentOutcome.Approved approved ->
                ResponseEntity.status(HttpStatus.CREATED).body(approved.attempt());
            case PaymentOutcome.Pending pending ->
                ResponseEntity.status(HttpStatus.ACCEPTED).body(pending.attempt());
            case PaymentOutcome.Declined declined -> {
                ProblemDetail problem = ProblemResponses.detail(ProblemType.PAYMENT_DECLINED, declined.message(), http);
                problem.setProperty("decline_code", declined.declineCode());
                problem.setProperty("attempt_id", declined.attemptId().toString());
                yield problem(problem);
            }
            case PaymentOutcome.Blocked blocked -> {
                ProblemDetail problem = ProblemResponses.detail(ProblemType.PAYMENT_BLOCKED, blocked.message(), http);
                problem.setProperty("attempt_id", blocked.attemptId().toString());
                yield problem(problem);
            }
            case PaymentOutcome.NotVerified notVerified ->
                problem(ProblemResponses.detail(ProblemType.ORGANIZATION_NOT_VERIFIED, notVerified.reason(), http));
            case PaymentOutcome.ProviderUnavailable unavailable ->
                problem(ProblemResponses.detail(ProblemType.SERVICE_UNAVAILABLE, unavailable.message(), http));
        };
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(problem);
    }

    @PostMapping("/{id}/capture")
    @PreAuthorize(CARRIER_FINANCE_OR_STAFF)
    @Operation(summary = "Capture a card payment authorized until delivery")
    PaymentRequestView capture(@PathVariable UUID id, Authentication authentication) {
        return payments.capture(new PaymentRequestId(id), reach(authentication));
    }

    @PostMapping("/{id}/refunds")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(CARRIER_FINANCE_OR_STAFF)
    @Operation(
            summary = "Refund all (no amount) or part of a paid request",
            description = "Refused with 409 on disputed or unpaid requests, 422 beyond what is left to refund.")
    ResponseEntity<RefundView> refund(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable RefundRequest body,
            Authentication authentication) {
        var request = body == null ? new RefundRequest(null, null) : body;
        var refund = payments.refund(
                new PaymentRequestId(id),
                Optional.ofNullable(request.amountMinor()),
                Optional.ofNullable(request.reason()),
                reach(authentication));
        return ResponseEntity.status(HttpStatus.CREATED).body(refund);
    }

    @PutMapping(value = "/{id}/rate-confirmation", consumes = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(CARRIER_BILLING)
    @Operation(summary = "Attach the rate confirmation (PDF) to the request")
    PaymentRequestView attachRateConfirmation(@PathVariable UUID id, @RequestBody byte[] content) {
        return paymentRequests.attachRateConfirmation(
                new PaymentRequestId(id), "rate-confirmation-" + id + ".pdf", content, Reach.OWN_TENANT);
    }

    @GetMapping(value = "/{id}/rate-confirmation", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READERS)
    @Operation(summary = "The attached rate confirmation")
    ResponseEntity<byte[]> rateConfirmation(@PathVariable UUID id, Authentication authentication) {
        Reach reach = reach(authentication);
        paymentRequests.find(new PaymentRequestId(id), reach).orElseThrow(() -> new NotFound("Payment request " + id));
        var document = paymentRequests
                .rateConfirmation(new PaymentRequestId(id), reach)
                .orElseThrow(() -> new NotFound("Rate confirmation of payment request " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"rate-confirmation-" + id + ".pdf\"")
                .body(document.content());
    }

    private static Reach reach(Authentication authentication) {
        return Caller.of(authentication).reach(Role.values());
    }

    private String absolute(String url) {
        URI uri = URI.create(url);
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("return_url must be an absolute http(s) URL");
        }
        return url;
    }
}

package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static io.freightgate.api.SliceProblems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.billing.CreatePaymentRequest;
import io.freightgate.billing.PayWith;
import io.freightgate.billing.PaymentAttemptView;
import io.freightgate.billing.PaymentOutcome;
import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.billing.PaymentRequestView;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.billing.Payments;
import io.freightgate.billing.RefundView;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link PaymentRequestsController} alone: billing, paying, capturing and refunding through its facades. */
@ApiSlice(PaymentRequestsController.class)
class PaymentRequestsApiWebTests {

    private static final PaymentRequestId ID = PaymentRequestId.of("5a1e0000-0000-4000-8000-000000000001");
    private static final Money AMOUNT = new Money(125_000, Currency.getInstance("EUR"));

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    PaymentRequests paymentRequests;

    @MockitoBean
    Payments payments;

    private static final String CREATE = """
            {"shipper_id": "%s", "amount_minor": 125000, "currency": "EUR", "load_reference": "  LD-1  ",
             "origin": " Hamburg ", "destination": "Lyon", "pickup_date": "2026-12-08",
             "delivery_date": "2026-12-10", "due_date": "2027-01-09", "description": "Reefer"}
            """.formatted(SHIPPER.value());

    @Test
    void aCarrierBillsAShipperAndGetsTheRequestAndItsPaymentPageOnce() throws Exception {
        when(paymentRequests.create(any(), any()))
                .thenReturn(new PaymentRequests.Created(view(PaymentRequestStatus.OPEN), "http://localhost/pay/abc"));

        mvc.perform(post("/api/v1/payment-requests")
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/payment-requests/" + ID))
                .andExpect(jsonPath("$.payment_page_url").value("http://localhost/pay/abc"))
                .andExpect(jsonPath("$.payment_request.id").value(ID.toString()))
                .andExpect(jsonPath("$.payment_request.status").value("OPEN"))
                .andExpect(jsonPath("$.payment_request.amount.minor").value(125000))
                .andExpect(jsonPath("$.payment_request.amount.currency").value("EUR"))
                .andExpect(jsonPath("$.payment_request.amount.formatted").value("1250.00 EUR"))
                .andExpect(jsonPath("$.payment_request.carrier").value(CARRIER.toString()))
                .andExpect(OpenApiShapes.matches("PaymentRequestsCreatedResponse"));

        verify(paymentRequests)
                .create(
                        CARRIER,
                        new CreatePaymentRequest(
                                SHIPPER,
                                AMOUNT,
                                "LD-1",
                                Optional.empty(),
                                "Hamburg",
                                "Lyon",
                                LocalDate.parse("2026-12-08"),
                                LocalDate.parse("2026-12-10"),
                                LocalDate.parse("2027-01-09"),
                                Optional.empty(),
                                Optional.of("Reefer"),
                                false));
    }

    @Test
    void withoutATokenTheAnswerIs401AndNothingIsCreated() throws Exception {
        mvc.perform(post("/api/v1/payment-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE))
                .andExpect(problem(ProblemType.UNAUTHENTICATED))
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"freightgate\""));
        mvc.perform(get("/api/v1/payment-requests/{id}", ID).header("Authorization", "Bearer not-a-jwt"))
                .andExpect(problem(ProblemType.UNAUTHENTICATED))
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        verifyNoInteractions(paymentRequests, payments);
    }

    @Test
    void onlyTheCarriersBillingStaffMayBill() throws Exception {
        for (Role role : List.of(Role.SHIPPER_ADMIN, Role.CARRIER_DRIVER, Role.PLATFORM_ADMIN)) {
            mvc.perform(post("/api/v1/payment-requests")
                            .with(callers.as(role == Role.PLATFORM_ADMIN ? PLATFORM : SHIPPER, role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(CREATE))
                    .andExpect(problem(ProblemType.FORBIDDEN));
        }
        verifyNoInteractions(paymentRequests);
    }

    @Test
    void missingAndInvalidFieldsAreNamedAndNothingIsCreated() throws Exception {
        mvc.perform(post("/api/v1/payment-requests")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"shipper_id": "%s", "amount_minor": -5, "currency": "eur", "origin": "Hamburg"}
                                """.formatted(SHIPPER.value())))
                .andExpect(problem(ProblemType.VALIDATION_FAILED))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.hasItems(
                                "amountMinor", "currency", "loadReference", "destination", "dueDate")));
        verifyNoInteractions(paymentRequests);
    }

    @Test
    void malformedJsonAnUnknownCurrencyAndAMissingIdempotencyKeyChangeNothing() throws Exception {
        mvc.perform(post("/api/v1/payment-requests")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shipper_id\": "))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        mvc.perform(post("/api/v1/payment-requests")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE.replace("\"EUR\"", "\"XYZ\"")))
                .andExpect(problem(ProblemType.UNPROCESSABLE));
        mvc.perform(post("/api/v1/payment-requests")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(CREATE))
                .andExpect(problem(ProblemType.UNSUPPORTED_MEDIA_TYPE));
        mvc.perform(post("/api/v1/payment-requests")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .header("Idempotency-Key", "")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE))
                .andExpect(problem(ProblemType.IDEMPOTENCY_KEY_MISSING));
        verifyNoInteractions(paymentRequests);
    }

    @Test
    void aBodyOverTheLimitIs413AndNothingIsCreated() throws Exception {
        byte[] huge = new byte[(int) ApiSliceConfiguration.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(post("/api/v1/payment-requests")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(problem(ProblemType.PAYLOAD_TOO_LARGE));
        verifyNoInteractions(paymentRequests);
    }

    @Test
    void aRetryWithTheSameKeyIsAnsweredFromTheRecordsWithoutBillingTwice() throws Exception {
        when(paymentRequests.create(any(), any()))
                .thenReturn(new PaymentRequests.Created(view(PaymentRequestStatus.OPEN), "http://localhost/pay/abc"));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            var result = mvc.perform(post("/api/v1/payment-requests")
                            .with(SliceCallers.idempotencyKey(key))
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(CREATE))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.payment_request.id").value(ID.toString()))
                    .andReturn();
            assertThat(result.getResponse().getHeader("Idempotent-Replayed")).isEqualTo(i == 0 ? null : "true");
        }
        mvc.perform(post("/api/v1/payment-requests")
                        .with(SliceCallers.idempotencyKey(key))
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE.replace("Lyon", "Lille")))
                .andExpect(problem(ProblemType.IDEMPOTENCY_KEY_REUSED));
        verify(paymentRequests, times(1)).create(any(), any());
    }

    @Test
    void readersSeeTheirOwnRequestsAndPlatformStaffReachAcrossTenants() throws Exception {
        when(paymentRequests.find(eq(ID), any())).thenReturn(Optional.of(view(PaymentRequestStatus.PAID)));

        mvc.perform(get("/api/v1/payment-requests/{id}", ID).with(callers.as(SHIPPER, Role.SHIPPER_PAYER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.load_reference").value("LD-1"))
                .andExpect(jsonPath("$.pickup_date").value("2026-12-08"))
                .andExpect(OpenApiShapes.matches("PaymentRequestView"));
        verify(paymentRequests).find(ID, Reach.OWN_TENANT);

        mvc.perform(get("/api/v1/payment-requests/{id}", ID).with(callers.as(PLATFORM, Role.RISK_ANALYST)))
                .andExpect(status().isOk());
        verify(paymentRequests).find(ID, Reach.acrossTenants("platform staff"));

        // A platform role held by a carrier's user gives no reach across tenants.
        mvc.perform(get("/api/v1/payment-requests/{id}", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk());
        verify(paymentRequests, times(2)).find(ID, Reach.OWN_TENANT);

        mvc.perform(get("/api/v1/payment-requests").param("limit", "7").with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isOk());
        verify(paymentRequests).list(Reach.OWN_TENANT, 7);
    }

    @Test
    void anUnknownOrUnreadableIdIsAProblem() throws Exception {
        when(paymentRequests.find(any(), any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/payment-requests/{id}", ID).with(callers.as(SHIPPER, Role.SHIPPER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get("/api/v1/payment-requests/not-a-uuid").with(callers.as(SHIPPER, Role.SHIPPER_ADMIN)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        mvc.perform(get("/api/v1/payment-requests")
                        .param("limit", "many")
                        .with(callers.as(SHIPPER, Role.SHIPPER_ADMIN)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verify(paymentRequests, times(1)).find(any(), any());
        verify(paymentRequests, times(0)).list(any(), anyInt());
        mvc.perform(get("/api/v1/payment-requests/{id}", ID).with(callers.as(SHIPPER, Role.CARRIER_DRIVER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
    }

    @Test
    void aShipperPaysByCard201WhenApprovedAnd202WhilePending() throws Exception {
        when(payments.pay(eq(ID), any(), any()))
                .thenReturn(PaymentOutcome.of(attempt("APPROVED")), PaymentOutcome.of(attempt("PENDING")));
        String card = """
                {"method": "card", "payment_method": "pm_card_visa", "return_url": "https://shipper.example/done"}
                """;
        mvc.perform(post("/api/v1/payment-requests/{id}/payments", ID)
                        .with(callers.as(SHIPPER, Role.SHIPPER_PAYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(card))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("APPROVED"))
                .andExpect(jsonPath("$.payment_request_id").value(ID.toString()))
                .andExpect(OpenApiShapes.matches("PaymentAttemptView"));
        mvc.perform(post("/api/v1/payment-requests/{id}/payments", ID)
                        .with(callers.as(SHIPPER, Role.SHIPPER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(card))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("PENDING"));
        verify(payments, times(2))
                .pay(eq(ID), eq(new PayWith.Card("pm_card_visa", Optional.of("https://shipper.example/done"))), any());
    }

    @Test
    void aSepaDebitCarriesTheNormalisedIbanAndTheMandateAcceptance() throws Exception {
        when(payments.pay(eq(ID), any(), any())).thenReturn(PaymentOutcome.of(attempt("PENDING")));
        mvc.perform(post("/api/v1/payment-requests/{id}/payments", ID)
                        .with(callers.as(SHIPPER, Role.SHIPPER_PAYER))
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.7");
                            return request;
                        })
                        .header("User-Agent", "Slice/1.0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"method": "sepa_debit", "iban": "de89 3704 0044 0532 0130 00",
                                 "account_holder_name": "Spedition Nord", "email": "ap@nord.example",
                                 "mandate_accepted": true}
                                """))
                .andExpect(status().isAccepted());
        var with = ArgumentCaptor.forClass(PayWith.class);
        verify(payments).pay(eq(ID), with.capture(), any());
        assertThat(with.getValue())
                .isEqualTo(new PayWith.SepaDebit(
                        "DE89370400440532013000",
                        "Spedition Nord",
                        "ap@nord.example",
                        new PayWith.MandateAcceptance("198.51.100.7", "Slice/1.0", ApiSliceConfiguration.NOW)));
    }

    @Test
    void aPaymentWithoutItsMandateOrWithABadMethodOrReturnUrlChangesNothing() throws Exception {
        for (String body : List.of("""
                {"method": "sepa_debit", "iban": "DE89370400440532013000", "account_holder_name": "N",
                 "email": "ap@nord.example", "mandate_accepted": false}""", """
                {"method": "card"}""", """
                {"method": "card", "payment_method": "pm_card_visa", "return_url": "/relative"}""")) {
            mvc.perform(post("/api/v1/payment-requests/{id}/payments", ID)
                            .with(callers.as(SHIPPER, Role.SHIPPER_PAYER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(problem(ProblemType.UNPROCESSABLE));
        }
        for (String body : List.of("""
                {"method": "bitcoin"}""", """
                {"method": "card", "payment_method": "card_4242"}""", """
                {"method": "sepa_debit", "iban": "DE89", "account_holder_name": "N", "email": "not-an-address",
                 "mandate_accepted": true}""")) {
            mvc.perform(post("/api/v1/payment-requests/{id}/payments", ID)
                            .with(callers.as(SHIPPER, Role.SHIPPER_PAYER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        mvc.perform(post("/api/v1/payment-requests/{id}/payments", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"method\": \"card\", \"payment_method\": \"pm_card_visa\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verifyNoInteractions(payments);
    }

    @Test
    void aRefundWithoutABodyRefundsEverythingAndPlatformFinanceActsAcrossTenants() throws Exception {
        when(payments.refund(eq(ID), any(), any(), any())).thenReturn(refund());
        mvc.perform(post("/api/v1/payment-requests/{id}/refunds", ID).with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount.minor").value(125000))
                .andExpect(OpenApiShapes.matches("RefundView"));
        verify(payments).refund(ID, Optional.empty(), Optional.empty(), Reach.OWN_TENANT);

        mvc.perform(post("/api/v1/payment-requests/{id}/refunds", ID)
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount_minor\": 500, \"reason\": \"damaged pallet\"}"))
                .andExpect(status().isCreated());
        verify(payments)
                .refund(ID, Optional.of(500L), Optional.of("damaged pallet"), Reach.acrossTenants("platform staff"));

        mvc.perform(post("/api/v1/payment-requests/{id}/refunds", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount_minor\": 0}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        mvc.perform(post("/api/v1/payment-requests/{id}/refunds", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(payments, times(2)).refund(any(), any(), any(), any());
    }

    @Test
    void aFacadesBrokenPreconditionBecomesItsProblem() throws Exception {
        when(paymentRequests.cancel(ID, Reach.OWN_TENANT))
                .thenThrow(new IllegalStateException("Payment request is PAID"));
        mvc.perform(post("/api/v1/payment-requests/{id}/cancel", ID).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.STATE_CONFLICT))
                .andExpect(jsonPath("$.detail").value("Payment request is PAID"))
                .andExpect(jsonPath("$.instance").value("/api/v1/payment-requests/" + ID + "/cancel"))
                .andExpect(jsonPath("$.request_id").isNotEmpty());
        when(payments.capture(ID, Reach.acrossTenants("platform staff")))
                .thenThrow(new RuntimeException("boom: secret internals"));
        mvc.perform(post("/api/v1/payment-requests/{id}/capture", ID)
                        .with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR)))
                .andExpect(problem(ProblemType.INTERNAL_ERROR))
                .andExpect(jsonPath("$.detail")
                        .value("Something went wrong on our side. Quote the request id when reporting it."));
    }

    @Test
    void aNewPaymentLinkIsCreatedForBillingStaffOnly() throws Exception {
        when(paymentRequests.reissuePaymentLink(ID, Reach.OWN_TENANT))
                .thenReturn(new PaymentRequests.PaymentLink(
                        ID, "http://localhost/pay/new", Instant.parse("2027-01-06T10:00:00Z")));
        mvc.perform(post("/api/v1/payment-requests/{id}/payment-links", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.payment_page_url").value("http://localhost/pay/new"))
                .andExpect(jsonPath("$.expires_at").value("2027-01-06T10:00:00Z"))
                .andExpect(OpenApiShapes.matches("PaymentRequestsPaymentLink"));
        mvc.perform(post("/api/v1/payment-requests/{id}/payment-links", ID)
                        .with(callers.as(SHIPPER, Role.SHIPPER_PAYER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(paymentRequests, times(1)).reissuePaymentLink(any(), any());
    }

    @Test
    void theRateConfirmationIsAPdfInAndOut() throws Exception {
        byte[] pdf = "%PDF-1.7 rate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        when(paymentRequests.attachRateConfirmation(eq(ID), any(), any(), any()))
                .thenReturn(view(PaymentRequestStatus.OPEN));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/payment-requests/{id}/rate-confirmation", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER))
                        .contentType(MediaType.APPLICATION_PDF)
                        .content(pdf))
                .andExpect(status().isOk());
        var content = ArgumentCaptor.forClass(byte[].class);
        verify(paymentRequests)
                .attachRateConfirmation(
                        eq(ID), eq("rate-confirmation-" + ID + ".pdf"), content.capture(), eq(Reach.OWN_TENANT));
        assertThat(content.getValue()).isEqualTo(pdf);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/payment-requests/{id}/rate-confirmation", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER))
                        .contentType(MediaType.IMAGE_PNG)
                        .content(pdf))
                .andExpect(problem(ProblemType.UNSUPPORTED_MEDIA_TYPE));
        verify(paymentRequests, times(1)).attachRateConfirmation(any(), any(), any(), any());

        var document = org.mockito.Mockito.mock(io.freightgate.platform.documents.DocumentStore.Document.class);
        when(document.content()).thenReturn(pdf);
        when(paymentRequests.find(ID, Reach.OWN_TENANT)).thenReturn(Optional.of(view(PaymentRequestStatus.OPEN)));
        when(paymentRequests.rateConfirmation(ID, Reach.OWN_TENANT)).thenReturn(Optional.of(document));
        mvc.perform(get("/api/v1/payment-requests/{id}/rate-confirmation", ID)
                        .with(callers.as(SHIPPER, Role.SHIPPER_PAYER)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"rate-confirmation-" + ID + ".pdf\""))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .bytes(pdf));
    }

    @Test
    void anUnsupportedMethodOrMediaTypeIsItsProblem() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/payment-requests/{id}", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.METHOD_NOT_ALLOWED));
        when(paymentRequests.find(any(), any())).thenReturn(Optional.of(view(PaymentRequestStatus.OPEN)));
        mvc.perform(get("/api/v1/payment-requests/{id}", ID)
                        .accept(MediaType.APPLICATION_XML)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isNotAcceptable());
        verifyNoInteractions(payments);
    }

    static PaymentRequestView view(PaymentRequestStatus status) {
        var zero = new Money(0, Currency.getInstance("EUR"));
        return new PaymentRequestView(
                ID,
                CARRIER,
                SHIPPER,
                status,
                AMOUNT,
                status == PaymentRequestStatus.PAID ? AMOUNT : zero,
                zero,
                "LD-1",
                Optional.empty(),
                "Hamburg",
                "Lyon",
                LocalDate.parse("2026-12-08"),
                LocalDate.parse("2026-12-10"),
                LocalDate.parse("2027-01-09"),
                Optional.empty(),
                Optional.of("Reefer"),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                List.of(),
                List.of(),
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW);
    }

    private static PaymentAttemptView attempt(String outcome) {
        return new PaymentAttemptView(
                PaymentAttemptId.random(),
                ID,
                1,
                "card",
                outcome,
                Optional.of("succeeded"),
                Optional.of("pi_1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ApiSliceConfiguration.NOW);
    }

    private static RefundView refund() {
        return new RefundView(
                PaymentRefundId.random(),
                ID,
                AMOUNT,
                Optional.empty(),
                "SUCCEEDED",
                Optional.of("re_1"),
                Optional.of("succeeded"),
                Optional.empty(),
                ApiSliceConfiguration.NOW);
    }
}

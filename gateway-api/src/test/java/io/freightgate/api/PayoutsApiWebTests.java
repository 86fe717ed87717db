package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.OTHER_CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.Money;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.payouts.PayoutId;
import io.freightgate.payouts.PayoutNotFound;
import io.freightgate.payouts.PayoutStatus;
import io.freightgate.payouts.PayoutView;
import io.freightgate.payouts.Payouts;
import io.freightgate.payouts.RemittanceView;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link PayoutsController} alone: a carrier's payouts and remittances, who reaches them, and on-demand payouts. */
@ApiSlice(PayoutsController.class)
class PayoutsApiWebTests {

    private static final UUID PAYOUT = UUID.fromString("5a1e0000-0000-4000-8000-0000000000b1");
    private static final PayoutId PAYOUT_ID = new PayoutId(PAYOUT);
    private static final String PAYOUTS = "/api/v1/carriers/{id}/payouts";
    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    Payouts payouts;

    @MockitoBean
    OrganizationDirectory directory;

    @BeforeEach
    void theCarrierExists() {
        when(directory.find(eq(CARRIER), any()))
                .thenReturn(Optional.of(new OrganizationView(
                        CARRIER,
                        OrganizationType.CARRIER,
                        "Nordfracht GmbH",
                        CountryCode.of("DE"),
                        Optional.empty(),
                        Optional.empty(),
                        ApiSliceConfiguration.NOW)));
        when(directory.find(eq(SHIPPER), any()))
                .thenReturn(Optional.of(new OrganizationView(
                        SHIPPER,
                        OrganizationType.SHIPPER,
                        "Shipper AG",
                        CountryCode.of("DE"),
                        Optional.empty(),
                        Optional.empty(),
                        ApiSliceConfiguration.NOW)));
    }

    @Test
    void aCarriersFinanceStaffAskForAPayoutOfPartOfTheBalance() throws Exception {
        when(payouts.request(any(), any(), any(), any())).thenReturn(payout(PayoutStatus.REQUESTED));
        mvc.perform(post(PAYOUTS, CARRIER.value())
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount_minor\": 50000, \"currency\": \"eur\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/carriers/" + CARRIER.value() + "/payouts/" + PAYOUT))
                .andExpect(jsonPath("$.id").value(PAYOUT.toString()))
                .andExpect(jsonPath("$.carrier_id").value(CARRIER.value().toString()))
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.amount.minor").value(50_000))
                .andExpect(jsonPath("$.automatic").value(false))
                .andExpect(jsonPath("$.arrival_date").doesNotExist())
                .andExpect(OpenApiShapes.matches("PayoutsPayoutResponse"));
        verify(payouts).request(CARRIER, Optional.of(50_000L), "eur", Reach.OWN_TENANT);
    }

    @Test
    void withoutAnAmountEverythingAvailableIsPaidOutAndPlatformFinanceActsAcrossTenants() throws Exception {
        when(payouts.request(any(), any(), any(), any())).thenReturn(payout(PayoutStatus.REQUESTED));
        mvc.perform(post(PAYOUTS, CARRIER.value())
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currency\": \"EUR\"}"))
                .andExpect(status().isCreated());
        verify(payouts).request(CARRIER, Optional.empty(), "EUR", Reach.acrossTenants("platform staff"));
        verify(directory).find(CARRIER, Reach.acrossTenants("platform staff"));
    }

    @Test
    void badAmountsAndCurrenciesAreRefusedBeforeTheFacade() throws Exception {
        for (String body : List.of(
                "{\"amount_minor\": 0, \"currency\": \"EUR\"}",
                "{\"amount_minor\": 100000000000000, \"currency\": \"EUR\"}",
                "{\"amount_minor\": 100}",
                "{\"amount_minor\": 100, \"currency\": \"EURO\"}")) {
            mvc.perform(post(PAYOUTS, CARRIER.value())
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        mvc.perform(post(PAYOUTS, CARRIER.value())
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount_minor\": \"lots\", \"currency\": \"EUR\"}"))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verifyNoInteractions(payouts);
    }

    @Test
    void anotherCarrierAShipperOrAnUnknownIdGet404AndADispatcher403() throws Exception {
        mvc.perform(get(PAYOUTS, OTHER_CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get(PAYOUTS, CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_DISPATCHER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get(PAYOUTS, CARRIER.value()).with(callers.as(SHIPPER, Role.SHIPPER_ADMIN)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        // Platform staff asking for a shipper's payouts: the id names no carrier.
        mvc.perform(get(PAYOUTS, SHIPPER.value()).with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        // A platform role in a carrier's token is no platform staff: another carrier stays invisible.
        mvc.perform(get(PAYOUTS, OTHER_CARRIER.value()).with(callers.as(CARRIER, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get(PAYOUTS, "not-a-uuid").with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verifyNoInteractions(payouts);
    }

    @Test
    void theListIsTheCarriersNewestPayoutsWithinTheLimit() throws Exception {
        when(payouts.list(any(), org.mockito.ArgumentMatchers.anyInt(), any()))
                .thenReturn(List.of(payout(PayoutStatus.PAID)));
        mvc.perform(get(PAYOUTS, CARRIER.value()).param("limit", "20").with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("PAID"))
                .andExpect(jsonPath("$[0].arrival_date").value("2026-12-09"))
                .andExpect(jsonPath("$[0].remittance_ready").value(true))
                .andExpect(OpenApiShapes.matches("PayoutsPayoutResponse"));
        verify(payouts).list(CARRIER, 20, Reach.OWN_TENANT);
    }

    @Test
    void aLimitOutsideOneTo200IsABadRequestNotAServerError() throws Exception {
        for (String limit : List.of("0", "201")) {
            mvc.perform(get(PAYOUTS, CARRIER.value())
                            .param("limit", limit)
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        verifyNoInteractions(payouts);
    }

    @Test
    void aPayoutAndItsRemittanceAsJsonAndPdf() throws Exception {
        when(payouts.find(CARRIER, PAYOUT_ID, Reach.OWN_TENANT)).thenReturn(Optional.of(payout(PayoutStatus.PAID)));
        when(payouts.remittance(CARRIER, PAYOUT_ID, Reach.OWN_TENANT)).thenReturn(remittance());
        when(payouts.remittancePdf(CARRIER, "Nordfracht GmbH", PAYOUT_ID, Reach.OWN_TENANT))
                .thenReturn(new byte[] {'%', 'P'});

        mvc.perform(get(PAYOUTS + "/{payout}", CARRIER.value(), PAYOUT).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(PAYOUT.toString()));
        mvc.perform(get(PAYOUTS + "/{payout}/remittance", CARRIER.value(), PAYOUT)
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.payout.id").value(PAYOUT.toString()))
                .andExpect(jsonPath("$.lines[0].kind").value("PAYMENT"))
                .andExpect(jsonPath("$.lines[0].load_reference").value("LD-1"))
                .andExpect(jsonPath("$.lines[0].platform_fee.minor").value(2_525))
                .andExpect(jsonPath("$.balanced").value(true))
                .andExpect(OpenApiShapes.matches("PayoutsRemittanceResponse"));
        mvc.perform(get(PAYOUTS + "/{payout}/remittance.pdf", CARRIER.value(), PAYOUT)
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"remittance-" + PAYOUT + ".pdf\""))
                .andExpect(content().bytes(new byte[] {'%', 'P'}));
    }

    @Test
    void anUnknownPayoutIs404() throws Exception {
        when(payouts.find(any(), any(), any())).thenReturn(Optional.empty());
        when(payouts.remittance(any(), any(), any())).thenThrow(new PayoutNotFound(PAYOUT_ID));
        mvc.perform(get(PAYOUTS + "/{payout}", CARRIER.value(), PAYOUT).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get(PAYOUTS + "/{payout}/remittance", CARRIER.value(), PAYOUT)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND))
                .andExpect(jsonPath("$.detail").value("Payout " + PAYOUT + " not found."));
    }

    private static PayoutView payout(PayoutStatus status) {
        boolean paid = status == PayoutStatus.PAID;
        return new PayoutView(
                PAYOUT_ID,
                CARRIER,
                Optional.of("po_1"),
                false,
                new Money(50_000, EUR),
                status,
                paid ? Optional.of(LocalDate.parse("2026-12-09")) : Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                paid,
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW);
    }

    private static RemittanceView remittance() {
        var line = new RemittanceView.Line(
                RemittanceView.Kind.PAYMENT,
                "payment",
                "txn_1",
                new Money(50_000, EUR),
                new Money(0, EUR),
                new Money(50_000, EUR),
                Optional.of(io.freightgate.kernel.PaymentRequestId.random()),
                Optional.of("LD-1"),
                Optional.of(new Money(52_525, EUR)),
                Optional.of(new Money(2_525, EUR)),
                Optional.empty(),
                ApiSliceConfiguration.NOW);
        return new RemittanceView(
                payout(PayoutStatus.PAID),
                List.of(line),
                new Money(50_000, EUR),
                true,
                new Money(0, EUR),
                ApiSliceConfiguration.NOW);
    }
}

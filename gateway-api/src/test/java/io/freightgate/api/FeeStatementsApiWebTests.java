package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.OTHER_CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.CarrierVatStatus;
import io.freightgate.ledger.FeeStatementView;
import io.freightgate.ledger.FeeStatements;
import io.freightgate.ledger.JournalKind;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link FeeStatementsController} alone: a carrier's monthly fee statement as JSON and PDF. */
@ApiSlice(FeeStatementsController.class)
class FeeStatementsApiWebTests {

    private static final String STATEMENT = "/api/v1/carriers/{id}/fee-statements/{month}";
    private static final YearMonth NOVEMBER = YearMonth.parse("2026-11");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    FeeStatements statements;

    @MockitoBean
    OrganizationDirectory directory;

    @BeforeEach
    void theCarrierExistsAndNovemberHasBegun() {
        when(directory.find(eq(CARRIER), any()))
                .thenReturn(Optional.of(new OrganizationView(
                        CARRIER,
                        OrganizationType.CARRIER,
                        "Nordfracht GmbH",
                        CountryCode.of("AT"),
                        Optional.of("ATU13585627"),
                        Optional.empty(),
                        ApiSliceConfiguration.NOW)));
        when(statements.hasBegun(any()))
                .thenAnswer(invocation -> !invocation.<YearMonth>getArgument(0).isAfter(YearMonth.parse("2026-12")));
    }

    @Test
    void theCarrierReadsItsStatementWithTheReverseCharge() throws Exception {
        when(statements.statement(CARRIER, NOVEMBER, Reach.OWN_TENANT)).thenReturn(statement());
        mvc.perform(get(STATEMENT, CARRIER.value(), "2026-11").with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.carrier_id").value(CARRIER.value().toString()))
                .andExpect(jsonPath("$.carrier_name").value("Nordfracht GmbH"))
                .andExpect(jsonPath("$.month").value("2026-11"))
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.vat.reverse_charge").value(true))
                .andExpect(jsonPath("$.vat.carrier_member_state").value("AT"))
                .andExpect(jsonPath("$.vat.reason").doesNotExist())
                .andExpect(jsonPath("$.carrier_vat.vies_valid").value(true))
                .andExpect(jsonPath("$.lines[0].kind").value("PAYMENT"))
                .andExpect(jsonPath("$.lines[0].fee.minor").value(2_525))
                .andExpect(jsonPath("$.totals[0].currency").value("EUR"))
                .andExpect(jsonPath("$.totals[0].net_fees.minor").value(2_525))
                .andExpect(OpenApiShapes.matches("FeeStatementsStatementResponse"));
    }

    @Test
    void thePdfByAcceptHeaderOrSuffixAndPlatformFinanceAcrossTenants() throws Exception {
        when(statements.pdf(CARRIER, "Nordfracht GmbH", NOVEMBER, Reach.acrossTenants("platform staff")))
                .thenReturn(new byte[] {'%', 'P', 'D', 'F'});
        for (var request : List.of(
                get(STATEMENT, CARRIER.value(), "2026-11").accept(MediaType.APPLICATION_PDF),
                get(STATEMENT + ".pdf", CARRIER.value(), "2026-11"))) {
            mvc.perform(request.with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andExpect(header().string(
                                    "Content-Disposition",
                                    "attachment; filename=\"fee-statement-2026-11-" + CARRIER.value() + ".pdf\""))
                    .andExpect(content().bytes(new byte[] {'%', 'P', 'D', 'F'}));
        }
    }

    @Test
    void aMalformedMonthOrOneThatHasNotBegunIsPeriodInvalid() throws Exception {
        for (String month : List.of("2026-1", "2026-13", "november", "2027-01")) {
            mvc.perform(get(STATEMENT, CARRIER.value(), month).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                    .andExpect(problem(ProblemType.PERIOD_INVALID));
        }
        verify(statements, never()).statement(any(), any(), any());
    }

    @Test
    void anotherCarrierGets404AndAShipperOrDispatcher403() throws Exception {
        mvc.perform(get(STATEMENT, OTHER_CARRIER.value(), "2026-11").with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get(STATEMENT, CARRIER.value(), "2026-11").with(callers.as(CARRIER, Role.CARRIER_DISPATCHER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get(STATEMENT, CARRIER.value(), "2026-11").with(callers.as(PLATFORM, Role.RISK_ANALYST)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get(STATEMENT, CARRIER.value(), "2026-11")).andExpect(problem(ProblemType.UNAUTHENTICATED));
        verify(statements, never()).statement(any(), any(), any());
        verify(statements, never()).pdf(any(), any(), any(), any());
    }

    private static FeeStatementView statement() {
        return new FeeStatementView(
                CARRIER,
                NOVEMBER,
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                true,
                ApiSliceConfiguration.NOW,
                new FeeStatementView.Platform("FreightGate (local)", "DE", "DE136695976"),
                Optional.of(new CarrierVatStatus.VatStanding("ATU13585627", "AT", true)),
                new FeeStatementView.VatTreatment.ReverseCharge(
                        FeeStatementView.VatTreatment.REVERSE_CHARGE_NOTE, "ATU13585627", "AT", "DE136695976", "DE"),
                List.of(new FeeStatementView.Line(
                        Instant.parse("2026-11-20T09:00:00Z"),
                        JournalKind.PAYMENT,
                        "pay:pi_1",
                        Optional.of(PaymentRequestId.random()),
                        Optional.of("LD-1"),
                        new Money(100_000, EUR),
                        new Money(2_525, EUR))),
                List.of(new FeeStatementView.Total(
                        EUR,
                        1,
                        new Money(100_000, EUR),
                        new Money(2_525, EUR),
                        new Money(0, EUR),
                        new Money(2_525, EUR))));
    }
}

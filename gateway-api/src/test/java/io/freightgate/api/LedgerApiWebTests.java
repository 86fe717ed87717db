package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceProblems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.JournalKind;
import io.freightgate.ledger.LedgerAccountKind;
import io.freightgate.ledger.LedgerBalanceView;
import io.freightgate.ledger.LedgerEntryView;
import io.freightgate.ledger.LedgerQuery;
import io.freightgate.ledger.LedgerReports;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link LedgerController} alone: entries by period and page, the CSV export, balances; platform finance only. */
@ApiSlice(LedgerController.class)
class LedgerApiWebTests {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    LedgerReports reports;

    @Test
    void withoutAPeriodTheEntriesAreTheCurrentMonthsAPageAtATime() throws Exception {
        when(reports.entries(any(), any(), anyInt()))
                .thenReturn(new LedgerReports.Page(List.of(entry("=cmd()")), Optional.of("cursor-2")));
        mvc.perform(get("/api/v1/ledger/entries").with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-12-01"))
                .andExpect(jsonPath("$.to").value("2027-01-01"))
                .andExpect(jsonPath("$.next_cursor").value("cursor-2"))
                .andExpect(jsonPath("$.entries[0].journal_kind").value("PAYMENT"))
                .andExpect(jsonPath("$.entries[0].account_kind").value("CARRIER_PAYABLE"))
                .andExpect(jsonPath("$.entries[0].organization_id")
                        .value(CARRIER.value().toString()))
                .andExpect(jsonPath("$.entries[0].amount.minor").value(-1225))
                .andExpect(OpenApiShapes.matches("LedgerPageResponse"));
        verify(reports)
                .entries(
                        new LedgerQuery(
                                Instant.parse("2026-12-01T00:00:00Z"),
                                Instant.parse("2027-01-01T00:00:00Z"),
                                Optional.empty(),
                                Optional.empty()),
                        Optional.empty(),
                        200);
    }

    @Test
    void theFiltersCursorAndLimitReachTheReports() throws Exception {
        when(reports.entries(any(), any(), anyInt())).thenReturn(new LedgerReports.Page(List.of(), Optional.empty()));
        mvc.perform(get("/api/v1/ledger/entries")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-15")
                        .param("organization", CARRIER.value().toString())
                        .param("account_kind", "CARRIER_PAYABLE")
                        .param("cursor", "abc")
                        .param("limit", "1000")
                        .with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.next_cursor").doesNotExist());
        verify(reports)
                .entries(
                        new LedgerQuery(
                                Instant.parse("2026-11-01T00:00:00Z"),
                                Instant.parse("2026-11-15T00:00:00Z"),
                                Optional.of(CARRIER),
                                Optional.of(LedgerAccountKind.CARRIER_PAYABLE)),
                        Optional.of("abc"),
                        1000);
    }

    @Test
    void badPeriodsLimitsAndFiltersAreProblemsAndReadNothing() throws Exception {
        for (String[] period : List.of(
                new String[] {"2026-11-1", "2026-12-01"},
                new String[] {"2026-12-01", "2026-11-01"},
                new String[] {"2025-01-01", "2026-12-01"})) {
            mvc.perform(get("/api/v1/ledger/entries")
                            .param("from", period[0])
                            .param("to", period[1])
                            .with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                    .andExpect(problem(ProblemType.PERIOD_INVALID));
        }
        mvc.perform(get("/api/v1/ledger/entries").param("limit", "1001").with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        mvc.perform(get("/api/v1/ledger/entries")
                        .param("account_kind", "PETTY_CASH")
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        mvc.perform(get("/api/v1/ledger/balances")
                        .param("before", "yesterday")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.PERIOD_INVALID));
        verifyNoInteractions(reports);
    }

    @Test
    void theLedgerIsThePlatformFinanceStaffsOnly() throws Exception {
        mvc.perform(get("/api/v1/ledger/entries").with(callers.as(PLATFORM, Role.RISK_ANALYST)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get("/api/v1/ledger/balances").with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        // A finance role in a carrier's token grants nothing here.
        mvc.perform(get("/api/v1/ledger/entries").with(callers.as(CARRIER, Role.FINANCE_SUPERVISOR)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get("/api/v1/ledger/entries.csv").with(callers.as(CARRIER, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get("/api/v1/ledger/entries")).andExpect(problem(ProblemType.UNAUTHENTICATED));
        verifyNoInteractions(reports);
    }

    @Test
    void theCsvExportStreamsThePeriodWithFormulaCellsDefused() throws Exception {
        doAnswer(invocation -> {
                    Consumer<List<LedgerEntryView>> sink = invocation.getArgument(1);
                    sink.accept(List.of(entry("=cmd()")));
                    return null;
                })
                .when(reports)
                .export(any(), any());
        var csv = mvc.perform(get("/api/v1/ledger/entries")
                        .accept("text/csv")
                        .param("from", "2026-11-01")
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"ledger-entries-2026-11-01-2026-12-01.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", LedgerController.CSV_HEADER));
        assertThat(lines[1])
                .startsWith("7,2026-12-03T08:00:00Z,'=cmd(),PAYMENT,CARRIER_PAYABLE," + CARRIER + ",EUR,-1225,-12.25,");
        verify(reports)
                .export(
                        eq(new LedgerQuery(
                                Instant.parse("2026-11-01T00:00:00Z"),
                                Instant.parse("2026-12-01T00:00:00Z"),
                                Optional.empty(),
                                Optional.empty())),
                        any());
    }

    @Test
    void balancesOfOneOrganizationAtTheStartOfADay() throws Exception {
        when(reports.balances(any(), any()))
                .thenReturn(List.of(new LedgerBalanceView(
                        LedgerAccountKind.CARRIER_PAYABLE, Optional.of(CARRIER), new Money(-97_475, EUR), 3)));
        mvc.perform(get("/api/v1/ledger/balances")
                        .param("organization", CARRIER.value().toString())
                        .param("before", "2026-12-01")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].account_kind").value("CARRIER_PAYABLE"))
                .andExpect(jsonPath("$[0].currency").value("EUR"))
                .andExpect(jsonPath("$[0].balance.minor").value(-97_475))
                .andExpect(jsonPath("$[0].entries").value(3))
                .andExpect(OpenApiShapes.matches("LedgerBalanceResponse"));
        verify(reports).balances(Optional.of(CARRIER), Optional.of(Instant.parse("2026-12-01T00:00:00Z")));
    }

    private static LedgerEntryView entry(String reference) {
        return new LedgerEntryView(
                7,
                reference,
                JournalKind.PAYMENT,
                Instant.parse("2026-12-03T08:00:00Z"),
                LedgerAccountKind.CARRIER_PAYABLE,
                Optional.of(CARRIER),
                new Money(-1225, EUR),
                Optional.empty(),
                Optional.of("ch_1"),
                Optional.of(PaymentRequestId.of("5a1e0000-0000-4000-8000-000000000001")));
    }
}

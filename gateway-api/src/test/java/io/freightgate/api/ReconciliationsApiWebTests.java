package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.Money;
import io.freightgate.ledger.ReconciliationDayRefused;
import io.freightgate.ledger.ReconciliationView;
import io.freightgate.ledger.Reconciliations;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link ReconciliationsController} alone: listing and reading runs, reconciling a day on demand. */
@ApiSlice(ReconciliationsController.class)
class ReconciliationsApiWebTests {

    private static final UUID RUN = UUID.fromString("5a1e0000-0000-4000-8000-0000000000c1");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    Reconciliations reconciliations;

    @Test
    void aSupervisorReconcilesADayAndGetsTheEndedRunWithItsDifferences() throws Exception {
        when(reconciliations.run(any())).thenReturn(run());
        mvc.perform(post("/api/v1/reconciliations")
                        .with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\": \" 2026-12-02 \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value("2026-12-02"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.trigger").value("ON_DEMAND"))
                .andExpect(jsonPath("$.difference_count").value(1))
                .andExpect(jsonPath("$.differences[0].kind").value("AMOUNT_DIFFERS"))
                .andExpect(jsonPath("$.differences[0].stripe_net.minor").value(1000))
                .andExpect(jsonPath("$.differences[0].stripe_account").doesNotExist())
                .andExpect(OpenApiShapes.matches("ReconciliationsReconciliationResponse"));
        verify(reconciliations).run(LocalDate.parse("2026-12-02"));
    }

    @Test
    void aDayThatIsNoDateOrHasNotBegunIsRefusedWith422() throws Exception {
        when(reconciliations.run(LocalDate.parse("2026-12-08")))
                .thenThrow(new ReconciliationDayRefused("2026-12-08 has not begun."));
        mvc.perform(post("/api/v1/reconciliations")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\": \"2026-12-08\"}"))
                .andExpect(problem(ProblemType.RECONCILIATION_DAY_REFUSED))
                .andExpect(jsonPath("$.detail").value("2026-12-08 has not begun."));
        mvc.perform(post("/api/v1/reconciliations")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\": \"02.12.2026\"}"))
                .andExpect(problem(ProblemType.RECONCILIATION_DAY_REFUSED));
        mvc.perform(post("/api/v1/reconciliations")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\": \" \"}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED))
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        verify(reconciliations).run(LocalDate.parse("2026-12-08"));
        org.mockito.Mockito.verifyNoMoreInteractions(reconciliations);
    }

    @Test
    void agentsReadButDoNotRunAndNobodyOutsideThePlatformReachesRuns() throws Exception {
        mvc.perform(post("/api/v1/reconciliations")
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\": \"2026-12-02\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(post("/api/v1/reconciliations")
                        .with(callers.as(CARRIER, Role.FINANCE_SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\": \"2026-12-02\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get("/api/v1/reconciliations").with(callers.as(CARRIER, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get("/api/v1/reconciliations").with(callers.as(PLATFORM, Role.RISK_ANALYST)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verifyNoInteractions(reconciliations);
    }

    @Test
    void listingWithinTheLimitAndReadingOneRun() throws Exception {
        when(reconciliations.list(10)).thenReturn(List.of(run()));
        when(reconciliations.find(RUN)).thenReturn(Optional.of(run()));
        when(reconciliations.find(org.mockito.ArgumentMatchers.<UUID>argThat(id -> !RUN.equals(id))))
                .thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/reconciliations").param("limit", "10").with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(RUN.toString()))
                .andExpect(OpenApiShapes.matches("ReconciliationsReconciliationResponse"));
        mvc.perform(get("/api/v1/reconciliations/{id}", RUN).with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.differences[0].seq").value(1));
        mvc.perform(get("/api/v1/reconciliations/{id}", UUID.randomUUID())
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get("/api/v1/reconciliations/12").with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
    }

    @Test
    void aLimitOutsideOneTo200IsAValidationProblem() throws Exception {
        for (String limit : List.of("0", "201")) {
            mvc.perform(get("/api/v1/reconciliations")
                            .param("limit", limit)
                            .with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
        verifyNoInteractions(reconciliations);
    }

    private static ReconciliationView run() {
        var eur = Currency.getInstance("EUR");
        return new ReconciliationView(
                RUN,
                LocalDate.parse("2026-12-02"),
                ReconciliationView.Status.COMPLETED,
                ReconciliationView.Trigger.ON_DEMAND,
                ApiSliceConfiguration.NOW,
                Optional.of(ApiSliceConfiguration.NOW),
                2,
                14,
                28,
                1,
                Optional.empty(),
                List.of(new ReconciliationView.Difference(
                        1,
                        ReconciliationView.DifferenceKind.AMOUNT_DIFFERS,
                        Optional.empty(),
                        "ch_1",
                        new Money(1000, eur),
                        new Money(900, eur),
                        "nets differ")));
    }
}

package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
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
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import io.freightgate.transfers.TransferHoldReason;
import io.freightgate.transfers.TransferView;
import io.freightgate.transfers.Transfers;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link TransfersController} alone: reading a carrier's transfer, holds, releases, reversal and restoration. */
@ApiSlice(TransfersController.class)
class TransfersApiWebTests {

    private static final UUID ID = UUID.fromString("5a1e0000-0000-4000-8000-0000000000f1");
    private static final PaymentRequestId REQUEST = new PaymentRequestId(ID);
    private static final String PATH = "/api/v1/payment-requests/{id}/transfer";

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    Transfers transfers;

    @Test
    void theCarrierReadsItsTransferAndPlatformStaffReadAcrossTenants() throws Exception {
        when(transfers.find(any(), any())).thenReturn(Optional.of(view("PENDING")));
        mvc.perform(get(PATH, ID).with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.payment_request_id").value(ID.toString()))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.amount.minor").value(97_475))
                .andExpect(jsonPath("$.waiting_for[0]").value("DELIVERY_CONFIRMED"))
                .andExpect(jsonPath("$.holds[0].reason").value("MANUAL"))
                .andExpect(OpenApiShapes.matches("TransferView"));
        verify(transfers).find(REQUEST, Reach.OWN_TENANT);
        mvc.perform(get(PATH, ID).with(callers.as(PLATFORM, Role.RISK_ANALYST))).andExpect(status().isOk());
        verify(transfers).find(REQUEST, Reach.acrossTenants("platform staff"));
    }

    @Test
    void whoMayNotReadGets403AndAnUnknownRequest404() throws Exception {
        for (var caller : List.of(
                callers.as(CARRIER, Role.CARRIER_DISPATCHER),
                callers.as(SHIPPER, Role.SHIPPER_ADMIN),
                callers.as(PLATFORM, Role.COMPLIANCE_OFFICER))) {
            mvc.perform(get(PATH, ID).with(caller)).andExpect(problem(ProblemType.FORBIDDEN));
        }
        verifyNoInteractions(transfers);
        when(transfers.find(any(), any())).thenReturn(Optional.empty());
        mvc.perform(get(PATH, ID).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get(PATH, ID)).andExpect(problem(ProblemType.UNAUTHENTICATED));
    }

    @Test
    void riskStaffHoldATransferWithAReasonAndANote() throws Exception {
        when(transfers.hold(any(), any(), any())).thenReturn(view("HELD"));
        mvc.perform(post(PATH + "/holds", ID)
                        .with(callers.as(PLATFORM, Role.RISK_ANALYST))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"FRAUD_REVIEW\", \"note\": \"velocity\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("HELD"));
        verify(transfers).hold(REQUEST, TransferHoldReason.FRAUD_REVIEW, Optional.of("velocity"));
    }

    @Test
    void aHoldWithoutOrWithAnUnknownReasonOrFromACarrierChangesNothing() throws Exception {
        mvc.perform(post(PATH + "/holds", ID)
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"why\"}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post(PATH + "/holds", ID)
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"BECAUSE\"}"))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        mvc.perform(post(PATH + "/holds", ID)
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"MANUAL\", \"note\": \"" + "x".repeat(501) + "\"}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        mvc.perform(post(PATH + "/holds", ID)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"MANUAL\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(post("/api/v1/payment-requests/not-a-uuid/transfer/holds")
                        .with(callers.as(PLATFORM, Role.FINANCE_AGENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"MANUAL\"}"))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verifyNoInteractions(transfers);
    }

    @Test
    void releasingReversingAndRestoringAreForSupervisorsAndAdminsOnly() throws Exception {
        when(transfers.release(REQUEST, TransferHoldReason.MANUAL)).thenReturn(view("SENT"));
        when(transfers.releaseDelivery(REQUEST)).thenReturn(view("SENT"));
        when(transfers.reverse(REQUEST)).thenReturn(view("REVERSED"));
        when(transfers.restore(REQUEST)).thenReturn(view("PENDING"));

        mvc.perform(post(PATH + "/release", ID)
                        .with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"MANUAL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT"));
        verify(transfers).release(REQUEST, TransferHoldReason.MANUAL);
        mvc.perform(post(PATH + "/delivery-release", ID).with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk());
        verify(transfers).releaseDelivery(REQUEST);
        mvc.perform(post(PATH + "/reversal", ID).with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVERSED"));
        verify(transfers).reverse(REQUEST);
        mvc.perform(post(PATH + "/restoration", ID).with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk());
        verify(transfers).restore(REQUEST);

        for (String action : List.of("/delivery-release", "/reversal", "/restoration")) {
            mvc.perform(post(PATH + action, ID).with(callers.as(PLATFORM, Role.FINANCE_AGENT)))
                    .andExpect(problem(ProblemType.FORBIDDEN));
            mvc.perform(post(PATH + action, ID).with(callers.as(PLATFORM, Role.RISK_ANALYST)))
                    .andExpect(problem(ProblemType.FORBIDDEN));
        }
        mvc.perform(post(PATH + "/release", ID)
                        .with(callers.as(PLATFORM, Role.RISK_ANALYST))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"MANUAL\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        org.mockito.Mockito.verifyNoMoreInteractions(transfers);
    }

    @Test
    void aStateTheFacadeRefusesIs409() throws Exception {
        when(transfers.reverse(REQUEST)).thenThrow(new IllegalStateException("Transfer was not made"));
        mvc.perform(post(PATH + "/reversal", ID).with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR)))
                .andExpect(problem(ProblemType.STATE_CONFLICT))
                .andExpect(jsonPath("$.detail").value("Transfer was not made"));
    }

    private static TransferView view(String status) {
        var eur = Currency.getInstance("EUR");
        return new TransferView(
                REQUEST,
                status,
                new Money(100_000, eur),
                new Money(2_525, eur),
                new Money(0, eur),
                new Money(97_475, eur),
                "pr_" + ID,
                List.of("DELIVERY_CONFIRMED"),
                Optional.empty(),
                List.of(new TransferView.Hold(
                        TransferHoldReason.MANUAL,
                        Optional.of("check"),
                        "finance@platform",
                        ApiSliceConfiguration.NOW,
                        Optional.empty(),
                        Optional.empty())),
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.of("acct_1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}

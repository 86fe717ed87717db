package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.ApproveCase;
import io.freightgate.kyc.CaseChange;
import io.freightgate.kyc.CaseState;
import io.freightgate.kyc.CaseView;
import io.freightgate.kyc.KycChecks;
import io.freightgate.kyc.OpenCase;
import io.freightgate.kyc.OrganizationKind;
import io.freightgate.kyc.RejectCase;
import io.freightgate.kyc.RequestResubmission;
import io.freightgate.kyc.VatStatus;
import io.freightgate.kyc.VatStatusView;
import io.freightgate.kyc.VatValidation;
import io.freightgate.kyc.ViesCheck;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link KycController} alone: VAT validation with and without VIES, KYB cases, compliance decisions. */
@ApiSlice(KycController.class)
class KycApiWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    KycChecks kyc;

    @MockitoBean
    OrganizationDirectory organizations;

    @MockitoBean
    SystemAccess systemAccess;

    @Test
    void anOfflineValidationAnswersTheNormalizedNumberWithoutAskingVies() throws Exception {
        when(kyc.validateVat("de 136 695 976")).thenReturn(new VatValidation.Valid("DE", "DE", "136695976"));
        mvc.perform(post("/api/v1/kyc/vat-validations")
                        .with(callers.as(CARRIER, Role.CARRIER_DRIVER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"vat_number\": \"de 136 695 976\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.normalized").value("DE136695976"))
                .andExpect(jsonPath("$.country_code").value("DE"))
                .andExpect(jsonPath("$.vies").doesNotExist())
                .andExpect(OpenApiShapes.matches("KycVatValidationResponse"));
        verify(kyc, never()).checkVat(any());
    }

    @Test
    void aFailedCheckDigitIsNamedAndViesIsNotAsked() throws Exception {
        when(kyc.validateVat("DE136695977")).thenReturn(new VatValidation.InvalidCheckDigit("DE", "DE136695977"));
        mvc.perform(post("/api/v1/kyc/vat-validations")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"vat_number\": \"DE136695977\", \"vies\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.failure").value("CHECK_DIGIT"));
        verify(kyc, never()).checkVat(any());
    }

    @Test
    void liveViesChecksAreForAdminsAndCompliance() throws Exception {
        when(kyc.validateVat(any())).thenReturn(new VatValidation.Valid("DE", "DE", "136695976"));
        when(kyc.checkVat("DE136695976"))
                .thenReturn(new ViesCheck.Valid(
                        "DE",
                        "136695976",
                        Optional.of("FreightGate"),
                        Optional.empty(),
                        Optional.of(LocalDate.parse("2026-12-07")),
                        Optional.of("WAPIAAAAW1"),
                        ApiSliceConfiguration.NOW,
                        false,
                        UUID.randomUUID()));
        String body = "{\"vat_number\": \"DE136695976\", \"vies\": true}";
        mvc.perform(post("/api/v1/kyc/vat-validations")
                        .with(callers.as(SHIPPER, Role.SHIPPER_PAYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(kyc, never()).checkVat(any());
        mvc.perform(post("/api/v1/kyc/vat-validations")
                        .with(callers.as(SHIPPER, Role.SHIPPER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vies.outcome").value("VALID"))
                .andExpect(jsonPath("$.vies.consultation_number").value("WAPIAAAAW1"))
                .andExpect(jsonPath("$.vies.request_date").value("2026-12-07"));
        verify(kyc).checkVat("DE136695976");
    }

    @Test
    void aBlankOrOverlongNumberIsRefusedBeforeTheFacade() throws Exception {
        for (String number : List.of(" ", "X".repeat(31))) {
            mvc.perform(post("/api/v1/kyc/vat-validations")
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"vat_number\": \"" + number + "\"}"))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        verifyNoInteractions(kyc);
    }

    @Test
    void anAdminOpensItsOrganizationsCaseFromTheDirectorysRecord() throws Exception {
        when(organizations.find(CARRIER, Reach.OWN_TENANT))
                .thenReturn(Optional.of(organization(CARRIER, OrganizationType.CARRIER)));
        when(kyc.openCase(any())).thenReturn(new CaseChange.Done(caseOf(CARRIER)));
        mvc.perform(post("/api/v1/kyc/cases")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"representative_name\": \"Jana Nord\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/kyc/cases/" + CARRIER))
                .andExpect(jsonPath("$.state").value("COLLECTING"))
                .andExpect(jsonPath("$.organization").value(CARRIER.toString()))
                .andExpect(jsonPath("$.vat.status").value("NOT_CHECKED"))
                .andExpect(OpenApiShapes.matches("CaseView"));
        verify(kyc)
                .openCase(new OpenCase(
                        CARRIER,
                        OrganizationKind.CARRIER,
                        "Nordfracht GmbH",
                        "AT",
                        Optional.of("ATU13585627"),
                        "Jana Nord"));
    }

    @Test
    void aSecondCaseIs409AndThePlatformHasNone() throws Exception {
        when(organizations.find(CARRIER, Reach.OWN_TENANT))
                .thenReturn(Optional.of(organization(CARRIER, OrganizationType.CARRIER)));
        when(kyc.openCase(any())).thenReturn(new CaseChange.Refused(CaseChange.Refusal.CASE_EXISTS, "A case exists"));
        mvc.perform(post("/api/v1/kyc/cases")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"representative_name\": \"Jana Nord\"}"))
                .andExpect(problem(ProblemType.STATE_CONFLICT))
                .andExpect(jsonPath("$.detail").value("A case exists"));
        mvc.perform(post("/api/v1/kyc/cases")
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"representative_name\": \"Jana Nord\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(post("/api/v1/kyc/cases")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        verify(kyc, org.mockito.Mockito.times(1)).openCase(any());
    }

    @Test
    void anAdminReadsOnlyItsOwnCaseAndComplianceReadsAnyForReview() throws Exception {
        when(kyc.findCase(CARRIER)).thenReturn(Optional.of(caseOf(CARRIER)));
        when(kyc.caseForReview(SHIPPER)).thenReturn(Optional.of(caseOf(SHIPPER)));
        mvc.perform(get("/api/v1/kyc/cases/{id}", CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/kyc/cases/{id}", SHIPPER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get("/api/v1/kyc/cases/{id}", CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_DISPATCHER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get("/api/v1/kyc/cases/{id}", SHIPPER.value()).with(callers.as(PLATFORM, Role.COMPLIANCE_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organization").value(SHIPPER.toString()));
        verify(kyc, never()).findCase(SHIPPER);
        verify(kyc, never()).caseForReview(CARRIER);
    }

    @Test
    void aRejectionOrAResubmissionRequestWithoutAReasonIs422AndDecidesNothing() throws Exception {
        String decisions = "/api/v1/kyc/cases/{id}/decisions";
        for (String decision : List.of("REJECT", "REQUEST_RESUBMISSION")) {
            for (String reason : List.of("", ", \"reason\": null", ", \"reason\": \"  \"")) {
                mvc.perform(post(decisions, CARRIER.value())
                                .with(callers.as(PLATFORM, Role.COMPLIANCE_OFFICER))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"decision\": \"" + decision + "\"" + reason + "}"))
                        .andExpect(problem(ProblemType.UNPROCESSABLE))
                        .andExpect(jsonPath("$.detail").value("reason is required"));
            }
        }
        verify(kyc, never()).reject(any());
        verify(kyc, never()).requestResubmission(any());
    }

    @Test
    void eachDecisionReachesItsCommandAndOnlyPlatformComplianceDecides() throws Exception {
        when(kyc.approve(any())).thenReturn(new CaseChange.Done(caseOf(CARRIER)));
        when(kyc.reject(any())).thenReturn(new CaseChange.Done(caseOf(CARRIER)));
        when(kyc.requestResubmission(any())).thenReturn(new CaseChange.Done(caseOf(CARRIER)));
        String decisions = "/api/v1/kyc/cases/{id}/decisions";
        for (String decision : List.of("APPROVE", "REJECT", "REQUEST_RESUBMISSION")) {
            mvc.perform(post(decisions, CARRIER.value())
                            .with(callers.as(PLATFORM, Role.COMPLIANCE_OFFICER))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\": \"" + decision + "\", \"reason\": \"checked\"}"))
                    .andExpect(status().isOk());
        }
        verify(kyc).approve(new ApproveCase(CARRIER, "checked"));
        verify(kyc).reject(new RejectCase(CARRIER, "checked"));
        verify(kyc).requestResubmission(new RequestResubmission(CARRIER, "checked"));

        // The role in another organization's token decides nothing.
        mvc.perform(post(decisions, CARRIER.value())
                        .with(callers.as(CARRIER, Role.COMPLIANCE_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(post(decisions, CARRIER.value())
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(post(decisions, CARRIER.value())
                        .with(callers.as(PLATFORM, Role.COMPLIANCE_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"MAYBE\"}"))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        when(kyc.approve(any()))
                .thenReturn(new CaseChange.Refused(CaseChange.Refusal.APPROVAL_BLOCKED, "Screening has a hit"));
        mvc.perform(post(decisions, CARRIER.value())
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\"}"))
                .andExpect(problem(ProblemType.UNPROCESSABLE))
                .andExpect(jsonPath("$.detail").value("Screening has a hit"));
        verify(kyc, org.mockito.Mockito.times(2)).approve(any());
    }

    @Test
    void complianceChecksAnOrganizationsVatThroughTheAuditedSystemPath() throws Exception {
        when(systemAccess.call(any(), any()))
                .thenAnswer(invocation -> invocation.<Supplier<?>>getArgument(1).get());
        when(kyc.checkOrganizationVat(CARRIER))
                .thenReturn(Optional.of(new ViesCheck.Unknown("AT", "U13585627", "MS_UNAVAILABLE", true, false)));
        mvc.perform(post("/api/v1/kyc/cases/{id}/vat-checks", CARRIER.value())
                        .with(callers.as(PLATFORM, Role.COMPLIANCE_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNKNOWN"))
                .andExpect(jsonPath("$.reason").value("MS_UNAVAILABLE"))
                .andExpect(OpenApiShapes.matches("KycViesResponse"));
        verify(systemAccess).call(eq("compliance VAT check of " + CARRIER), any());

        mvc.perform(post("/api/v1/kyc/cases/{id}/vat-checks", SHIPPER.value())
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        verify(kyc, org.mockito.Mockito.times(1)).checkOrganizationVat(any());
    }

    private static OrganizationView organization(TenantId id, OrganizationType type) {
        return new OrganizationView(
                id,
                type,
                "Nordfracht GmbH",
                CountryCode.of("AT"),
                Optional.of("ATU13585627"),
                Optional.empty(),
                ApiSliceConfiguration.NOW);
    }

    private static CaseView caseOf(TenantId organization) {
        return new CaseView(
                UUID.randomUUID(),
                organization,
                OrganizationKind.CARRIER,
                "Nordfracht GmbH",
                "AT",
                Optional.of("Jana Nord"),
                CaseState.COLLECTING,
                Optional.empty(),
                List.of(),
                Set.of(),
                List.of(),
                Optional.empty(),
                new VatStatusView(
                        Optional.of("ATU13585627"),
                        Optional.of("AT"),
                        VatStatus.NOT_CHECKED,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.empty()),
                Optional.empty(),
                List.of(),
                Instant.parse("2026-12-01T09:00:00Z"),
                Optional.empty(),
                Optional.empty());
    }
}

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.CountryCode;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.organizations.RegisterOrganization;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link OrganizationsController} alone: platform admins register tenants; everyone reads their own. */
@ApiSlice(OrganizationsController.class)
class OrganizationsApiWebTests {

    private static final String REGISTER = """
            {"type": "CARRIER", "legal_name": "Nordfracht GmbH", "country": "AT", "vat_number": "ATU13585627",
             "contact_email": "office@nordfracht.example"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    OrganizationDirectory directory;

    @Test
    void aPlatformAdminRegistersACarrier() throws Exception {
        when(directory.register(any())).thenReturn(carrier());
        mvc.perform(post("/api/v1/organizations")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/organizations/" + CARRIER))
                .andExpect(jsonPath("$.id").value(CARRIER.toString()))
                .andExpect(jsonPath("$.type").value("CARRIER"))
                .andExpect(jsonPath("$.country").value("AT"))
                .andExpect(OpenApiShapes.matches("OrganizationsOrganizationResponse"));
        verify(directory)
                .register(new RegisterOrganization(
                        OrganizationType.CARRIER,
                        "Nordfracht GmbH",
                        CountryCode.of("AT"),
                        Optional.of("ATU13585627"),
                        "office@nordfracht.example"));
    }

    @Test
    void onlyPlatformAdminsRegisterAndBadFieldsRegisterNothing() throws Exception {
        mvc.perform(post("/api/v1/organizations")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTER))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(post("/api/v1/organizations")
                        .with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTER))
                .andExpect(problem(ProblemType.FORBIDDEN));
        for (String body : List.of(
                REGISTER.replace("\"AT\"", "\"Austria\""),
                REGISTER.replace("office@nordfracht.example", "office"),
                REGISTER.replace("\"Nordfracht GmbH\"", "\"\""))) {
            mvc.perform(post("/api/v1/organizations")
                            .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        mvc.perform(post("/api/v1/organizations")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTER.replace("CARRIER", "BROKER")))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verifyNoInteractions(directory);
    }

    @Test
    void registeringAnotherPlatformIsRefusedByTheCommand() throws Exception {
        mvc.perform(post("/api/v1/organizations")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REGISTER.replace("CARRIER", "PLATFORM")))
                .andExpect(problem(ProblemType.UNPROCESSABLE));
        verifyNoInteractions(directory);
    }

    @Test
    void everyCallerReadsItsOwnAndPlatformStaffReadAll() throws Exception {
        when(directory.find(any(), any())).thenReturn(Optional.of(carrier()));
        when(directory.list(any())).thenReturn(List.of(carrier()));
        mvc.perform(get("/api/v1/organizations/{id}", CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_DRIVER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.legal_name").value("Nordfracht GmbH"));
        verify(directory).find(CARRIER, Reach.OWN_TENANT);
        mvc.perform(get("/api/v1/organizations").with(callers.as(PLATFORM, Role.RISK_ANALYST)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(CARRIER.toString()));
        verify(directory).list(Reach.acrossTenants("platform staff"));
        mvc.perform(get("/api/v1/organizations").with(callers.as(SHIPPER, Role.SHIPPER_PAYER)))
                .andExpect(status().isOk());
        verify(directory).list(Reach.OWN_TENANT);
        when(directory.find(any(), any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/organizations/{id}", SHIPPER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get("/api/v1/organizations")).andExpect(problem(ProblemType.UNAUTHENTICATED));
    }

    private static OrganizationView carrier() {
        return new OrganizationView(
                CARRIER,
                OrganizationType.CARRIER,
                "Nordfracht GmbH",
                CountryCode.of("AT"),
                Optional.of("ATU13585627"),
                Optional.of("office@nordfracht.example"),
                ApiSliceConfiguration.NOW);
    }
}

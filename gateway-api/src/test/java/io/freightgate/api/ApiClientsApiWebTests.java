package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.ApiClientView;
import io.freightgate.security.ApiClients;
import io.freightgate.security.ApiClientsSliceStubs;
import io.freightgate.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link ApiClientsController} alone: client credentials for integrators' systems. {@link ApiClients} is also what
 * the JWT decoder asks whether a client's token still counts, so a disabled client's token is refused here too.
 */
@ApiSlice(ApiClientsController.class)
class ApiClientsApiWebTests {

    private static final UUID CLIENT = UUID.fromString("5a1e0000-0000-4000-8000-0000000000a1");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    /** The slice's mock (declared by {@link ApiSlice}). */
    @Autowired
    ApiClients clients;

    @Test
    void anAdminCreatesAClientForItsOrganizationAndSeesTheSecretOnce() throws Exception {
        when(clients.create(any(), any(), anyCollection(), any()))
                .thenReturn(client(CARRIER, Optional.of("fgs_secret")));
        mvc.perform(post("/api/v1/api-clients")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"TMS\", \"roles\": [\"CARRIER_DISPATCHER\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/api-clients/" + CLIENT))
                .andExpect(jsonPath("$.client_id").value("fgc_tms"))
                .andExpect(jsonPath("$.client_secret").value("fgs_secret"))
                .andExpect(OpenApiShapes.matches("ApiClientsApiClientResponse"));
        verify(clients).create(CARRIER, "TMS", Set.of(Role.CARRIER_DISPATCHER), Reach.OWN_TENANT);

        when(clients.find(CLIENT, Reach.OWN_TENANT)).thenReturn(Optional.of(client(CARRIER, Optional.empty())));
        mvc.perform(get("/api/v1/api-clients/{id}", CLIENT).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.client_secret").doesNotExist());
    }

    @Test
    void anAdminNamingAnotherOrganizationGets404AndPlatformAdminsCreateForAny() throws Exception {
        mvc.perform(post("/api/v1/api-clients")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organization_id\": \"%s\", \"name\": \"TMS\", \"roles\": [\"SHIPPER_ADMIN\"]}"
                                .formatted(SHIPPER.value())))
                .andExpect(problem(ProblemType.NOT_FOUND));
        verify(clients, never()).create(any(), any(), anyCollection(), any());

        when(clients.create(any(), any(), anyCollection(), any()))
                .thenReturn(client(SHIPPER, Optional.of("fgs_secret")));
        mvc.perform(post("/api/v1/api-clients")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organization_id\": \"%s\", \"name\": \"ERP\", \"roles\": [\"SHIPPER_PAYER\"]}"
                                .formatted(SHIPPER.value())))
                .andExpect(status().isCreated());
        verify(clients).create(SHIPPER, "ERP", Set.of(Role.SHIPPER_PAYER), Reach.acrossTenants("platform staff"));
    }

    @Test
    void withoutRolesOrNameOrAsANonAdminNothingIsCreated() throws Exception {
        for (String body : List.of("{\"name\": \"TMS\", \"roles\": []}", "{\"roles\": [\"CARRIER_ADMIN\"]}")) {
            mvc.perform(post("/api/v1/api-clients")
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        mvc.perform(post("/api/v1/api-clients")
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"TMS\", \"roles\": [\"CARRIER_ADMIN\"]}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(clients, never()).create(any(), any(), anyCollection(), any());
    }

    @Test
    void rotatingAndDisablingAnUnknownClientIs404() throws Exception {
        when(clients.rotateSecret(CLIENT, Reach.OWN_TENANT))
                .thenReturn(Optional.of(client(CARRIER, Optional.of("fgs_new"))));
        when(clients.disable(any(), any())).thenReturn(Optional.empty());
        mvc.perform(post("/api/v1/api-clients/{id}/secret-rotations", CLIENT)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.client_secret").value("fgs_new"));
        mvc.perform(post("/api/v1/api-clients/{id}/disable", CLIENT).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
    }

    @Test
    void aClientsTokenCountsOnlyWhileTheClientIsActive() throws Exception {
        when(clients.list(Reach.OWN_TENANT)).thenReturn(List.of());
        ApiClientsSliceStubs.active(clients, "fgc_tms", false);
        mvc.perform(get("/api/v1/api-clients").with(callers.as("fgc_tms", CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.UNAUTHENTICATED))
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        verify(clients, never()).list(any());
        ApiClientsSliceStubs.asked(clients, "fgc_tms");
        ApiClientsSliceStubs.active(clients, "fgc_tms", true);
        mvc.perform(get("/api/v1/api-clients").with(callers.as("fgc_tms", CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk());
        verify(clients).list(Reach.OWN_TENANT);
    }

    private static ApiClientView client(TenantId organization, Optional<String> secret) {
        return new ApiClientView(
                CLIENT,
                organization,
                "fgc_tms",
                "TMS",
                List.of(Role.CARRIER_DISPATCHER),
                "ACTIVE",
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW,
                secret);
    }
}

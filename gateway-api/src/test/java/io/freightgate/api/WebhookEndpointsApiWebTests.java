package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.integrations.EndpointWithSecret;
import io.freightgate.integrations.IntegratorEndpointView;
import io.freightgate.integrations.IntegratorWebhooks;
import io.freightgate.integrations.WebhookUrlRefused;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link WebhookEndpointsController} alone: an organization's admins register and manage their endpoints. */
@ApiSlice(WebhookEndpointsController.class)
class WebhookEndpointsApiWebTests {

    private static final UUID ENDPOINT = UUID.fromString("5a1e0000-0000-4000-8000-0000000000a9");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    IntegratorWebhooks webhooks;

    @Test
    void anAdminRegistersAnEndpointForItsOrganizationAndSeesTheSecretOnce() throws Exception {
        when(webhooks.register(any(), any(), any(), any())).thenReturn(new EndpointWithSecret(endpoint(), "whsec_1"));
        mvc.perform(post("/api/v1/webhook-endpoints")
                        .with(callers.as(SHIPPER, Role.SHIPPER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"url": " https://erp.shipper.example/hooks ", "event_types": ["payment_request.paid"]}
                                """))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/webhook-endpoints/" + ENDPOINT))
                .andExpect(jsonPath("$.secret").value("whsec_1"))
                .andExpect(jsonPath("$.endpoint.event_types[0]").value("payment_request.paid"))
                .andExpect(OpenApiShapes.matches("WebhookEndpointsEndpointWithSecretResponse"));
        verify(webhooks)
                .register(
                        SHIPPER,
                        "https://erp.shipper.example/hooks",
                        List.of("payment_request.paid"),
                        Optional.empty());
    }

    @Test
    void aRefusedUrlIs422AndBadEventTypesRegisterNothing() throws Exception {
        when(webhooks.register(any(), any(), any(), any())).thenThrow(new WebhookUrlRefused("loopback address"));
        mvc.perform(post("/api/v1/webhook-endpoints")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://127.0.0.1/\", \"event_types\": [\"payment_request.paid\"]}"))
                .andExpect(problem(ProblemType.WEBHOOK_URL_REFUSED))
                .andExpect(jsonPath("$.detail").value("loopback address"));
        for (String types : List.of("[]", "[\" \"]")) {
            mvc.perform(post("/api/v1/webhook-endpoints")
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\": \"https://erp.example/\", \"event_types\": " + types + "}"))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        verify(webhooks, org.mockito.Mockito.times(1)).register(any(), any(), any(), any());
    }

    @Test
    void onlyOrganizationAdminsManageEndpoints() throws Exception {
        for (var caller : List.of(
                callers.as(CARRIER, Role.CARRIER_FINANCE),
                callers.as(PLATFORM, Role.PLATFORM_ADMIN),
                callers.as(SHIPPER, Role.SHIPPER_PAYER))) {
            mvc.perform(get("/api/v1/webhook-endpoints").with(caller)).andExpect(problem(ProblemType.FORBIDDEN));
        }
        verifyNoInteractions(webhooks);
    }

    @Test
    void anotherOrganizationsOrAnUnknownEndpointIs404() throws Exception {
        when(webhooks.find(CARRIER, ENDPOINT)).thenReturn(Optional.empty());
        when(webhooks.delete(CARRIER, ENDPOINT)).thenReturn(false);
        when(webhooks.redeliver(any(), any(), any())).thenReturn(false);
        mvc.perform(get("/api/v1/webhook-endpoints/{id}", ENDPOINT).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(delete("/api/v1/webhook-endpoints/{id}", ENDPOINT).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(post("/api/v1/webhook-endpoints/{id}/deliveries/{delivery}/redelivery", ENDPOINT, UUID.randomUUID())
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
    }

    @Test
    void disablingEnablingDeletingAndChangingEventTypes() throws Exception {
        when(webhooks.enable(any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
                .thenReturn(Optional.of(endpoint()));
        when(webhooks.delete(CARRIER, ENDPOINT)).thenReturn(true);
        when(webhooks.changeEventTypes(any(), any(), any())).thenReturn(Optional.of(endpoint()));
        mvc.perform(post("/api/v1/webhook-endpoints/{id}/disable", ENDPOINT)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk());
        verify(webhooks).enable(CARRIER, ENDPOINT, false);
        mvc.perform(post("/api/v1/webhook-endpoints/{id}/enable", ENDPOINT)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk());
        verify(webhooks).enable(CARRIER, ENDPOINT, true);
        mvc.perform(put("/api/v1/webhook-endpoints/{id}/event-types", ENDPOINT)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_types\": [\"transfer.sent\", \"payout.paid\"]}"))
                .andExpect(status().isOk());
        verify(webhooks).changeEventTypes(CARRIER, ENDPOINT, List.of("transfer.sent", "payout.paid"));
        mvc.perform(delete("/api/v1/webhook-endpoints/{id}", ENDPOINT).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isNoContent());
        verify(webhooks).delete(CARRIER, ENDPOINT);
    }

    private static IntegratorEndpointView endpoint() {
        return new IntegratorEndpointView(
                ENDPOINT,
                "https://erp.shipper.example/hooks",
                Optional.empty(),
                List.of("payment_request.paid"),
                true,
                Optional.empty(),
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW);
    }
}

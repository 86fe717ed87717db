package io.freightgate.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.api.ApiSlice;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.webhooks.InboxEventStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link StripeWebhookController} alone: Stripe's deliveries need no token and no Idempotency-Key, reach the intake as
 * the exact bytes sent (the signature is over them), and oversized bodies never reach it.
 */
@ApiSlice(StripeWebhookController.class)
class StripeWebhookWebTests {

    private static final String EVENT = "{\"id\": \"evt_1\",  \"type\": \"charge.refunded\"}\n";

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebhookProperties.class)
    static class Properties {}

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WebhookIntake intake;

    @Test
    void anEventIsHandedOnByteForByteWithItsSignatureAndAcknowledgedOnceStored() throws Exception {
        when(intake.receive(any(), any(), any()))
                .thenReturn(new WebhookIntake.Stored("evt_1", InboxEventStatus.RECEIVED));
        mvc.perform(post("/webhooks/stripe/connect")
                        .header("Stripe-Signature", "t=1,v1=abc")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EVENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value("evt_1"))
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        var body = ArgumentCaptor.forClass(byte[].class);
        verify(intake).receive(eq(WebhookEndpoint.CONNECT), body.capture(), eq("t=1,v1=abc"));
        assertThat(new String(body.getValue(), StandardCharsets.UTF_8)).isEqualTo(EVENT);
    }

    @Test
    void aDuplicateIsAcknowledgedAndABadSignatureIs400() throws Exception {
        when(intake.receive(eq(WebhookEndpoint.PLATFORM), any(), any()))
                .thenReturn(new WebhookIntake.Duplicate("evt_1"))
                .thenReturn(new WebhookIntake.Refused("No signature matches"))
                .thenReturn(new WebhookIntake.Malformed("Not an event"));
        mvc.perform(post("/webhooks/stripe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EVENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DUPLICATE"));
        mvc.perform(post("/webhooks/stripe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EVENT))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type")
                        .value(ProblemType.WEBHOOK_SIGNATURE_INVALID.type().toString()))
                .andExpect(jsonPath("$.detail").value("No signature matches"));
        mvc.perform(post("/webhooks/stripe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EVENT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type")
                        .value(ProblemType.MALFORMED_REQUEST.type().toString()));
    }

    @Test
    void aBodyOverTheLimitIs413AndNeverReachesTheIntake() throws Exception {
        byte[] huge = new byte[1_048_577];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(post("/webhooks/stripe")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type")
                        .value(ProblemType.PAYLOAD_TOO_LARGE.type().toString()))
                .andExpect(jsonPath("$.title").value(ProblemType.PAYLOAD_TOO_LARGE.title()));
        verifyNoInteractions(intake);
    }
}

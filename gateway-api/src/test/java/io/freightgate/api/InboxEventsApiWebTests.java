package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.security.Role;
import io.freightgate.webhooks.InboxEventStatus;
import io.freightgate.webhooks.InboxEventView;
import io.freightgate.webhooks.WebhookInbox;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link InboxEventsController} alone: platform admins watch the Stripe webhook inbox and retry parked events. */
@ApiSlice(InboxEventsController.class)
class InboxEventsApiWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    WebhookInbox inbox;

    @Test
    void parkedEventsByStatusAndTypeFromAnId() throws Exception {
        when(inbox.list(Optional.of(InboxEventStatus.PARKED), Optional.of("charge.refunded"), 40L, 10))
                .thenReturn(List.of(event(InboxEventStatus.PARKED)));
        mvc.perform(get("/api/v1/admin/inbox-events")
                        .param("status", "PARKED")
                        .param("type", "charge.refunded")
                        .param("after", "40")
                        .param("limit", "10")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(41))
                .andExpect(jsonPath("$[0].endpoint").value("connect"))
                .andExpect(jsonPath("$[0].status").value("PARKED"))
                .andExpect(jsonPath("$[0].last_error").value("handler failed"))
                .andExpect(OpenApiShapes.matches("InboxEventsInboxEventResponse"));
        verify(inbox).list(Optional.of(InboxEventStatus.PARKED), Optional.of("charge.refunded"), 40L, 10);
    }

    @Test
    void aRetrySendsTheEventBackAndAnUnknownOneIs404() throws Exception {
        when(inbox.retry(41)).thenReturn(Optional.of(event(InboxEventStatus.RETRYING)));
        when(inbox.retry(42)).thenReturn(Optional.empty());
        mvc.perform(post("/api/v1/admin/inbox-events/41/retry").with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETRYING"));
        mvc.perform(post("/api/v1/admin/inbox-events/42/retry").with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get("/api/v1/admin/inbox-events/forty-one").with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
    }

    @Test
    void theInboxIsThePlatformAdminsOnly() throws Exception {
        mvc.perform(get("/api/v1/admin/inbox-events").with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        // An admin of another organization holding the role learns nothing: 404.
        mvc.perform(post("/api/v1/admin/inbox-events/41/retry").with(callers.as(CARRIER, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get("/api/v1/admin/inbox-events")
                        .param("status", "LOST")
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verifyNoInteractions(inbox);
    }

    private static InboxEventView event(InboxEventStatus status) {
        return new InboxEventView(
                41,
                WebhookEndpoint.CONNECT,
                "evt_1",
                "charge.refunded",
                Optional.of("acct_1"),
                status,
                8,
                Optional.empty(),
                Optional.of("handler failed"),
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW,
                Optional.empty());
    }
}

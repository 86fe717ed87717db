package io.freightgate.api;

import io.freightgate.security.Role;
import io.freightgate.webhooks.InboxEventStatus;
import io.freightgate.webhooks.InboxEventView;
import io.freightgate.webhooks.WebhookInbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/inbox-events}: platform admins watch the Stripe webhook inbox and retry parked events. */
@RestController
@RequestMapping("/api/v1/admin/inbox-events")
@Tag(name = "Webhook inbox (admin)", description = "Stripe events as received: states, failures, parked events")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class InboxEventsController {

    private final WebhookInbox inbox;

    InboxEventsController(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    record InboxEventResponse(
            long id,
            String endpoint,
            String eventId,
            String type,
            @Nullable String account,
            InboxEventStatus status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError,
            Instant eventCreated,
            Instant receivedAt,
            @Nullable Instant processedAt) {

        static InboxEventResponse of(InboxEventView view) {
            return new InboxEventResponse(
                    view.id(),
                    view.endpoint().key(),
                    view.eventId(),
                    view.type(),
                    view.account().orElse(null),
                    view.status(),
                    view.attempts(),
                    view.nextAttemptAt().orElse(null),
                    view.lastError().orElse(null),
                    view.eventCreated(),
                    view.receivedAt(),
                    view.processedAt().orElse(null));
        }
    }

    @GetMapping
    @Operation(summary = "List inbox events in id order, optionally by status (e.g. PARKED) and type")
    List<InboxEventResponse> list(
            @RequestParam Optional<InboxEventStatus> status,
            @RequestParam Optional<String> type,
            @Parameter(description = "Only events with a larger id (paging)") @RequestParam(defaultValue = "0")
                    long after,
            @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        requirePlatformAdmin(caller);
        return inbox.list(status, type, after, limit).stream()
                .map(InboxEventResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one inbox event")
    InboxEventResponse get(@PathVariable long id, Authentication caller) {
        requirePlatformAdmin(caller);
        return inbox.find(id).map(InboxEventResponse::of).orElseThrow(() -> new NotFound("Inbox event " + id));
    }

    @PostMapping("/{id}/retry")
    @Operation(
            summary = "Send a parked (or waiting) event back for processing now, with a fresh series of attempts",
            description = "409 state-conflict for an event that is processed, ignored or being processed.")
    InboxEventResponse retry(@PathVariable long id, Authentication caller) {
        requirePlatformAdmin(caller);
        return inbox.retry(id).map(InboxEventResponse::of).orElseThrow(() -> new NotFound("Inbox event " + id));
    }

    private static void requirePlatformAdmin(Authentication authentication) {
        if (!Caller.of(authentication).isPlatformStaff(Role.PLATFORM_ADMIN)) {
            throw new NotFound("Inbox");
        }
    }
}

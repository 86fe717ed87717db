package io.freightgate.api;

import io.freightgate.integrations.EndpointWithSecret;
import io.freightgate.integrations.IntegratorDeliveryView;
import io.freightgate.integrations.IntegratorEndpointView;
import io.freightgate.integrations.IntegratorWebhooks;
import io.freightgate.security.StepUp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhook-endpoints}: carriers' and shippers' admins register the HTTPS endpoints that receive
 * FreightGate's events (docs/integrations.md: catalogue, payload, signature verification, retries). The signing secret
 * is in the answer to the creation and to a rotation only. Endpoints belong to the caller's organization; another
 * organization's endpoint is 404 for every operation.
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
@Tag(name = "Webhook endpoints", description = "Integrators' endpoints for FreightGate's events, and deliveries")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('CARRIER_ADMIN', 'SHIPPER_ADMIN')")
class WebhookEndpointsController {

    private final IntegratorWebhooks webhooks;
    private final StepUp stepUp;

    WebhookEndpointsController(IntegratorWebhooks webhooks, StepUp stepUp) {
        this.webhooks = webhooks;
        this.stepUp = stepUp;
    }

    record CreateRequest(
            @NotBlank @Size(max = 2048) String url,
            @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes,
            @Size(max = 500) @Nullable String description) {}

    record EventTypesRequest(@NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {}

    record EndpointWithSecretResponse(IntegratorEndpointView endpoint, String secret) {
        static EndpointWithSecretResponse of(EndpointWithSecret created) {
            return new EndpointWithSecretResponse(created.endpoint(), created.secret());
        }

        @Override
        public String toString() {
            return "EndpointWithSecretResponse[endpoint=" + endpoint + ", secret=***]";
        }
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Register an endpoint; the response carries its signing secret, shown only this once",
            description = "url must be https (http only in local mode) and resolve to a public address: loopback,"
                    + " private and link-local addresses are refused with 422 webhook-url-refused. event_types are"
                    + " names from the catalogue in docs/integrations.md (e.g. payment_request.paid). A person (not an"
                    + " API client) needs a second factor from the last 15 minutes: 401 second-factor-required"
                    + " otherwise.")
    ResponseEntity<EndpointWithSecretResponse> create(
            @Valid @RequestBody CreateRequest body, Authentication authentication) {
        stepUp.require(authentication);
        var created = webhooks.register(
                Caller.of(authentication).organization(),
                body.url().strip(),
                body.eventTypes(),
                Optional.ofNullable(body.description()));
        return ResponseEntity.created(URI.create(
                        "/api/v1/webhook-endpoints/" + created.endpoint().id()))
                .body(EndpointWithSecretResponse.of(created));
    }

    @GetMapping
    @Operation(summary = "The organization's endpoints")
    List<IntegratorEndpointView> list(Authentication authentication) {
        return webhooks.list(Caller.of(authentication).organization());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One endpoint")
    IntegratorEndpointView get(@PathVariable UUID id, Authentication authentication) {
        return webhooks.find(Caller.of(authentication).organization(), id).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/{id}/event-types")
    @Operation(
            summary = "Replace the event types the endpoint receives",
            description = "A person (not an API client) needs a second factor from the last 15 minutes: 401"
                    + " second-factor-required otherwise.")
    IntegratorEndpointView changeEventTypes(
            @PathVariable UUID id, @Valid @RequestBody EventTypesRequest body, Authentication authentication) {
        stepUp.require(authentication);
        return webhooks.changeEventTypes(Caller.of(authentication).organization(), id, body.eventTypes())
                .orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stop deliveries to the endpoint; waiting deliveries are canceled (they can be redelivered)")
    IntegratorEndpointView disable(@PathVariable UUID id, Authentication authentication) {
        return webhooks.enable(Caller.of(authentication).organization(), id, false)
                .orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Resume deliveries to the endpoint (events from now on)")
    IntegratorEndpointView enable(@PathVariable UUID id, Authentication authentication) {
        return webhooks.enable(Caller.of(authentication).organization(), id, true)
                .orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete the endpoint; its waiting deliveries are canceled and its secrets destroyed")
    ResponseEntity<Void> delete(@PathVariable UUID id, Authentication authentication) {
        if (!webhooks.delete(Caller.of(authentication).organization(), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret-rotations")
    @Operation(
            summary = "Give the endpoint a new signing secret, shown only this once",
            description = "The previous secret keeps signing beside the new one (two v1 signatures) until"
                    + " previous_secret_expires_at, 24 hours later, so receivers can switch without losing a delivery."
                    + " A person (not an API client) needs a second factor from the last 15 minutes: 401"
                    + " second-factor-required otherwise.")
    EndpointWithSecretResponse rotateSecret(@PathVariable UUID id, Authentication authentication) {
        stepUp.require(authentication);
        return webhooks.rotateSecret(Caller.of(authentication).organization(), id)
                .map(EndpointWithSecretResponse::of)
                .orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's newest deliveries, each with every attempt (status, duration, answer)")
    List<IntegratorDeliveryView> deliveries(
            @PathVariable UUID id,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            Authentication authentication) {
        return webhooks.deliveries(Caller.of(authentication).organization(), id, limit)
                .orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
    @Operation(summary = "Send a delivery again now, with a new series of attempts")
    ResponseEntity<Void> redeliver(
            @PathVariable UUID id, @PathVariable UUID deliveryId, Authentication authentication) {
        if (!webhooks.redeliver(Caller.of(authentication).organization(), id, deliveryId)) {
            throw new NotFound("Delivery " + deliveryId + " of webhook endpoint " + id);
        }
        return ResponseEntity.accepted().build();
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("Webhook endpoint " + id);
    }
}

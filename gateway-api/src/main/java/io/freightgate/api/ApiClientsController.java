package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.ApiClientView;
import io.freightgate.security.ApiClients;
import io.freightgate.security.Role;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/api-clients}: API clients (client credentials) of carriers' and shippers' systems. Organization
 * admins manage their own; platform admins any organization's. The secret appears only in the answers of create and
 * rotate.
 */
@RestController
@RequestMapping("/api/v1/api-clients")
@Tag(name = "API clients", description = "Client credentials for carrier and shipper systems")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CARRIER_ADMIN', 'SHIPPER_ADMIN')")
class ApiClientsController {

    private final ApiClients clients;
    private final StepUp stepUp;

    ApiClientsController(ApiClients clients, StepUp stepUp) {
        this.clients = clients;
        this.stepUp = stepUp;
    }

    record CreateApiClientRequest(
            @Nullable UUID organizationId,
            @NotBlank @Size(max = 100) String name,
            @NotEmpty Set<Role> roles) {}

    record ApiClientResponse(
            UUID id,
            UUID organizationId,
            String clientId,
            @Nullable String clientSecret,
            String name,
            List<Role> roles,
            String status,
            Instant createdAt,
            Instant secretRotatedAt) {

        static ApiClientResponse of(ApiClientView view) {
            return new ApiClientResponse(
                    view.id(),
                    view.organization().value(),
                    view.clientId(),
                    view.secret().orElse(null),
                    view.name(),
                    view.roles(),
                    view.status(),
                    view.createdAt(),
                    view.secretRotatedAt());
        }
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Create an API client; the response carries client_secret, shown only this once",
            description = "A person (not an API client) needs a second factor from the last 15 minutes: 401"
                    + " second-factor-required otherwise.")
    ResponseEntity<ApiClientResponse> create(
            @Valid @RequestBody CreateApiClientRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Reach reach = caller.reach(Role.PLATFORM_ADMIN);
        TenantId organization =
                request.organizationId() == null ? caller.organization() : new TenantId(request.organizationId());
        if (reach instanceof Reach.OwnTenant && !organization.equals(caller.organization())) {
            throw new NotFound("Organization " + organization);
        }
        stepUp.require(authentication);
        var view = clients.create(organization, request.name(), request.roles(), reach);
        return ResponseEntity.created(URI.create("/api/v1/api-clients/" + view.id()))
                .body(ApiClientResponse.of(view));
    }

    @GetMapping
    @Operation(summary = "List API clients (without secrets)")
    List<ApiClientResponse> list(Authentication authentication) {
        return clients.list(reach(authentication)).stream()
                .map(ApiClientResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an API client (without secret)")
    ApiClientResponse get(@PathVariable UUID id, Authentication authentication) {
        return clients.find(id, reach(authentication))
                .map(ApiClientResponse::of)
                .orElseThrow(() -> new NotFound("API client " + id));
    }

    @PostMapping("/{id}/secret-rotations")
    @Operation(
            summary = "Replace the secret; the old one stops working and the new one is shown once",
            description = "A person (not an API client) needs a second factor from the last 15 minutes: 401"
                    + " second-factor-required otherwise (a new secret is as good as a new client).")
    ApiClientResponse rotate(@PathVariable UUID id, Authentication authentication) {
        stepUp.require(authentication);
        return clients.rotateSecret(id, reach(authentication))
                .map(ApiClientResponse::of)
                .orElseThrow(() -> new NotFound("API client " + id));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable the client for good; its tokens stop working at once")
    ApiClientResponse disable(@PathVariable UUID id, Authentication authentication) {
        return clients.disable(id, reach(authentication))
                .map(ApiClientResponse::of)
                .orElseThrow(() -> new NotFound("API client " + id));
    }

    private static Reach reach(Authentication authentication) {
        return Caller.of(authentication).reach(Role.PLATFORM_ADMIN);
    }
}

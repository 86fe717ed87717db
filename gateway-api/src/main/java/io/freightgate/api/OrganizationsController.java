package io.freightgate.api;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.organizations.RegisterOrganization;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.StepUp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/organizations}: platform admins register tenants; every caller reads its own organization; an
 * organization's admins (or platform admins) decide whether its people must log in with a second factor.
 */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "FreightGate's tenants: carriers, shippers and the platform")
@SecurityRequirement(name = "bearer")
class OrganizationsController {

    private final OrganizationDirectory directory;
    private final StepUp stepUp;

    OrganizationsController(OrganizationDirectory directory, StepUp stepUp) {
        this.directory = directory;
        this.stepUp = stepUp;
    }

    record RegisterOrganizationRequest(
            @NotNull OrganizationType type,
            @NotBlank @Size(max = 200) String legalName,
            @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
            @Size(max = 20) @Nullable String vatNumber,
            @NotBlank @Email @Size(max = 320) String contactEmail) {}

    record OrganizationResponse(
            UUID id,
            OrganizationType type,
            String legalName,
            String country,
            @Nullable String vatNumber,
            @Nullable String contactEmail,
            Instant createdAt) {

        static OrganizationResponse of(OrganizationView view) {
            return new OrganizationResponse(
                    view.id().value(),
                    view.type(),
                    view.legalName(),
                    view.country().value(),
                    view.vatNumber().orElse(null),
                    view.contactEmail().orElse(null),
                    view.createdAt());
        }
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Register a carrier or shipper organization (platform admins)")
    ResponseEntity<OrganizationResponse> register(@Valid @RequestBody RegisterOrganizationRequest request) {
        var view = directory.register(new RegisterOrganization(
                request.type(),
                request.legalName(),
                CountryCode.of(request.country()),
                Optional.ofNullable(request.vatNumber()),
                request.contactEmail()));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + view.id()))
                .body(OrganizationResponse.of(view));
    }

    @GetMapping
    @Operation(summary = "List organizations: all of them for platform staff, the caller's own otherwise")
    List<OrganizationResponse> list(Authentication caller) {
        return directory.list(Caller.of(caller).reach()).stream()
                .map(OrganizationResponse::of)
                .toList();
    }

    record MfaRequirementRequest(@NotNull Boolean required) {}

    record MfaRequirementResponse(UUID organizationId, boolean required) {
        static MfaRequirementResponse of(OrganizationView view) {
            return new MfaRequirementResponse(view.id().value(), view.secondFactorRequired());
        }
    }

    @PutMapping("/{id}/mfa-requirement")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CARRIER_ADMIN', 'SHIPPER_ADMIN')")
    @Operation(
            summary = "Require (or stop requiring) a second factor of every person of the organization",
            description = "The organization's own admins, or platform admins for any organization (audited). From their"
                    + " next login, people of the organization without TOTP must enrol before going anywhere. API"
                    + " clients are not affected. 404 for another organization. A person (not an API client) needs a"
                    + " second factor from the last 15 minutes: 401 second-factor-required otherwise.")
    MfaRequirementResponse requireSecondFactor(
            @PathVariable UUID id, @Valid @RequestBody MfaRequirementRequest request, Authentication caller) {
        Reach reach = adminOf(id, caller);
        stepUp.require(caller);
        return directory
                .requireSecondFactor(new TenantId(id), request.required(), reach)
                .map(MfaRequirementResponse::of)
                .orElseThrow(() -> new NotFound("Organization " + id));
    }

    @GetMapping("/{id}/mfa-requirement")
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CARRIER_ADMIN', 'SHIPPER_ADMIN')")
    @Operation(summary = "Whether the organization requires a second factor of its people")
    MfaRequirementResponse secondFactorRequirement(@PathVariable UUID id, Authentication caller) {
        Reach reach = adminOf(id, caller);
        return directory
                .find(new TenantId(id), reach)
                .map(MfaRequirementResponse::of)
                .orElseThrow(() -> new NotFound("Organization " + id));
    }

    /** Platform admins reach any organization (across tenants); an organization's admins only their own (404 else). */
    private static Reach adminOf(UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.isPlatformStaff(io.freightgate.security.Role.PLATFORM_ADMIN)) {
            return Caller.STAFF;
        }
        if (!caller.organization().value().equals(id)) {
            throw new NotFound("Organization " + id);
        }
        return Reach.ownTenant();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an organization: any for platform staff, the caller's own otherwise (404 for others)")
    OrganizationResponse get(@PathVariable UUID id, Authentication caller) {
        return directory
                .find(new TenantId(id), Caller.of(caller).reach())
                .map(OrganizationResponse::of)
                .orElseThrow(() -> new NotFound("Organization " + id));
    }
}

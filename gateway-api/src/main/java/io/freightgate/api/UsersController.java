package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Invitations;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.freightgate.security.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
 * {@code /api/v1/organizations/{id}/users}: organization admins manage their own organization's users, platform admins
 * any organization's (audited). Another organization's users answer 404. Only platform admins unlock. Inviting an
 * address that has an account in another organization answers exactly as for a new address (201, same body), so the
 * invitation tells nobody which addresses have accounts; {@link Invitations#invite} says what happens instead.
 */
@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/users")
@Tag(name = "Users", description = "People who log in: invitations, roles, disabling, unlocking")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CARRIER_ADMIN', 'SHIPPER_ADMIN')")
class UsersController {

    private final UserDirectory users;
    private final Invitations invitations;
    private final boolean localMode;

    UsersController(
            UserDirectory users,
            Invitations invitations,
            @Value("${freightgate.local.active:false}") boolean localMode) {
        this.users = users;
        this.invitations = invitations;
        this.localMode = localMode;
    }

    record InviteUserRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotEmpty Set<Role> roles) {

        @Override
        public String toString() {
            return "InviteUserRequest[roles=" + roles + "]";
        }
    }

    record ChangeRolesRequest(@NotEmpty Set<Role> roles) {}

    record UserResponse(
            UUID id,
            UUID organizationId,
            String email,
            String displayName,
            List<Role> roles,
            String status,
            boolean totpEnabled,
            @Nullable Instant lockedUntil,
            Instant createdAt,
            @Nullable String invitationToken) {

        static UserResponse of(UserView view) {
            return of(view, false);
        }

        static UserResponse of(UserView view, boolean withInvitationToken) {
            return new UserResponse(
                    view.id(),
                    view.organization().value(),
                    view.email(),
                    view.displayName(),
                    view.roles(),
                    view.status(),
                    view.totpEnabled(),
                    view.lockedUntil().orElse(null),
                    view.createdAt(),
                    withInvitationToken ? view.invitationToken().orElse(null) : null);
        }

        @Override
        public String toString() {
            return "UserResponse[id=" + id + ", status=" + status + "]";
        }
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Invite a user with roles of the organization's kind",
            description = "Publishes UserInvited and mails the user a link to set the first password (single use,"
                    + " valid 7 days). Only in local mode does the answer carry invitation_token as well, for POST"
                    + " /api/v1/invitations/{token}/acceptance (tests and demos; local mode's mail viewer shows the"
                    + " mail too).")
    ResponseEntity<UserResponse> invite(
            @PathVariable UUID organizationId,
            @Valid @RequestBody InviteUserRequest request,
            Authentication authentication) {
        TenantId organization = visibleOrganization(organizationId, authentication);
        var view = invitations.invite(
                organization, request.email(), request.displayName(), request.roles(), reach(authentication));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organizationId + "/users/" + view.id()))
                .body(UserResponse.of(view, localMode));
    }

    @GetMapping
    @Operation(summary = "List the organization's users")
    List<UserResponse> list(@PathVariable UUID organizationId, Authentication authentication) {
        TenantId organization = visibleOrganization(organizationId, authentication);
        return users.list(organization, reach(authentication)).stream()
                .map(UserResponse::of)
                .toList();
    }

    @GetMapping("/{userId}")
    @Operation(summary = "Read a user")
    UserResponse get(@PathVariable UUID organizationId, @PathVariable UUID userId, Authentication authentication) {
        TenantId organization = visibleOrganization(organizationId, authentication);
        return users.find(organization, userId, reach(authentication))
                .map(UserResponse::of)
                .orElseThrow(() -> new NotFound("User " + userId));
    }

    @PutMapping("/{userId}/roles")
    @Operation(summary = "Replace a user's roles (effective at the user's next token refresh)")
    UserResponse changeRoles(
            @PathVariable UUID organizationId,
            @PathVariable UUID userId,
            @Valid @RequestBody ChangeRolesRequest request,
            Authentication authentication) {
        TenantId organization = visibleOrganization(organizationId, authentication);
        return users.changeRoles(organization, userId, request.roles(), reach(authentication))
                .map(UserResponse::of)
                .orElseThrow(() -> new NotFound("User " + userId));
    }

    @PostMapping("/{userId}/disable")
    @Operation(summary = "Disable a user for good: no login, no token refresh")
    UserResponse disable(@PathVariable UUID organizationId, @PathVariable UUID userId, Authentication authentication) {
        TenantId organization = visibleOrganization(organizationId, authentication);
        return users.disable(organization, userId, reach(authentication))
                .map(UserResponse::of)
                .orElseThrow(() -> new NotFound("User " + userId));
    }

    @PostMapping("/{userId}/unlock")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Lift a lockout after failed logins (platform admins); publishes AccountUnlocked")
    UserResponse unlock(@PathVariable UUID organizationId, @PathVariable UUID userId, Authentication authentication) {
        TenantId organization = visibleOrganization(organizationId, authentication);
        if (!Caller.of(authentication).isPlatformStaff(Role.PLATFORM_ADMIN)) {
            throw new NotFound("User " + userId);
        }
        return users.unlock(organization, userId)
                .map(UserResponse::of)
                .orElseThrow(() -> new NotFound("User " + userId));
    }

    private static TenantId visibleOrganization(UUID organizationId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        TenantId organization = new TenantId(organizationId);
        if (!caller.isPlatformStaff(Role.PLATFORM_ADMIN) && !organization.equals(caller.organization())) {
            throw new NotFound("Organization " + organizationId);
        }
        return organization;
    }

    private static Reach reach(Authentication authentication) {
        return Caller.of(authentication).reach(Role.PLATFORM_ADMIN);
    }
}

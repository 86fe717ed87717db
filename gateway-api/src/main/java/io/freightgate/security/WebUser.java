package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * The person signed in to the web app (the back office and the carrier and shipper pages), as its login's access token
 * said ({@link BackOfficeLogin}): user id, organization and roles. Pages read it from the request's authentication.
 */
public record WebUser(UUID id, TenantId organization, List<Role> roles) {

    public WebUser {
        roles = List.copyOf(roles);
    }

    /** The signed-in person of a back-office session; empty for anything else (API tokens, anonymous). */
    public static Optional<WebUser> of(@Nullable Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !token.isAuthenticated()
                || !BackOfficeLogin.REGISTRATION_ID.equals(token.getAuthorizedClientRegistrationId())) {
            return Optional.empty();
        }
        var attributes = token.getPrincipal().getAttributes();
        if (!(attributes.get(BackOfficeLogin.USER) instanceof String user)
                || !(attributes.get(AccessTokens.ORGANIZATION_CLAIM) instanceof String organization)
                || !(attributes.get(AccessTokens.ROLES_CLAIM) instanceof List<?> roles)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WebUser(
                    UUID.fromString(user),
                    TenantId.of(organization),
                    roles.stream().map(String::valueOf).map(Role::valueOf).toList()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether any of the roles is one of {@code anyOf}. */
    public boolean hasAny(java.util.Collection<Role> anyOf) {
        return roles.stream().anyMatch(anyOf::contains);
    }

    /** Platform staff, who act across tenants (audited). */
    public boolean isPlatformStaff() {
        return OrganizationDirectory.PLATFORM.equals(organization)
                && roles.stream().anyMatch(Role::isPlatformStaff);
    }
}

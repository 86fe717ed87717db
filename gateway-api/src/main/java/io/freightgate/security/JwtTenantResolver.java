package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.TenantResolver;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The tenant of a request is the {@code org} claim of its validated access token; the actor is its subject. For the
 * web app's pages it is the signed-in person's organization and user id ({@link WebUser}, from the login's token).
 */
@Component
class JwtTenantResolver implements TenantResolver {

    @Override
    public Optional<Caller> resolve(Authentication authentication) {
        Optional<WebUser> person = WebUser.of(authentication);
        if (person.isPresent()) {
            return person.map(user -> new Caller(user.organization(), user.id().toString()));
        }
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return Optional.empty();
        }
        String organization = token.getToken().getClaimAsString(AccessTokens.ORGANIZATION_CLAIM);
        if (organization == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(TenantId.of(organization), token.getName()));
    }
}

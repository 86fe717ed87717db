package io.freightgate.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * At {@code /logout}, besides ending the session: removes every authorization of the web client
 * ({@link WebClientRegistration#CLIENT_ID}) issued to the session's user, so their refresh tokens are refused from now
 * on. Authorizations are not tied to one session, so logging out in one browser ends the user's web-client tokens in
 * all of them; API clients (client credentials) are not touched. Access tokens already issued stay valid until they
 * expire (at most five minutes).
 */
@Component
class LogoutRevocation implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(LogoutRevocation.class);

    private final OAuth2AuthorizationService authorizations;
    private final RegisteredClientRepository clients;
    private final JdbcTemplate jdbc;

    LogoutRevocation(OAuth2AuthorizationService authorizations, RegisteredClientRepository clients, JdbcTemplate jdbc) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.jdbc = jdbc;
    }

    @Override
    public void logout(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication == null || authentication.getName() == null) {
            return;
        }
        int revoked = revokeWebAuthorizations(authentication.getName());
        log.info("Logout of user {}: {} web authorization(s) revoked", authentication.getName(), revoked);
    }

    /** Removes every authorization of the web client issued to this principal (a user id); answers how many. */
    int revokeWebAuthorizations(String principalName) {
        RegisteredClient web = clients.findByClientId(WebClientRegistration.CLIENT_ID);
        return web == null ? 0 : revoke(web.getId(), principalName);
    }

    int revoke(String registeredClientId, String principalName) {
        List<String> ids = jdbc.queryForList(
                "SELECT id FROM oauth2_authorization WHERE registered_client_id = ? AND principal_name = ?",
                String.class,
                registeredClientId,
                principalName);
        int revoked = 0;
        for (String id : ids) {
            OAuth2Authorization authorization = authorizations.findById(id);
            if (authorization != null) {
                authorizations.remove(authorization);
                revoked++;
            }
        }
        return revoked;
    }
}

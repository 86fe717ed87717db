package io.freightgate.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * Refresh tokens rotate on every use; this remembers the spent ones (their SHA-256, in
 * {@code refresh_token_rotations}) with the authorization they belonged to. A spent refresh token presented again
 * means it was stolen or replayed: the whole authorization is removed, so the current refresh token stops working too
 * (OAuth 2.0 Security BCP, section 4.14.2). Only when the client the token was issued to presents it: any other client
 * is refused as for an unknown token, and cannot end a session that is not its own.
 */
class RefreshTokenReuseDetection implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenReuseDetection.class);

    private final OAuth2AuthorizationService delegate;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RefreshTokenReuseDetection(OAuth2AuthorizationService delegate, JdbcTemplate jdbc, Clock clock) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization previous = delegate.findById(authorization.getId());
        if (previous != null && previous.getRefreshToken() != null && authorization.getRefreshToken() != null) {
            String spent = previous.getRefreshToken().getToken().getTokenValue();
            if (!spent.equals(authorization.getRefreshToken().getToken().getTokenValue())) {
                jdbc.update(
                        "INSERT INTO refresh_token_rotations (token_hash, authorization_id, rotated_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (token_hash) DO NOTHING",
                        OpaqueTokens.sha256(spent),
                        authorization.getId(),
                        Timestamp.from(clock.instant()));
            }
        }
        delegate.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        OAuth2Authorization found = delegate.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            List<String> authorizations = jdbc.queryForList(
                    "SELECT authorization_id FROM refresh_token_rotations WHERE token_hash = ?",
                    String.class,
                    OpaqueTokens.sha256(token));
            Optional<String> presenter = presentingClient();
            for (String id : authorizations) {
                OAuth2Authorization reused = delegate.findById(id);
                if (reused == null) {
                    continue;
                }
                if (presenter.filter(reused.getRegisteredClientId()::equals).isPresent()) {
                    delegate.remove(reused);
                    log.warn(
                            "A spent refresh token was presented again: authorization {} of {} revoked",
                            id,
                            reused.getPrincipalName());
                } else {
                    log.warn(
                            "A spent refresh token of authorization {} was presented by another client ({}): refused,"
                                    + " the authorization stays",
                            id,
                            presenter.orElse("none"));
                }
            }
        }
        return found;
    }

    /**
     * The registered client that authenticated this request (the authorization server's client authentication puts
     * it in the security context before the token, introspection and revocation endpoints look tokens up).
     */
    private static Optional<String> presentingClient() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken client
                        && client.isAuthenticated()
                        && client.getRegisteredClient() != null
                ? Optional.of(client.getRegisteredClient().getId())
                : Optional.empty();
    }
}

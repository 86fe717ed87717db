package io.freightgate.security;

import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Failed client authentications at the authorization server ({@code POST /oauth2/token}, {@code /oauth2/introspect},
 * {@code /oauth2/revoke}, and the other endpoints where a client presents its secret), limited per client address and
 * per client id with the platform's {@link RateLimiter}. It runs before the authorization server's client
 * authentication, so a request over a limit is answered 429 ({@code rate-limited}, with {@code Retry-After}) without a
 * secret being hashed: checking one costs a bcrypt, and the web client's id is public. Each request takes one token
 * from both buckets before it goes on and gives them back unless its client authentication failed (401), so clients
 * that know their secret never run out, while no more than the limit of wrong secrets can be in progress or tried per
 * period. The per-client limit is the larger one: it bounds the hashing spent on one client by many addresses, and
 * reaching it refuses that client's requests for a while (see docs/architecture.md).
 */
final class ClientAuthenticationThrottle extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimit perClient;
    private final RateLimit perAddress;
    private final ProblemResponses problems;
    private final Set<String> endpoints;

    ClientAuthenticationThrottle(
            RateLimiter limiter,
            RateLimit perClient,
            RateLimit perAddress,
            ProblemResponses problems,
            AuthorizationServerSettings settings) {
        this.limiter = limiter;
        this.perClient = perClient;
        this.perAddress = perAddress;
        this.problems = problems;
        this.endpoints = Set.of(
                settings.getTokenEndpoint(),
                settings.getTokenIntrospectionEndpoint(),
                settings.getTokenRevocationEndpoint(),
                settings.getPushedAuthorizationRequestEndpoint(),
                settings.getDeviceAuthorizationEndpoint());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded path, as the authorization server's matchers see it: /oauth2/%74oken reaches the token endpoint.
        return !"POST".equals(request.getMethod())
                || !endpoints.contains(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (limiter.tryConsume(perAddress, address) instanceof RateLimiter.Limited limited) {
            refuse(request, response, limited, "from this address");
            return;
        }
        Optional<String> client = clientId(request).map(ClientAuthenticationThrottle::key);
        if (client.isPresent() && limiter.tryConsume(perClient, client.get()) instanceof RateLimiter.Limited limited) {
            limiter.refund(perAddress, address);
            refuse(request, response, limited, "for this client");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() != HttpStatus.UNAUTHORIZED.value()) {
                limiter.refund(perAddress, address);
                client.ifPresent(key -> limiter.refund(perClient, key));
            }
        }
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, RateLimiter.Limited limited, String scope)
            throws IOException {
        long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(
                request,
                response,
                ProblemType.RATE_LIMITED,
                "Too many failed client authentications " + scope + "; retry in " + seconds + " s.");
    }

    /**
     * The client id the request authenticates as: from HTTP Basic ({@code client_secret_basic}, the id
     * form-urlencoded before base64, RFC 6749 section 2.3.1) or the {@code client_id} parameter. Empty when there is
     * none or it cannot be read, which the authorization server refuses without hashing anything.
     */
    static Optional<String> clientId(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon <= 0
                        ? Optional.empty()
                        : Optional.of(URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(request.getParameter("client_id")).filter(id -> !id.isBlank());
    }

    /** Client ids are the caller's text, of any length: the bucket's key is their hash. */
    private static String key(String clientId) {
        return HexFormat.of().formatHex(OpaqueTokens.sha256("client-id:" + clientId));
    }
}

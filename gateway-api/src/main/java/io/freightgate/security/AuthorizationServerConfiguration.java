package io.freightgate.security;

import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.ratelimit.UserType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded OAuth2 authorization server: {@code POST /oauth2/token} issues FreightGate's access tokens (RS256,
 * signed with the same key the resource server verifies with, five minutes), {@code /oauth2/jwks} publishes the public
 * key. Clients, authorizations and consents live in PostgreSQL, so any instance can serve any request. Carrier and
 * shipper systems use the client credentials grant with an {@link ApiClients API client}; the token carries the
 * client's organization ({@code org}) and roles. Users log in at {@code /login} ({@link LoginPages}: password, then
 * TOTP) through the authorization code flow with PKCE of the confidential client {@code freightgate-web}; their
 * refresh tokens rotate on every use, a reused one ends the whole authorization ({@link RefreshTokenReuseDetection}),
 * and none outlives the absolute session lifetime. Failed client authentications are limited per client id and per
 * address before any secret is checked ({@link ClientAuthenticationThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The policy table's limit of failed client authentications per client id or per address. */
    private static RateLimit tokenEndpointLimit(Throttle throttle, KeyKind key) {
        return throttle.limit("token-endpoint", UserType.ANONYMOUS, key)
                .orElseThrow(() -> new IllegalStateException(
                        "freightgate.rate-limits.table.token-endpoint needs a limit per " + key));
    }

    @Bean
    @Order(0)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http,
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            OAuth2AuthorizationConsentService consents,
            OAuth2TokenGenerator<?> tokens,
            AuthorizationServerSettings settings,
            RateLimiter limiter,
            Throttle throttle,
            ProblemResponses problems)
            throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        // Before any client authentication (the authorization server's filter follows the pre-authentication one):
        // a request over a limit never gets its secret hashed.
        http.addFilterBefore(
                new ClientAuthenticationThrottle(
                        limiter,
                        tokenEndpointLimit(throttle, KeyKind.API_CLIENT),
                        tokenEndpointLimit(throttle, KeyKind.IP),
                        problems,
                        settings),
                AbstractPreAuthenticatedProcessingFilter.class);
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationConsentService(consents)
                        .tokenGenerator(tokens)
                        .authorizationServerSettings(settings))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // Users reach /oauth2/authorize with the session of their login (LoginPages); clients never get one.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /** Passwords and client secrets: see {@link PasswordHashing}. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(
            JdbcTemplate jdbc, RegisteredClientRepository clients, Clock clock) {
        return new RefreshTokenReuseDetection(new JdbcOAuth2AuthorizationService(jdbc, clients), jdbc, clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(
            JwtEncoder encoder,
            Clock clock,
            @Lazy Logins logins,
            @Value("${freightgate.security.session.absolute-timeout:PT12H}") Duration sessionLifetime) {
        var jwt = new JwtGenerator(encoder);
        jwt.setClock(clock);
        jwt.setJwtCustomizer(context -> customize(context, logins));
        var refresh = new OAuth2RefreshTokenGenerator();
        refresh.setClock(clock);
        return new DelegatingOAuth2TokenGenerator(
                jwt, new OAuth2AccessTokenGenerator(), absoluteLifetime(refresh, sessionLifetime));
    }

    /**
     * Rotated refresh tokens never outlive the session they belong to: {@code sessionLifetime}
     * ({@code freightgate.security.session.absolute-timeout}) from the login (the authorization code's issue time),
     * however often they are refreshed.
     */
    static OAuth2TokenGenerator<OAuth2RefreshToken> absoluteLifetime(
            OAuth2TokenGenerator<OAuth2RefreshToken> generator, Duration sessionLifetime) {
        return context -> {
            OAuth2RefreshToken token = generator.generate(context);
            if (token == null || context.getAuthorization() == null) {
                return token;
            }
            var code = context.getAuthorization().getToken(OAuth2AuthorizationCode.class);
            if (code == null || code.getToken().getIssuedAt() == null || token.getExpiresAt() == null) {
                return token;
            }
            Instant end = code.getToken().getIssuedAt().plus(sessionLifetime);
            return token.getExpiresAt().isAfter(end)
                    ? new OAuth2RefreshToken(token.getTokenValue(), token.getIssuedAt(), end)
                    : token;
        };
    }

    /**
     * Access tokens carry FreightGate's API as audience and the caller's organization ({@code org}) and roles: an API
     * client's from its registration, a user's (subject = user id) from the user as it is now, so a disabled user's
     * refresh fails and changed roles apply at the next refresh. A user's tokens also say how and when the login
     * happened ({@code amr}, {@code auth_time}: see {@link StepUp}); refreshing them does not make the login younger.
     */
    static void customize(JwtEncodingContext context, Logins logins) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        // Mutable lists: the authorization (with these claims) is stored as JSON and read back with an allow-list of
        // types that has ArrayList but not the JDK's immutable lists.
        context.getClaims().audience(new ArrayList<>(List.of(AccessTokens.AUDIENCE)));
        AuthorizationGrantType grant = context.getAuthorizationGrantType();
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(grant)
                || AuthorizationGrantType.REFRESH_TOKEN.equals(grant)) {
            Authentication principal =
                    Objects.requireNonNull(context.getPrincipal(), "code and refresh-token grants have a principal");
            String subject = principal.getName();
            StepUp.Claims factors = StepUp.claimsOf(principal.getAuthorities());
            context.getClaims().claim(StepUp.AMR_CLAIM, factors.amr());
            factors.authTime().ifPresent(time -> context.getClaims().claim(StepUp.AUTH_TIME_CLAIM, time));
            LoginOutcome.Authenticated user = parse(subject)
                    .flatMap(logins::tokenClaims)
                    .orElseThrow(() -> new OAuth2AuthenticationException(
                            new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The user is not active", null)));
            context.getClaims()
                    .subject(subject)
                    .claim(AccessTokens.ORGANIZATION_CLAIM, user.organization().toString())
                    .claim(
                            AccessTokens.ROLES_CLAIM,
                            new ArrayList<>(
                                    user.roles().stream().map(Role::name).toList()));
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            var settings = context.getRegisteredClient().getClientSettings();
            String organization = settings.getSetting(ApiClients.ORGANIZATION_SETTING);
            String roles = settings.getSetting(ApiClients.ROLES_SETTING);
            if (organization != null) {
                context.getClaims().claim(AccessTokens.ORGANIZATION_CLAIM, organization);
            }
            if (roles != null) {
                context.getClaims().claim(AccessTokens.ROLES_CLAIM, new ArrayList<>(Arrays.asList(roles.split(","))));
            }
        }
    }

    private static Optional<UUID> parse(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

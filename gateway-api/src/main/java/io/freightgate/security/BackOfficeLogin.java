package io.freightgate.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The web app's pages ({@code /}, {@code /backoffice/**}, the carrier and shipper pages under {@code /portal/**}, the
 * carriers' onboarding return pages) log people in as an OAuth2 client of the embedded authorization server: the
 * confidential client {@code freightgate-web} ({@link WebClientRegistration}), authorization code with PKCE, so the
 * login is the authorization server's own ({@link LoginPages}: password, TOTP, lockout, throttling) and nothing about
 * it is built twice. After the code exchange the access token is decoded with the resource server's own decoder
 * (issuer, audience, signature) and becomes the session's person ({@link WebUser}): user id, organization, roles and
 * how the login happened. Tokens are not kept (the pages call module facades, not the API), so the session holds none.
 *
 * <p>The session is the login's JDBC session ({@link WebSessions}), with the pages' security context under a key of
 * its own, so the authorization server's login and the pages' login live side by side and {@code POST /logout} ends
 * both. The browser is sent to the authorization endpoint by a relative URL and comes back to the registered redirect
 * URI ({@code {issuer}/login/oauth2/code/freightgate}); the code is exchanged over this instance's own port
 * ({@code freightgate.security.web-client.token-uri} when that is not reachable, e.g. TLS with a certificate for the
 * public name only). API clients and the {@code /api/**} resource server are untouched: their chains come first.
 */
@Configuration(proxyBeanMethods = false)
class BackOfficeLogin {

    static final String REGISTRATION_ID = "freightgate";
    /** The session attribute of the pages' security context (the login pages' is Spring Security's default). */
    static final String CONTEXT_KEY = "FG_WEB_SECURITY_CONTEXT";

    static final String SAVED_PAGE_KEY = "FG_WEB_SAVED_PAGE";
    /** The attribute of the signed-in person that holds the user id. */
    static final String USER = "sub";

    private static final Logger log = LoggerFactory.getLogger(BackOfficeLogin.class);

    @Bean
    @Order(5)
    SecurityFilterChain webAppSecurity(
            HttpSecurity http,
            WebClientRegistration webClient,
            JwtDecoder decoder,
            Environment environment,
            ProblemSecurityHandlers problems,
            @Value("${freightgate.security.web-client.token-uri:}") String configuredTokenUri)
            throws Exception {
        var contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        // The page asked for before the login, under a key of its own: the authorization server's login keeps its
        // own saved request (the /oauth2/authorize call) under Spring Security's default one meanwhile.
        var savedPages = new HttpSessionRequestCache();
        savedPages.setSessionAttrName(SAVED_PAGE_KEY);
        ClientRegistrationRepository clients = registrationId -> REGISTRATION_ID.equals(registrationId)
                ? registration(webClient, tokenUri(configuredTokenUri, environment))
                : null;
        http.securityMatcher(
                        "/",
                        "/backoffice",
                        "/backoffice/**",
                        "/portal/**",
                        "/carriers/*/onboarding/**",
                        "/oauth2/authorization/**",
                        "/login/oauth2/code/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(savedPages))
                .oauth2Login(login -> login.clientRegistrationRepository(clients)
                        .authorizedClientRepository(new NoTokensKept())
                        .loginPage("/oauth2/authorization/" + REGISTRATION_ID)
                        .userInfoEndpoint(user -> user.userService(people(decoder)))
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> {
                            log.warn("Web app login failed: {}", failure.getMessage());
                            response.sendRedirect("/login?failed");
                        }))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(problems))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    static ClientRegistration registration(WebClientRegistration webClient, String tokenUri) {
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(WebClientRegistration.CLIENT_ID)
                .clientSecret(webClient.currentSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // Local mode: back to the origin the browser came from (registered for the local port); otherwise
                // the issuer's, the only one registered.
                .redirectUri(
                        webClient.localMode()
                                ? "{baseUrl}/login/oauth2/code/{registrationId}"
                                : webClient.redirectUri())
                .scope("api")
                .authorizationUri("/oauth2/authorize")
                .tokenUri(tokenUri)
                .userNameAttributeName(USER)
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
    }

    /** The token endpoint as this instance reaches it: its own port, unless configured. */
    static String tokenUri(String configured, Environment environment) {
        if (!configured.isBlank()) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        return scheme + "://localhost:" + port + "/oauth2/token";
    }

    /**
     * The signed-in person from the access token of the login, validated like any API token: the user id, the
     * organization, the roles (as authorities) and the login's {@code amr} and {@code auth_time}.
     */
    static OAuth2UserService<OAuth2UserRequest, OAuth2User> people(JwtDecoder decoder) {
        return request -> {
            Jwt token;
            try {
                token = decoder.decode(request.getAccessToken().getTokenValue());
            } catch (JwtException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"), e);
            }
            List<String> roles = token.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
            if (token.getSubject() == null || roles == null) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"));
            }
            var attributes = new HashMap<String, Object>();
            attributes.put(USER, token.getSubject());
            attributes.put(AccessTokens.ORGANIZATION_CLAIM, token.getClaimAsString(AccessTokens.ORGANIZATION_CLAIM));
            attributes.put(AccessTokens.ROLES_CLAIM, new ArrayList<>(roles));
            List<String> amr = token.getClaimAsStringList(StepUp.AMR_CLAIM);
            attributes.put(StepUp.AMR_CLAIM, amr == null ? new ArrayList<String>() : new ArrayList<>(amr));
            Object authTime = token.getClaims().get(StepUp.AUTH_TIME_CLAIM);
            if (authTime instanceof Number seconds) {
                attributes.put(StepUp.AUTH_TIME_CLAIM, seconds.longValue());
            } else if (authTime instanceof java.time.Instant instant) {
                attributes.put(StepUp.AUTH_TIME_CLAIM, instant.getEpochSecond());
            } else if (authTime instanceof java.util.Date date) {
                attributes.put(StepUp.AUTH_TIME_CLAIM, date.toInstant().getEpochSecond());
            }
            var authorities = new ArrayList<GrantedAuthority>();
            for (String role : roles) {
                try {
                    authorities.add(
                            new SimpleGrantedAuthority(Role.valueOf(role).authority()));
                } catch (IllegalArgumentException e) {
                    // An unknown role grants nothing.
                }
            }
            return new DefaultOAuth2User(authorities, attributes, USER);
        };
    }

    /** The pages call module facades, not the API: the login's tokens are not kept anywhere. */
    private static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}

package io.freightgate.security;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.freightgate.platform.web.ContentSecurityPolicy;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security filter chains, most specific first: {@code /api/**} is a stateless resource server accepting only
 * FreightGate's own RS256 tokens (issuer, audience, expiry and not-before checked, 60 s clock skew); everything else
 * (health on the management port, problem types, {@code /.well-known/security.txt}) is public and read-only, except the
 * API document, which needs a token or a login session. The JWT
 * decoder is built from the locally configured keys ({@link SigningKeys}: the active one, and during a rotation the
 * next and the previous one), never by calling the issuer at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SigningKeys signingKeys(
            @Value("${freightgate.security.jwt.private-key}") String privateKey,
            @Value("${freightgate.security.jwt.next-key:}") String nextKey,
            @Value("${freightgate.security.jwt.previous-key:}") String previousKey) {
        SigningKeys keys = SigningKeys.of(privateKey, Optional.of(nextKey), Optional.of(previousKey));
        log.info("Token signing keys: {}", keys);
        return keys;
    }

    /**
     * The public keys for {@code /oauth2/jwks}: the active key and, during a rotation, the next and the previous one.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.publicSet());
    }

    /** Signs with the active key only; the other published keys only verify. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(keys.signingSet()));
    }

    @Bean
    AccessTokens accessTokens(
            JwtEncoder encoder,
            SigningKeys keys,
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer,
            Clock clock) {
        return new AccessTokens(encoder, issuer, keys.keyId(), clock);
    }

    @Bean
    JwtDecoder jwtDecoder(
            SigningKeys keys,
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer,
            Clock clock,
            ApiClients apiClients) {
        // Every published key verifies (its kid selects it); RS256 only, so "none" and HMAC tokens are refused.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys.publicSet()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AccessTokens.AUDIENCE));
        OAuth2TokenValidator<Jwt> organization = jwt -> jwt.getClaimAsString(AccessTokens.ORGANIZATION_CLAIM) != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "No organization", null));
        OAuth2TokenValidator<Jwt> activeClient = jwt -> jwt.getSubject() == null
                        || !jwt.getSubject().startsWith("fgc_")
                        || apiClients.isActive(jwt.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Client disabled", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                timestamps, new JwtIssuerValidator(issuer), audience, organization, activeClient));
        return decoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                org.springframework.http.HttpMethod.POST,
                                "/api/v1/invitations/*/acceptance",
                                "/api/v1/password-resets",
                                "/api/v1/password-resets/*/completion")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * Stripe's webhook deliveries carry no token: they are authenticated by their {@code Stripe-Signature}, which the
     * intake verifies on the raw body. No session, no CSRF token (Stripe could not send one).
     */
    @Bean
    @Order(2)
    SecurityFilterChain webhookSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * The API document and its viewer are for integrators, not for the internet: any valid access token (the same
     * decoder as {@code /api/**}), or the session of a user who completed the login (both factors).
     */
    @Bean
    @Order(4)
    SecurityFilterChain apiDocumentSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * Everything else is public and read-only. Actuator answers here only on the management port
     * ({@code management.server.port}), which is never published; the internet-facing port has /livez and /readyz.
     */
    @Bean
    @Order(100)
    SecurityFilterChain publicSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/livez",
                                "/readyz",
                                "/problems/**",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.strictHeader()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny());
    }

    private static AbstractAuthenticationToken authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
        Collection<GrantedAuthority> authorities = roles == null
                ? List.of()
                : roles.stream()
                        .filter(SecurityConfiguration::isKnownRole)
                        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                        .toList();
        return new JwtAuthenticationToken(jwt, authorities); // named by the token's subject
    }

    private static boolean isKnownRole(String role) {
        try {
            Role.valueOf(role);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package io.freightgate.security;

import io.freightgate.platform.web.ContentSecurityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages a secret link opens and whose form posts back to the same link: {@code /invitations/{token}},
 * {@code /password-reset/{token}} ({@link AccountPages}), {@code /driver/loads/{token}} (the driver page) and
 * {@code /disputes/uploads/{token}} (a dispute's single-use upload link for the carrier). The token in
 * the path is the credential, so a forged post from another site achieves nothing without it; the forms carry a CSRF
 * token all the same, like every form of the application. No session: the CSRF token's cookie is {@code HttpOnly},
 * {@code SameSite=Strict} and lives as long as the browser; a post without the page's token gets 403. The pages are
 * sent with the strict Content-Security-Policy, {@code Referrer-Policy: no-referrer} (the token must not leak) and no
 * framing.
 */
@Configuration(proxyBeanMethods = false)
class TokenPageSecurity {

    static final String CSRF_COOKIE = "FG-LINK-CSRF";

    @Bean
    @Order(3)
    SecurityFilterChain tokenPageChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict"));
        http.securityMatcher("/invitations/*", "/password-reset/*", "/driver/loads/*", "/disputes/uploads/*")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(tokens))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(ContentSecurityPolicy.strictHeader()))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}

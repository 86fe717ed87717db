package io.freightgate.security;

import io.freightgate.platform.web.ContentSecurityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The login pages' chain ({@code /login}, {@code /login/second-factor}, {@code /login/enrolment},
 * {@code /login/step-up}, {@code /logout}):
 * session-based, CSRF-protected forms, no inline scripts. {@link LoginPages} authenticates and stores the security
 * context in the session, which the authorization server's chain then reads at {@code /oauth2/authorize}. {@code POST
 * /logout} (with the CSRF token) invalidates the session (its row in {@code spring_session} goes) and revokes the
 * user's web-client authorizations ({@link LogoutRevocation}).
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    /** The session cookie's name: Spring Session's default. */
    static final String SESSION_COOKIE = "SESSION";

    @Bean
    @Order(2)
    SecurityFilterChain loginSecurity(HttpSecurity http, LogoutRevocation revocation) throws Exception {
        http.securityMatcher("/login", "/login/second-factor", "/login/enrolment", StepUp.STEP_UP_PATH, "/logout")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(revocation)
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(SESSION_COOKIE))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(ContentSecurityPolicy.strictHeader()))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}

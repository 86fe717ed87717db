package io.freightgate.security;

import io.freightgate.platform.PlatformConfiguration;
import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.ratelimit.ApiRateLimitFilter;
import io.freightgate.platform.ratelimit.CallerKinds;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.web.ContentSecurityPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The password-reset request form ({@code /password-reset}, {@link AccountPages}) is open to anyone, so it is guarded
 * like the API it mirrors ({@code POST /api/v1/password-resets}):
 *
 * <ul>
 *   <li>A post needs the CSRF token of the page (Spring Security's CSRF filter; 403 problem without it), so another
 *       site cannot make its visitors' browsers ask for resets and use up a user's reset mails. The token's cookie is
 *       {@code HttpOnly}, {@code SameSite=Strict} and scoped to the page's path: the page needs no session.
 *   <li>A post takes from the same per-caller bucket as the API ({@code freightgate.rate-limit.api.*}, 600 a minute by
 *       default, per client address for anonymous callers): 429 {@code rate-limited} with {@code Retry-After} beyond
 *       it, and the form and the API share the address's budget.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AccountPageSecurity {

    static final String RESET_FORM = "/password-reset";

    @Bean
    @Order(3)
    SecurityFilterChain passwordResetFormSecurity(HttpSecurity http, ProblemSecurityHandlers problems)
            throws Exception {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("FG-RESET-CSRF");
        tokens.setCookieCustomizer(cookie -> cookie.path(RESET_FORM).sameSite("Strict"));
        http.securityMatcher(RESET_FORM)
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

    /** The platform's API rate limit (the policy table's api row), applied to posts of the reset form as well. */
    @Bean
    FilterRegistrationBean<ApiRateLimitFilter> passwordResetFormRateLimit(
            Throttle throttle, CallerKinds callers, ProblemResponses problems) {
        ApiRateLimitFilter filter = new ApiRateLimitFilter(throttle, callers, problems) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !RESET_FORM.equals(request.getRequestURI());
            }
        };
        var registration = new FilterRegistrationBean<ApiRateLimitFilter>(filter);
        registration.addUrlPatterns(RESET_FORM);
        registration.setOrder(PlatformConfiguration.RATE_LIMIT_FILTER_ORDER);
        return registration;
    }
}

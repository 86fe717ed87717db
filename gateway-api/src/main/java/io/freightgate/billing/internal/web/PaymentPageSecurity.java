package io.freightgate.billing.internal.web;

import io.freightgate.platform.web.ContentSecurityPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The hosted payment page's own chain ({@code /pay/**}), between the webhook and login chains (order 2) and the public
 * one (100): no login (the link's token is the credential), but CSRF-protected forms with the token kept in the
 * session, no referrer (the token must not leak to the bank's 3-D Secure page), no framing. The Content-Security-Policy
 * allows no inline script; scripts and frames from Stripe only in Stripe.js mode, and form submissions may be
 * redirected to the 3-D Secure page (the emulator's origin in local mode, Stripe's otherwise). A refused CSRF token
 * gets an HTML page, since a browser shows it.
 */
@Configuration(proxyBeanMethods = false)
class PaymentPageSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain paymentPageChain(
            HttpSecurity http,
            @Value("${freightgate.stripe.publishable-key:}") String publishableKey,
            @Value("${freightgate.stripe.api-base:https://api.stripe.com}") String apiBase,
            PaymentPageHtml html)
            throws Exception {
        String policy = contentSecurityPolicy(PaymentPage.cardForm(publishableKey), apiBase);
        http.securityMatcher("/pay/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(Customizer.withDefaults())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(403);
                    response.setContentType("text/html;charset=UTF-8");
                    response.setHeader("Cache-Control", "no-store");
                    response.getOutputStream()
                            .write(html.message(
                                            "Form expired",
                                            "This form has expired or did not come from this page. Open the payment"
                                                    + " link again; nothing was charged.",
                                            request,
                                            response)
                                    .getBytes(StandardCharsets.UTF_8));
                }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    static String contentSecurityPolicy(PaymentPageHtml.CardForm cardForm, String apiBase) {
        boolean elements = cardForm instanceof PaymentPageHtml.StripeElements;
        String threeDSecure = elements || apiBase.isBlank() ? "https://*.stripe.com" : origin(apiBase);
        ContentSecurityPolicy policy = ContentSecurityPolicy.strict().withFormActions(threeDSecure);
        if (elements) {
            policy = policy.withScriptSources("https://js.stripe.com")
                    .withFrameSources("https://js.stripe.com", "https://hooks.stripe.com")
                    .withConnectSources("https://api.stripe.com");
        }
        return policy.header();
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}

package io.freightgate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web sessions (the login pages and {@code /oauth2/authorize}) live in PostgreSQL through Spring Session JDBC (table
 * {@code spring_session}), so any instance serves any request. The cookie {@code SESSION} is {@code HttpOnly},
 * {@code SameSite=Lax} and {@code Secure}; {@code freightgate.security.session.secure-cookie=false} is accepted only
 * in local mode, which turns it off by itself when the issuer is plain {@code http://}. Besides the idle timeout
 * ({@code server.servlet.session.timeout}), a session ends {@code freightgate.security.session.absolute-timeout}
 * (default 12 h) after it began, however active it is.
 */
@Configuration(proxyBeanMethods = false)
class WebSessions {

    /** Sets the cookie's {@code Secure} flag as {@link #secureCookie} decides. */
    @Bean
    DefaultCookieSerializerCustomizer secureSessionCookie(
            @Value("${freightgate.security.session.secure-cookie:#{null}}") Boolean configured,
            @Value("${freightgate.local.active:false}") boolean localMode,
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer) {
        boolean secure = secureCookie(Optional.ofNullable(configured), localMode, issuer);
        return serializer -> serializer.setUseSecureCookie(secure);
    }

    /**
     * {@code Secure} unless configured otherwise in local mode; local mode over plain HTTP defaults to not secure (a
     * browser would not send a {@code Secure} cookie to {@code http://} on a host other than localhost).
     *
     * @throws IllegalStateException if {@code Secure} is turned off outside local mode
     */
    static boolean secureCookie(Optional<Boolean> configured, boolean localMode, String issuer) {
        if (configured.isPresent()) {
            if (!configured.get() && !localMode) {
                throw new IllegalStateException(
                        "freightgate.security.session.secure-cookie=false is allowed in local mode only");
            }
            return configured.get();
        }
        return !(localMode && issuer.startsWith("http://"));
    }

    @Bean
    FilterRegistrationBean<AbsoluteSessionLifetime> absoluteSessionLifetime(
            @Value("${freightgate.security.session.absolute-timeout:PT12H}") Duration lifetime, Clock clock) {
        var registration = new FilterRegistrationBean<>(new AbsoluteSessionLifetime(lifetime, clock));
        // After Spring Session's filter has replaced the container's session, before Spring Security reads it.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    /** Invalidates a session older than the absolute lifetime before anything reads it. */
    static final class AbsoluteSessionLifetime extends OncePerRequestFilter {

        private final Duration lifetime;
        private final Clock clock;

        AbsoluteSessionLifetime(Duration lifetime, Clock clock) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("freightgate.security.session.absolute-timeout must be positive");
            }
            this.lifetime = lifetime;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null && expired(session.getCreationTime())) {
                session.invalidate();
            }
            chain.doFilter(request, response);
        }

        boolean expired(long creationTimeMillis) {
            return !Instant.ofEpochMilli(creationTimeMillis).plus(lifetime).isAfter(clock.instant());
        }
    }
}

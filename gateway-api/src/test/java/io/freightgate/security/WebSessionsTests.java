package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class WebSessionsTests {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void theSessionCookieIsSecureUnlessLocalModeRunsOverPlainHttp() {
        assertThat(WebSessions.secureCookie(Optional.empty(), false, "http://gateway.internal"))
                .isTrue();
        assertThat(WebSessions.secureCookie(Optional.empty(), false, "https://freightgate.example"))
                .isTrue();
        assertThat(WebSessions.secureCookie(Optional.empty(), true, "https://localhost:8443"))
                .isTrue();
        assertThat(WebSessions.secureCookie(Optional.empty(), true, "http://localhost:8080"))
                .isFalse();
        assertThat(WebSessions.secureCookie(Optional.of(true), true, "http://localhost:8080"))
                .isTrue();
        assertThat(WebSessions.secureCookie(Optional.of(false), true, "https://localhost:8443"))
                .isFalse();
    }

    @Test
    void anInsecureSessionCookieIsRefusedOutsideLocalMode() {
        assertThatThrownBy(() -> WebSessions.secureCookie(Optional.of(false), false, "http://localhost:8080"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("local mode only");
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverActiveItIs() throws Exception {
        var filter = new WebSessions.AbsoluteSessionLifetime(Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC));
        MockHttpSession young = session(NOW.minus(Duration.ofHours(11).plusMinutes(59)));
        MockHttpSession old = session(NOW.minus(Duration.ofHours(12)));

        filter.doFilter(request(young), new MockHttpServletResponse(), new MockFilterChain());
        filter.doFilter(request(old), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(young.isInvalid()).isFalse();
        assertThat(old.isInvalid()).isTrue();
    }

    private static MockHttpSession session(Instant createdAt) {
        return new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return createdAt.toEpochMilli();
            }
        };
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        var request = new MockHttpServletRequest("GET", "/oauth2/authorize");
        request.setSession(session);
        return request;
    }
}

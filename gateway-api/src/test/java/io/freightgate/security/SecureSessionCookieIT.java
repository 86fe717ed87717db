package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.support.GatewayIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The session cookie is {@code Secure} whenever the gateway is served over HTTPS, here local mode with an
 * {@code https://} issuer (outside local mode it is always {@code Secure}, see {@link WebSessionsTests}); the other
 * tests run over plain HTTP, where local mode leaves the flag off so browsers send the cookie at all.
 */
@TestPropertySource(properties = "freightgate.security.issuer=https://gateway.freightgate.test")
class SecureSessionCookieIT extends GatewayIT {

    @Test
    void theLoginPagesSessionCookieIsSecureHttpOnlyAndSameSite() {
        var page = api.get("/login").send();

        assertThat(page.status()).isEqualTo(200);
        List<String> cookies = page.raw().headers().allValues("Set-Cookie");
        assertThat(cookies)
                .filteredOn(cookie -> cookie.startsWith(LoginConfiguration.SESSION_COOKIE + "="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie)
                        .contains("; Secure")
                        .contains("; HttpOnly")
                        .contains("; SameSite=Lax"));
    }
}

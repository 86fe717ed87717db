package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedProxiesTests {

    final TrustedProxies.ForwardedHeadersFromTrustedProxies filter =
            new TrustedProxies.ForwardedHeadersFromTrustedProxies(List.of("10.0.0.0/8", " 192.0.2.10 "));

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() throws Exception {
        HttpServletRequest seen = pass("203.0.113.9", "198.51.100.1", "https");

        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();
        assertThat(seen.isSecure()).isFalse();
    }

    @Test
    void byDefaultNoProxyIsTrusted() throws Exception {
        var none = new TrustedProxies.ForwardedHeadersFromTrustedProxies(List.of());
        var request = request("127.0.0.1", "198.51.100.1", null);
        var chain = new MockFilterChain();

        none.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest().getRemoteAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedAddress() throws Exception {
        HttpServletRequest seen = pass("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.0.2.10", "https");

        assertThat(seen.getRemoteAddr())
                .as("the spoofed left-most entry is ignored")
                .isEqualTo("198.51.100.7");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
    }

    @Test
    void garbageInTheChainStopsAtTheLastKnownHop() {
        assertThat(filter.clientAddress("10.1.2.3", List.of("evil.example, 10.9.9.9")))
                .isEqualTo("10.9.9.9");
        assertThat(filter.clientAddress("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
        assertThat(filter.clientAddress("10.1.2.3", List.of("198.51.100.7", "10.9.9.9")))
                .isEqualTo("198.51.100.7");
    }

    private HttpServletRequest pass(String remote, String forwardedFor, String proto) throws Exception {
        var chain = new MockFilterChain();
        filter.doFilter(request(remote, forwardedFor, proto), new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor, String proto) {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        return request;
    }
}

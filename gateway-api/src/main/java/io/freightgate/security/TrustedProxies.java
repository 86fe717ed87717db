package io.freightgate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwarded headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code Forwarded}) are believed only from
 * the proxies listed in {@code freightgate.security.trusted-proxies} (IP addresses or CIDR ranges, comma-separated;
 * empty by default, so nobody's headers are believed and they are removed). From a trusted proxy, the scheme and host
 * are applied (so {@code isSecure()} and HSTS follow the proxy's TLS) and the client address is the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy: entries to its left were written by the client and
 * prove nothing. The per-address login throttle and the API rate limits see that address. Replaces Spring Boot's
 * {@code server.forward-headers-strategy}, which is {@code none}.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    @Bean
    FilterRegistrationBean<ForwardedHeadersFromTrustedProxies> forwardedHeadersFromTrustedProxies(
            @Value("${freightgate.security.trusted-proxies:}") List<String> proxies) {
        var registration = new FilterRegistrationBean<>(new ForwardedHeadersFromTrustedProxies(proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The filter; see {@link TrustedProxies}. */
    static final class ForwardedHeadersFromTrustedProxies extends OncePerRequestFilter {

        private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

        private final List<IpAddressMatcher> trusted;
        private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
        private final ForwardedHeaderFilter strip = new ForwardedHeaderFilter();

        ForwardedHeadersFromTrustedProxies(List<String> proxies) {
            this.trusted = proxies.stream()
                    .map(String::strip)
                    .filter(proxy -> !proxy.isEmpty())
                    .map(IpAddressMatcher::new)
                    .toList();
            strip.setRemoveOnly(true);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String remote = request.getRemoteAddr();
            if (!isTrusted(remote)) {
                strip.doFilter(request, response, chain);
                return;
            }
            String client = clientAddress(remote, Collections.list(request.getHeaders("X-Forwarded-For")));
            apply.doFilter(
                    request,
                    response,
                    (forwarded, forwardedResponse) -> chain.doFilter(
                            new ClientAddress((HttpServletRequest) forwarded, client), forwardedResponse));
        }

        /** The right-most address of the chain that is not a trusted proxy (the remote address if all are). */
        String clientAddress(String remote, List<String> forwardedFor) {
            List<String> hops = new ArrayList<>();
            forwardedFor.forEach(header -> {
                for (String hop : header.split(",")) {
                    hops.add(hop.strip());
                }
            });
            String client = remote;
            for (int i = hops.size() - 1; i >= 0; i--) {
                String hop = hops.get(i);
                if (!IP_LITERAL.matcher(hop).matches()) {
                    // Not an address (a name, "unknown", garbage): the hop that wrote it is the last one we know.
                    return client;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    return hop;
                }
            }
            return client;
        }

        boolean isTrusted(String address) {
            if (address == null || !IP_LITERAL.matcher(address).matches()) {
                return false;
            }
            return trusted.stream().anyMatch(matcher -> matcher.matches(address));
        }
    }

    private static final class ClientAddress extends HttpServletRequestWrapper {

        private final String address;

        ClientAddress(HttpServletRequest request, String address) {
            super(request);
            this.address = address;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }
    }
}

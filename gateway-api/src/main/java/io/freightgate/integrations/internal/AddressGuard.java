package io.freightgate.integrations.internal;

import io.freightgate.integrations.WebhookUrlRefused;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps integrator webhooks from becoming a way into FreightGate's own network (SSRF). An endpoint URL must be absolute
 * {@code https} (plain {@code http} only where {@code allowHttp}, i.e. local mode), carry no user info, and every
 * address its host resolves to must be public: loopback, private (RFC 1918, unique-local), link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, multicast, the unspecified and broadcast addresses and IPv4-mapped or
 * -translated forms of them are refused. Loopback alone can be allowed ({@code allowLoopback}) for local mode and tests.
 * Checked when an endpoint is registered and again before every delivery (DNS answers change).
 */
public class AddressGuard {

    /** Resolves a host name to all of its addresses; the JDK resolver in production, a fixed table in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowLoopback;
    private final Resolver resolver;

    public AddressGuard(boolean allowHttp, boolean allowLoopback, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public static Resolver systemResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /** The URL as a URI when FreightGate may send to it now; {@link WebhookUrlRefused} with the reason otherwise. */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WebhookUrlRefused("The URL is malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new WebhookUrlRefused("The URL must be an absolute https URL");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new WebhookUrlRefused("The URL must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookUrlRefused("The URL must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookUrlRefused("The URL must not carry a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new WebhookUrlRefused("The URL has no host");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new WebhookUrlRefused("The URL's host does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new WebhookUrlRefused("The URL's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!permitted(address)) {
                throw new WebhookUrlRefused(
                        "The URL's host resolves to a loopback, private, link-local or otherwise internal address");
            }
        }
        return uri;
    }

    boolean permitted(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        if (effective.isLoopbackAddress()) {
            return allowLoopback;
        }
        return !internal(effective);
    }

    private static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        int first = bytes[0] & 0xff;
        return (first & 0xfe) == 0xfc // unique local fc00::/7
                || (first == 0xfe && (bytes[1] & 0xc0) == 0xc0); // deprecated site-local fec0::/10
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), -compatible or NAT64 (64:ff9b::/96) IPv6 address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean mapped = zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix
                && bytes[10] == 0
                && bytes[11] == 0
                && !address.isLoopbackAddress()
                && !address.isAnyLocalAddress();
        boolean nat64 = (bytes[0] & 0xff) == 0x00
                && (bytes[1] & 0xff) == 0x64
                && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (!(mapped || compatible || nat64)) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

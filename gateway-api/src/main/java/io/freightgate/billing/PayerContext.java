package io.freightgate.billing;

import java.util.Optional;

/**
 * Where a payment came from, as the web request showed it, for screening: the payer's IP address and user agent, and
 * the payment-page link used (the SHA-256 of its token, as billing stores it; never the token), and what the payment
 * page's device fingerprint collector sent (form-encoded browser attributes, passed on unread to screening, which keeps
 * only a keyed hash of them; at most {@link #DEVICE_FINGERPRINT_LIMIT} characters). Empty parts are unknown
 * to screening (a payment made by a job, the demo data). Only a public address names a payer: a loopback, private,
 * link-local or unspecified address is a proxy's or the machine's own, shared by every payer behind it (one dispute
 * would put them all on the watch list), so it is left unknown.
 */
public record PayerContext(
        Optional<String> ipAddress,
        Optional<String> userAgent,
        Optional<String> payLink,
        Optional<String> deviceFingerprint) {

    /** The longest user agent kept; longer ones are cut. */
    public static final int USER_AGENT_LIMIT = 500;

    /** The longest device fingerprint passed on; a longer one is dropped whole (it is not what the script sends). */
    public static final int DEVICE_FINGERPRINT_LIMIT = 2_048;

    /** Without a device fingerprint (the API, jobs). */
    public PayerContext(Optional<String> ipAddress, Optional<String> userAgent, Optional<String> payLink) {
        this(ipAddress, userAgent, payLink, Optional.empty());
    }

    public PayerContext {
        deviceFingerprint = deviceFingerprint.filter(
                collected -> !collected.isBlank() && collected.length() <= DEVICE_FINGERPRINT_LIMIT);
        ipAddress = ipAddress.filter(PayerContext::publicAddress);
        userAgent = userAgent
                .filter(agent -> !agent.isBlank())
                .map(agent -> agent.length() > USER_AGENT_LIMIT ? agent.substring(0, USER_AGENT_LIMIT) : agent);
        payLink = payLink.filter(link -> !link.isBlank());
    }

    /** Whether {@code ip} is an IP address literal of the public internet. */
    static boolean publicAddress(String ip) {
        if (ip.isBlank() || !ip.matches("[0-9A-Fa-f:.]{2,45}")) {
            return false;
        }
        try {
            java.net.InetAddress address = java.net.InetAddress.ofLiteral(ip);
            boolean uniqueLocal = address instanceof java.net.Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
            return !(address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()
                    || uniqueLocal);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Nothing known about the payer's request. */
    public static PayerContext unknown() {
        return new PayerContext(Optional.empty(), Optional.empty(), Optional.empty());
    }
}

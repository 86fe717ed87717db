package io.freightgate.billing;

import java.util.Optional;

/**
 * Where a payment came from, as the web request showed it, for screening: the payer's IP address and user agent, and
 * the payment-page link used (the SHA-256 of its token, as billing stores it; never the token). Empty parts are unknown
 * to screening (a payment made by a job, the demo data).
 */
public record PayerContext(Optional<String> ipAddress, Optional<String> userAgent, Optional<String> payLink) {

    /** The longest user agent kept; longer ones are cut. */
    public static final int USER_AGENT_LIMIT = 500;

    public PayerContext {
        ipAddress = ipAddress.filter(ip -> !ip.isBlank());
        userAgent = userAgent
                .filter(agent -> !agent.isBlank())
                .map(agent -> agent.length() > USER_AGENT_LIMIT ? agent.substring(0, USER_AGENT_LIMIT) : agent);
        payLink = payLink.filter(link -> !link.isBlank());
    }

    /** Nothing known about the payer's request. */
    public static PayerContext unknown() {
        return new PayerContext(Optional.empty(), Optional.empty(), Optional.empty());
    }
}

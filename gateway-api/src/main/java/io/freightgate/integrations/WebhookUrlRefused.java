package io.freightgate.integrations;

/**
 * An endpoint URL FreightGate will not send to: not https (outside local mode), malformed, or resolving to a loopback,
 * private, link-local or otherwise internal address. The message names the reason, never a resolved address.
 */
public class WebhookUrlRefused extends RuntimeException {

    public WebhookUrlRefused(String reason) {
        super(reason, null, false, false);
    }
}

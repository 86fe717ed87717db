package io.freightgate.platform.stripe.events;

import java.util.Arrays;
import java.util.Optional;

/** FreightGate's two Stripe webhook endpoints, each with its own secrets. */
public enum WebhookEndpoint {
    /** {@code POST /webhooks/stripe}: events of the platform account (payments, charges, disputes, transfers). */
    PLATFORM("platform"),
    /** {@code POST /webhooks/stripe/connect}: events on connected accounts, each with {@code account}. */
    CONNECT("connect");

    private final String key;

    WebhookEndpoint(String key) {
        this.key = key;
    }

    /** The stored and configured name ({@code freightgate.stripe.webhook-secrets.<key>}). */
    public String key() {
        return key;
    }

    public static Optional<WebhookEndpoint> byKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}

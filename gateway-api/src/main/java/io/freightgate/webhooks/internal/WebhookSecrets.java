package io.freightgate.webhooks.internal;

import io.freightgate.platform.stripe.events.WebhookEndpoint;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signing secrets of each endpoint: {@code freightgate.stripe.webhook-secrets.platform} and {@code .connect},
 * comma-separated so that a rolled secret and its successor are both accepted while Stripe signs with both. In local
 * mode the endpoints registered with the emulator at start-up add theirs. Never logged.
 */
@Component
public class WebhookSecrets {

    private final Map<WebhookEndpoint, List<String>> secrets = new EnumMap<>(WebhookEndpoint.class);

    WebhookSecrets(
            @Value("${freightgate.stripe.webhook-secrets.platform:}") String platform,
            @Value("${freightgate.stripe.webhook-secrets.connect:}") String connect) {
        secrets.put(WebhookEndpoint.PLATFORM, new CopyOnWriteArrayList<>(parse(platform)));
        secrets.put(WebhookEndpoint.CONNECT, new CopyOnWriteArrayList<>(parse(connect)));
    }

    public List<String> of(WebhookEndpoint endpoint) {
        return List.copyOf(secretsOf(endpoint));
    }

    /** Accepts one more secret for an endpoint (an endpoint registered at start-up in local mode). */
    void add(WebhookEndpoint endpoint, String secret) {
        if (!secret.isBlank() && !secretsOf(endpoint).contains(secret)) {
            secretsOf(endpoint).add(secret);
        }
    }

    void remove(WebhookEndpoint endpoint, String secret) {
        secretsOf(endpoint).remove(secret);
    }

    /** The constructor fills a list for every endpoint. */
    private List<String> secretsOf(WebhookEndpoint endpoint) {
        return Objects.requireNonNull(secrets.get(endpoint), "the constructor fills every endpoint");
    }

    private static List<String> parse(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return "WebhookSecrets[platform="
                + secretsOf(WebhookEndpoint.PLATFORM).size() + " secret(s), connect="
                + secretsOf(WebhookEndpoint.CONNECT).size() + " secret(s)]";
    }
}

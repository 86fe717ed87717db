package io.freightgate.webhooks.internal;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.WebhookEndpointCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Local mode and tests only ({@code freightgate.local.active=true}): once the web server knows its port, registers
 * the two endpoints with the Stripe emulator through the ordinary API (platform events, and {@code connect=true} for
 * connected accounts, both pinned to the SDK's API version) and accepts the secrets it returns; removes them when the
 * application stops. Production registers its endpoints in the Stripe dashboard and configures their secrets.
 */
@Component
@ConditionalOnProperty(name = "freightgate.local.active", havingValue = "true")
class LocalEndpointRegistration {

    private static final Logger log = LoggerFactory.getLogger(LocalEndpointRegistration.class);

    private final StripeClient stripe;
    private final WebhookSecrets secrets;
    private final List<Registered> registered = new ArrayList<>();

    private record Registered(
            String id, io.freightgate.platform.stripe.events.WebhookEndpoint endpoint, String secret) {}

    LocalEndpointRegistration(StripeClient stripe, WebhookSecrets secrets) {
        this.stripe = stripe;
        this.secrets = secrets;
    }

    @EventListener
    void register(WebServerInitializedEvent event) throws StripeException {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (namespace != null && !namespace.isEmpty()) {
            return;
        }
        String base = "http://127.0.0.1:" + event.getWebServer().getPort();
        register(io.freightgate.platform.stripe.events.WebhookEndpoint.PLATFORM, base + "/webhooks/stripe", false);
        register(
                io.freightgate.platform.stripe.events.WebhookEndpoint.CONNECT, base + "/webhooks/stripe/connect", true);
    }

    private void register(io.freightgate.platform.stripe.events.WebhookEndpoint endpoint, String url, boolean connect)
            throws StripeException {
        for (WebhookEndpoint existing : stripe.v1().webhookEndpoints().list().getData()) {
            if (url.equals(existing.getUrl())) {
                stripe.v1().webhookEndpoints().delete(existing.getId());
            }
        }
        WebhookEndpoint created = stripe.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl(url)
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL)
                        .setConnect(connect)
                        .setApiVersion(pinnedVersion())
                        .setDescription("FreightGate local " + endpoint.key() + " endpoint")
                        .setMetadata(Map.of("freightgate_local", "true"))
                        .build());
        secrets.add(endpoint, created.getSecret());
        synchronized (registered) {
            registered.add(new Registered(created.getId(), endpoint, created.getSecret()));
        }
        log.info(
                "Registered the {} webhook endpoint {} with the Stripe emulator: {}",
                endpoint.key(),
                created.getId(),
                url);
    }

    /** The SDK's pinned version: payloads then deserialize with stripe-java without fallbacks. */
    private static WebhookEndpointCreateParams.ApiVersion pinnedVersion() {
        for (var version : WebhookEndpointCreateParams.ApiVersion.values()) {
            if (version.getValue().equals(Stripe.API_VERSION)) {
                return version;
            }
        }
        throw new IllegalStateException("stripe-java offers no endpoint version " + Stripe.API_VERSION);
    }

    @EventListener
    void unregister(ContextClosedEvent event) {
        synchronized (registered) {
            for (Registered endpoint : registered) {
                secrets.remove(endpoint.endpoint(), endpoint.secret());
                try {
                    stripe.v1().webhookEndpoints().delete(endpoint.id());
                } catch (StripeException | RuntimeException e) {
                    log.debug("Could not remove webhook endpoint {}: {}", endpoint.id(), e.toString());
                }
            }
            registered.clear();
        }
    }
}

package io.freightgate.platform.stripe;

import com.stripe.StripeClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the one {@link StripeClient} of the application (thread-safe, no global state). The API, files and Connect
 * bases are set together: stripe-java keeps them apart, and a client pointed at an emulator with only the API base
 * would still upload files to files.stripe.com. Network retries reuse the request's idempotency key, so a retried
 * {@code POST} never acts twice.
 */
public final class StripeClients {

    /** Stripe's own API base, used unless {@code freightgate.stripe.api-base} says otherwise. */
    public static final String STRIPE_API_BASE = "https://api.stripe.com";

    private StripeClients() {}

    /** What a client needs: the secret key, the base URL, timeouts and how often a network failure is retried. */
    public record Settings(
            String apiKey, String apiBase, Duration connectTimeout, Duration readTimeout, int maxNetworkRetries) {

        public Settings {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("freightgate.stripe.api-key is not set");
            }
            apiBase = apiBase == null || apiBase.isBlank() ? STRIPE_API_BASE : stripTrailingSlash(apiBase);
            if (maxNetworkRetries < 0) {
                throw new IllegalArgumentException("maxNetworkRetries must not be negative");
            }
        }

        @Override
        public String toString() {
            return "Settings[apiKey=" + mask(apiKey) + ", apiBase=" + apiBase + ", connectTimeout=" + connectTimeout
                    + ", readTimeout=" + readTimeout + ", maxNetworkRetries=" + maxNetworkRetries + "]";
        }
    }

    public static StripeClient create(Settings settings) {
        return StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setApiBase(settings.apiBase())
                .setFilesBase(settings.apiBase())
                .setConnectBase(settings.apiBase())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .build();
    }

    static String mask(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 8) + "****";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package io.freightgate.emulator.stripe;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to start a {@link StripeEmulator}.
 *
 * @param port the loopback port, {@code 0} for a free one
 * @param clock the emulator's clock; pass an {@link EmulatorClock} to share and control it from the caller
 * @param dataDirectory where the state is persisted ({@code stripe-emulator-state.json}); {@code null} keeps it in
 *     memory only
 * @param webhookRetryBackoff the delays before each webhook retry after a failed attempt (Stripe's test mode makes 3
 *     retries over a few hours); a retry also becomes due when the emulator clock passes it
 * @param webhookTimeout how long a webhook receiver may take to answer
 * @param rateLimits whether test-mode rate limits (25 requests/s, files 20/s) start switched on
 */
public record StripeEmulatorConfig(
        int port,
        Clock clock,
        @Nullable Path dataDirectory,
        List<Duration> webhookRetryBackoff,
        Duration webhookTimeout,
        boolean rateLimits) {

    /** Delays for local mode: 1 minute, 10 minutes, 1 hour. */
    public static final List<Duration> DEFAULT_RETRY_BACKOFF =
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));

    public StripeEmulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        clock = EmulatorClock.wrapping(clock == null ? Clock.systemUTC() : clock);
        webhookRetryBackoff = List.copyOf(webhookRetryBackoff == null ? DEFAULT_RETRY_BACKOFF : webhookRetryBackoff);
        webhookTimeout = Objects.requireNonNullElse(webhookTimeout, Duration.ofSeconds(10));
    }

    /** A free port, the system clock, in memory, local-mode retry delays, no rate limits. */
    public static StripeEmulatorConfig defaults() {
        return new StripeEmulatorConfig(
                0, Clock.systemUTC(), null, DEFAULT_RETRY_BACKOFF, Duration.ofSeconds(10), false);
    }

    /** Like {@link #defaults()} but with webhook retries compressed to 50, 100 and 200 ms. */
    public static StripeEmulatorConfig forTests() {
        return defaults()
                .withWebhookRetryBackoff(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200)))
                .withWebhookTimeout(Duration.ofSeconds(5));
    }

    public StripeEmulatorConfig withPort(int newPort) {
        return new StripeEmulatorConfig(newPort, clock, dataDirectory, webhookRetryBackoff, webhookTimeout, rateLimits);
    }

    public StripeEmulatorConfig withClock(Clock newClock) {
        return new StripeEmulatorConfig(port, newClock, dataDirectory, webhookRetryBackoff, webhookTimeout, rateLimits);
    }

    public StripeEmulatorConfig withDataDirectory(Path directory) {
        return new StripeEmulatorConfig(port, clock, directory, webhookRetryBackoff, webhookTimeout, rateLimits);
    }

    public StripeEmulatorConfig withWebhookRetryBackoff(List<Duration> backoff) {
        return new StripeEmulatorConfig(port, clock, dataDirectory, backoff, webhookTimeout, rateLimits);
    }

    public StripeEmulatorConfig withWebhookTimeout(Duration timeout) {
        return new StripeEmulatorConfig(port, clock, dataDirectory, webhookRetryBackoff, timeout, rateLimits);
    }

    public StripeEmulatorConfig withRateLimits(boolean enabled) {
        return new StripeEmulatorConfig(port, clock, dataDirectory, webhookRetryBackoff, webhookTimeout, enabled);
    }

    /** The clock as the controllable type the emulator uses. */
    public EmulatorClock emulatorClock() {
        return (EmulatorClock) clock;
    }
}

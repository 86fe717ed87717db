package io.freightgate.emulator.stripe;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Test-mode rate limits (docs.stripe.com/rate-limits): a token bucket per API key of 25 requests/s, and 20/s for the
 * Files API. Off unless switched on.
 */
final class RateLimiter {

    static final int API_PER_SECOND = 25;
    static final int FILES_PER_SECOND = 20;

    private static final class Bucket {
        final double rate;
        double tokens;
        long last;

        Bucket(double rate, long now) {
            this.rate = rate;
            this.tokens = rate;
            this.last = now;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    RateLimiter(boolean enabled) {
        this.enabled = enabled;
    }

    void enabled(boolean on) {
        this.enabled = on;
        buckets.clear();
    }

    boolean enabled() {
        return enabled;
    }

    boolean allow(String apiKey, String path) {
        if (!enabled) {
            return true;
        }
        boolean files = path.startsWith("/v1/files");
        long now = System.nanoTime();
        return buckets.computeIfAbsent(
                        apiKey + (files ? "|files" : ""),
                        k -> new Bucket(files ? FILES_PER_SECOND : API_PER_SECOND, now))
                .take(now);
    }
}

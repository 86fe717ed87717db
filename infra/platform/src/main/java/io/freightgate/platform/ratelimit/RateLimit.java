package io.freightgate.platform.ratelimit;

import java.time.Duration;

/** A named limit: at most {@code capacity} actions per {@code period}, refilled greedily. */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        if (capacity <= 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
    }
}

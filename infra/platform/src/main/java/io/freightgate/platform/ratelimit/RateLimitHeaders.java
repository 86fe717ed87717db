package io.freightgate.platform.ratelimit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code RateLimit} and {@code RateLimit-Policy} fields of the IETF draft "RateLimit header fields for HTTP"
 * (draft-ietf-httpapi-ratelimit-headers-10; the structured-field syntax of drafts 08 to 10): each policy is a quoted
 * name with {@code q} (quota) and {@code w} (window, seconds); each current limit the policy's name with {@code r}
 * (remaining) and {@code t} (seconds until the quota is full again). A refused request also gets {@code Retry-After}
 * (RFC 9110).
 */
public final class RateLimitHeaders {

    public static final String RATE_LIMIT = "RateLimit";
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

    private RateLimitHeaders() {}

    /** The fields of an answered request (allowed or limited); a block has no quota, only {@code Retry-After}. */
    public static void write(HttpServletResponse response, Throttle.Outcome outcome) {
        switch (outcome) {
            case Throttle.Passed passed -> quotas(response, passed.quotas());
            case Throttle.Limited limited -> {
                quotas(response, List.of(limited.quota()));
                response.setHeader("Retry-After", Long.toString(seconds(limited.retryAfter())));
            }
            case Throttle.Blocked blocked ->
                response.setHeader("Retry-After", Long.toString(seconds(blocked.retryAfter())));
        }
    }

    /** {@code RateLimit-Policy} of the quotas. */
    public static String policies(List<Throttle.Quota> quotas) {
        return quotas.stream()
                .map(quota -> "\"" + quota.policy() + "\";q=" + quota.quota() + ";w=" + seconds(quota.window()))
                .collect(Collectors.joining(", "));
    }

    /** {@code RateLimit} of the quotas. */
    public static String limits(List<Throttle.Quota> quotas) {
        return quotas.stream()
                .map(quota -> "\"" + quota.policy() + "\";r=" + quota.remaining() + ";t=" + seconds(quota.reset()))
                .collect(Collectors.joining(", "));
    }

    /** Whole seconds, rounded up, at least 1 (a client told 0 would retry at once). */
    public static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static void quotas(HttpServletResponse response, List<Throttle.Quota> quotas) {
        if (quotas.isEmpty()) {
            return;
        }
        response.setHeader(RATE_LIMIT_POLICY, policies(quotas));
        response.setHeader(RATE_LIMIT, limits(quotas));
    }
}

package io.freightgate.emulator.stripe;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A fault injected into matching API calls.
 *
 * @param method the HTTP method to match, or {@code null} for any
 * @param path a path pattern: {@code *} matches one segment, {@code **} any rest (e.g. {@code /v1/payment_intents/*})
 * @param kind what happens
 * @param status the HTTP status for {@link Kind#SERVER_ERROR} (500 by default; 502/503/504/424 also make sense)
 * @param delayMillis the added latency for {@link Kind#SLOW}
 * @param probability the chance (0..1] that a matching call is affected
 * @param times how many matching calls are affected, {@code -1} for unlimited
 * @param shouldRetry the {@code Stripe-Should-Retry} header to send, {@code null} for none
 */
public record FaultRule(
        @Nullable String method,
        String path,
        Kind kind,
        int status,
        long delayMillis,
        double probability,
        int times,
        @Nullable Boolean shouldRetry) {

    /** The kinds of fault. */
    public enum Kind {
        /** A 5xx (or 424) {@code api_error}. */
        SERVER_ERROR,
        /** A 429 {@code rate_limit} error. */
        RATE_LIMIT,
        /** The request is processed after {@code delayMillis}. */
        SLOW,
        /** The connection is closed without a response. */
        DROP_CONNECTION,
        /**
         * The request is processed (and its idempotent result saved), then the answer is held for {@code delayMillis}
         * and the connection closed without it: a client whose read timeout is shorter times out although Stripe
         * acted.
         */
        PROCESS_THEN_TIME_OUT
    }

    public FaultRule {
        if (path == null || path.isBlank()) {
            path = "/**";
        }
        method = method == null || method.isBlank() ? null : method.toUpperCase(Locale.ROOT);
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        if (probability <= 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be in (0, 1]");
        }
    }

    public static FaultRule serverError(String method, String path) {
        return new FaultRule(method, path, Kind.SERVER_ERROR, 500, 0, 1.0, -1, Boolean.TRUE);
    }

    public static FaultRule rateLimit(String method, String path) {
        return new FaultRule(method, path, Kind.RATE_LIMIT, 429, 0, 1.0, -1, null);
    }

    public static FaultRule slow(String method, String path, Duration delay) {
        return new FaultRule(method, path, Kind.SLOW, 200, delay.toMillis(), 1.0, -1, null);
    }

    public static FaultRule dropConnection(String method, String path) {
        return new FaultRule(method, path, Kind.DROP_CONNECTION, 0, 0, 1.0, -1, null);
    }

    /**
     * Processes the request, then holds the answer for {@code hold} and drops it: with a shorter read timeout the
     * client times out although Stripe acted.
     */
    public static FaultRule processThenTimeOut(String method, String path, Duration hold) {
        return new FaultRule(method, path, Kind.PROCESS_THEN_TIME_OUT, 0, hold.toMillis(), 1.0, -1, null);
    }

    /** {@link #processThenTimeOut(String, String, Duration)} holding the answer for 30 seconds. */
    public static FaultRule processThenTimeOut(String method, String path) {
        return processThenTimeOut(method, path, Duration.ofSeconds(30));
    }

    /** Affects only the next {@code n} matching calls. */
    public FaultRule times(int n) {
        return new FaultRule(method, path, kind, status, delayMillis, probability, n, shouldRetry);
    }

    public FaultRule withProbability(double p) {
        return new FaultRule(method, path, kind, status, delayMillis, p, times, shouldRetry);
    }

    public FaultRule withStatus(int httpStatus) {
        return new FaultRule(method, path, kind, httpStatus, delayMillis, probability, times, shouldRetry);
    }

    public FaultRule withShouldRetry(Boolean retry) {
        return new FaultRule(method, path, kind, status, delayMillis, probability, times, retry);
    }

    boolean matches(String requestMethod, String requestPath) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        String regex = path.replace(".", "\\.").replace("**", "\u0000").replace("*", "[^/]+");
        return requestPath.matches(regex.replace("\u0000", ".*"));
    }
}

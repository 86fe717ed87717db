package io.freightgate.emulator.stripe;

import org.jspecify.annotations.Nullable;

/**
 * One API request as the emulator received it (control-API requests are not recorded), before faults, rate limits and
 * idempotency act on it: tests assert what a client sent, and in which order.
 *
 * @param method the HTTP method
 * @param path the raw path, e.g. {@code /v1/transfers}
 * @param query the raw query string, or {@code null}
 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
 * @param account the {@code Stripe-Account} header, or {@code null}
 * @param receivedAt the emulator's clock (Unix seconds) when the request arrived
 */
public record ReceivedRequest(
        String method,
        String path,
        @Nullable String query,
        @Nullable String idempotencyKey,
        @Nullable String account,
        long receivedAt) {

    /** Whether this is {@code method} on exactly {@code path}. */
    public boolean is(String requestMethod, String requestPath) {
        return method.equals(requestMethod) && path.equals(requestPath);
    }
}

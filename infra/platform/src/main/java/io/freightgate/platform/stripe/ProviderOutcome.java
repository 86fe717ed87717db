package io.freightgate.platform.stripe;

/**
 * What a call to the payment provider came to. {@code Unknown} is not failure: the call may have taken effect, so it
 * is repeated with the same idempotency key (or reconciled) before anything else is concluded.
 */
public sealed interface ProviderOutcome<T> {

    /** Done; the provider's result. */
    record Approved<T>(T result) implements ProviderOutcome<T> {}

    /** Refused for a reason that repeating will not change. */
    record Declined<T>(String code, String message) implements ProviderOutcome<T> {}

    /** Accepted but still in progress (e.g. the same idempotency key is in flight). */
    record Pending<T>(String reason) implements ProviderOutcome<T> {}

    /** No answer (timeout, connection lost, provider error): may or may not have happened. */
    record Unknown<T>(String reason) implements ProviderOutcome<T> {}

    /** Never sent (configuration, credentials). */
    record NotAttempted<T>(String reason) implements ProviderOutcome<T> {}
}

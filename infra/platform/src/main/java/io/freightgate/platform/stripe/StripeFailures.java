package io.freightgate.platform.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;

/** How every Stripe adapter translates Stripe's exceptions: no Stripe type leaves an adapter. */
public final class StripeFailures {

    private StripeFailures() {}

    /** Stripe's failures as outcomes: no answer is Unknown, a refusal is Declined, bad credentials NotAttempted. */
    public static <T> ProviderOutcome<T> failure(StripeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return switch (e) {
            case ApiConnectionException c -> new ProviderOutcome.Unknown<>("No answer from Stripe: " + message);
            case ApiException a -> new ProviderOutcome.Unknown<>("Stripe error: " + message);
            case RateLimitException r -> new ProviderOutcome.Unknown<>("Stripe rate limit: " + message);
            case IdempotencyException i -> new ProviderOutcome.Pending<>(message);
            case AuthenticationException a -> new ProviderOutcome.NotAttempted<>("Stripe refused the API key");
            default ->
                e.getStatusCode() != null && e.getStatusCode() == 409
                        ? new ProviderOutcome.Pending<>(message)
                        : e.getStatusCode() != null && e.getStatusCode() >= 500
                                ? new ProviderOutcome.Unknown<>(message)
                                : new ProviderOutcome.Declined<>(
                                        e.getCode() == null ? "declined" : e.getCode(), message);
        };
    }
}

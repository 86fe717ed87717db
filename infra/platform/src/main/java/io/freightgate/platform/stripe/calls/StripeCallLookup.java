package io.freightgate.platform.stripe.calls;

import io.freightgate.platform.stripe.ProviderOutcome;
import java.util.Optional;

/**
 * What the janitor needs from the module that owns an operation type: how to look a call's object up at Stripe
 * (read-only: a GET by id or a list filtered by metadata or transfer group), how to send the call again with its
 * recorded idempotency key and parameters, and how to apply an outcome to the module's entity. One bean per operation.
 *
 * @param <T> what Stripe's answer is, to the module (e.g. the transfer's id and its destination payment)
 */
public interface StripeCallLookup<T> {

    /** The operation type this lookup serves, as given to {@link StripeCalls#intend}. */
    String operation();

    /**
     * Looks the call's object up at Stripe without changing anything there: {@code Approved(Optional.of(object))}
     * when it exists, {@code Approved(Optional.empty())} when Stripe has none, anything else when Stripe could not be
     * asked.
     */
    ProviderOutcome<Optional<T>> lookUp(StripeCall call);

    /** Sends the call again, with {@link StripeCall#idempotencyKey()} and the parameters of the first send. */
    ProviderOutcome<T> resend(StripeCall call);

    /**
     * Applies the outcome to the owning entity and records it on the call ({@link StripeCalls#record}), in one
     * transaction; idempotent (the outcome may be applied again by a later round).
     */
    void settle(StripeCall call, ProviderOutcome<T> outcome);

    /**
     * Whether a call that Stripe shows no object for may be sent again after the idempotency window (the look-up having
     * just shown that nothing was made). Operations whose look-up cannot be trusted that far leave such calls for an
     * operator.
     */
    default boolean resendsAfterWindow() {
        return true;
    }

    /** The id of the object Stripe made, for the call's record. */
    String objectId(T result);
}

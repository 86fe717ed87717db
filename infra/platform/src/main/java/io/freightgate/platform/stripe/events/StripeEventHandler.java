package io.freightgate.platform.stripe.events;

import java.util.Set;

/**
 * A subscriber to Stripe events (a bean in any module). The inbox calls {@link #handle} for every stored event whose
 * type is in {@link #eventTypes()}, asynchronously, at least once: a handler must be idempotent and must not assume
 * any order (compare the object's state and {@code created}, or re-fetch the object from Stripe when in doubt).
 * Throwing makes the inbox retry the event with backoff and park it after the last attempt; every handler of the type
 * then sees it again, which is why each must tolerate repeats.
 */
public interface StripeEventHandler {

    /** The event types handled, e.g. {@code account.updated}. A type no handler names is stored as ignored. */
    Set<String> eventTypes();

    void handle(InboxEvent event);
}

/**
 * One record per Stripe call, and one janitor for the calls whose answer was lost.
 *
 * <p>A module that changes something at Stripe (a transfer, a reversal, a refund, a payout, and later evidence
 * submissions or captures) does it in three steps: it records the intent with {@link
 * io.freightgate.platform.stripe.calls.StripeCalls#intend} in the transaction that records its own business change
 * (operation, business key, idempotency key; the entity keeps the call's id), and commits; it calls Stripe with that
 * idempotency key outside any transaction ({@link io.freightgate.platform.stripe.calls.StripeCalls#send}); and it
 * records the {@link io.freightgate.platform.stripe.ProviderOutcome} with {@link
 * io.freightgate.platform.stripe.calls.StripeCalls#record} in the transaction that applies it to its entity.
 *
 * <p>Calls left {@code UNKNOWN}, {@code PENDING} or only {@code INTENDED} (the process died between the commit and
 * the answer) are settled by the one {@link io.freightgate.platform.stripe.calls.StripeCallJanitor}, through the
 * {@link io.freightgate.platform.stripe.calls.StripeCallLookup} the owning module registers for the operation: it
 * always looks the object up at Stripe first (a GET or a list by metadata), sends again with the same key only when
 * Stripe has no such object, and never sends again once Stripe's 24-hour idempotency window has passed unless the
 * look-up has just shown that nothing was made.
 */
@NullMarked
package io.freightgate.platform.stripe.calls;

import org.jspecify.annotations.NullMarked;

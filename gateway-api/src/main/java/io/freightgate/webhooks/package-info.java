/**
 * Stripe webhook intake (still to be built): verify {@code Stripe-Signature} on the raw body, store in the inbox
 * ({@code webhook_inbox}, unique per endpoint and event id) before answering 2xx, then hand the event on
 * asynchronously with retries and parking.
 */
package io.freightgate.webhooks;

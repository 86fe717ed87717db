/**
 * Stripe webhook intake: {@code POST /webhooks/stripe} (platform events) and {@code POST /webhooks/stripe/connect}
 * (events of connected accounts). Verifies {@code Stripe-Signature} on the raw body (HMAC-SHA256, every configured
 * secret, tolerance on both sides), stores each event once in {@code webhook_inbox} (unique per endpoint and event id)
 * and answers 2xx only after the commit; then hands it on asynchronously to every {@link
 * io.freightgate.platform.stripe.events.StripeEventHandler} subscribed to its type, with retries, backoff and parking, and recovers
 * missed events from Stripe's event list. Its API: the {@link io.freightgate.webhooks.WebhookInbox} facade (list,
 * retry); the handler SPI it dispatches to, with {@link io.freightgate.platform.stripe.events.InboxEvent}, lives in the
 * platform so that Maven modules below the application can implement it. It never interprets a business object itself
 * and never depends on a domain module.
 */
@NullMarked
package io.freightgate.webhooks;

import org.jspecify.annotations.NullMarked;

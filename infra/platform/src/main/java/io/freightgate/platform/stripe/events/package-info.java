/**
 * The inbox's event-handler SPI: {@link io.freightgate.platform.stripe.events.StripeEventHandler}, the
 * {@link io.freightgate.platform.stripe.events.InboxEvent} it is handed and the
 * {@link io.freightgate.platform.stripe.events.WebhookEndpoint} that received it. It lives in the platform, below every
 * Maven module, so that modules built before the application ({@code dispute-engine}, {@code fraud}) can subscribe to
 * Stripe events; the inbox itself (storage, retries, recovery) stays in the application's {@code webhooks} module
 * (docs/adr/0005-dispute-seam-and-shared-spis.md).
 */
@NullMarked
package io.freightgate.platform.stripe.events;

import org.jspecify.annotations.NullMarked;

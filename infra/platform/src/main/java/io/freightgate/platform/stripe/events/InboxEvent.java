package io.freightgate.platform.stripe.events;

import java.time.Instant;
import java.util.Optional;

/**
 * A Stripe event as stored in the inbox, handed to {@link StripeEventHandler}s. {@code payload} is the event's JSON
 * (as PostgreSQL keeps it: same content, keys possibly reordered): handlers read it as JSON themselves, because it may
 * have been rendered for another API version than the SDK's, or re-fetch the object it names.
 *
 * @param inboxId the inbox row
 * @param endpoint which endpoint received it
 * @param eventId Stripe's {@code evt_...} id
 * @param type e.g. {@code account.updated}
 * @param account the connected account ({@code acct_...}) of a Connect event
 * @param objectId the id of {@code data.object}, when it has one
 * @param apiVersion the API version the payload was rendered with
 * @param created when Stripe created the event (second precision)
 * @param payload the event JSON
 * @param attempt 1 for the first processing attempt
 */
public record InboxEvent(
        long inboxId,
        WebhookEndpoint endpoint,
        String eventId,
        String type,
        Optional<String> account,
        Optional<String> objectId,
        Optional<String> apiVersion,
        Instant created,
        String payload,
        int attempt) {}

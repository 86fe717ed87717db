package io.freightgate.webhooks;

import java.util.List;
import java.util.Optional;

/**
 * The inbox as operators use it: list events by state (parked ones above all) and send one back for processing. Platform
 * staff only; the inbox holds no tenant data of its own beyond Stripe ids.
 */
public interface WebhookInbox {

    /** Events in id order after {@code afterId}, optionally of one state and type; at most {@code limit}. */
    List<InboxEventView> list(Optional<InboxEventStatus> status, Optional<String> type, long afterId, int limit);

    Optional<InboxEventView> find(long id);

    /**
     * Makes a parked (or waiting) event due now with a fresh series of attempts, and starts processing. Returns the
     * event, or empty if there is none with this id; fails with {@link IllegalStateException} for an event in any
     * other state.
     */
    Optional<InboxEventView> retry(long id);
}

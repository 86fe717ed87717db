/**
 * The one durable work queue of the gateway (ADR 0007). A queue's items live in its own table, which keeps the
 * domain's status for people and the API (the webhook inbox, integrator deliveries, the mail outbox, password-reset
 * requests); {@link io.freightgate.platform.queue.QueueTable} names the columns the queue needs (a due time that is
 * also the lease, an attempt counter that is also the claim's fencing number) and {@link
 * io.freightgate.platform.queue.WorkQueue} is the only code that claims work with {@code FOR UPDATE SKIP LOCKED}.
 * {@link io.freightgate.platform.queue.QueueWorker} is the one worker shape: a nudge after commit or a poll starts a
 * run on the queue's own thread, claimed items are handled with no transaction open, failures are retried after the
 * one {@link io.freightgate.platform.queue.Backoff} and parked after the last attempt, and Micrometer counts claimed,
 * succeeded, failed and parked items and gauges the depth per queue.
 */
@NullMarked
package io.freightgate.platform.queue;

import org.jspecify.annotations.NullMarked;

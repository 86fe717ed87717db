package io.freightgate.webhooks;

/**
 * Where an inbox event is in its life: {@code RECEIVED -> PROCESSING -> PROCESSED}, or {@code -> RETRYING ->
 * PROCESSING ...} after a handler failed, or {@code -> PARKED} after the last allowed attempt (an operator retries
 * it: {@code PARKED -> RETRYING}). A type no handler subscribes to is stored {@code IGNORED} at once.
 */
public enum InboxEventStatus {
    RECEIVED,
    PROCESSING,
    RETRYING,
    PROCESSED,
    IGNORED,
    PARKED
}

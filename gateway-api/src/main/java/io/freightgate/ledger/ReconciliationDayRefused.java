package io.freightgate.ledger;

/** A day that cannot be reconciled: it has not begun yet (UTC). The message is safe to show to the caller. */
public class ReconciliationDayRefused extends RuntimeException {

    public ReconciliationDayRefused(String message) {
        super(message, null, false, false);
    }
}

package io.freightgate.transfers.internal.domain;

/**
 * Where the carrier's transfer of a payment request stands, as stored. Holds are kept beside it (a transfer with an
 * active hold is shown as {@code HELD} while it waits). Transitions:
 *
 * <pre>
 * AWAITING_PAYMENT ──paid──▶ PENDING ──release policy met──▶ SENDING ──Stripe approved──▶ SENT ──reverse──▶ REVERSING
 *                              │  ▲                            │   │                                           │
 *                              │  └──────Stripe declined── FAILED ◀┘ unknown: stays SENDING,                 approved
 *                              │        (retried, next key)        retried with the same key                  ▼
 *                              └─ share is zero (refunded) ─▶ NOTHING_TO_TRANSFER          PENDING ◀──restore── REVERSED
 * </pre>
 */
public enum TransferState {
    AWAITING_PAYMENT,
    PENDING,
    SENDING,
    SENT,
    FAILED,
    REVERSING,
    REVERSED,
    NOTHING_TO_TRANSFER;

    /** Whether the transfer has not been sent and may still be (the release policy decides when). */
    public boolean waiting() {
        return this == AWAITING_PAYMENT || this == PENDING || this == FAILED;
    }
}

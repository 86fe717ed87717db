package io.freightgate.billing.internal.domain;

/**
 * Where a payment request stands, as stored. Transitions (anything else is refused):
 *
 * <pre>
 * OPEN ──pay──▶ PAYMENT_PENDING ──succeeded──▶ PAID ──refund──▶ PARTIALLY_REFUNDED ──refund rest──▶ REFUNDED
 *  ▲  │              │   │                       │                     │
 *  │  │              │   └─requires_capture─▶ AUTHORIZED ──capture──▶ PAID
 *  │  │              │                           │ cancel / expired
 *  │  │              └─declined / failed ──▶ OPEN ◀──┘
 *  │  └─cancel──▶ CANCELED
 *  └ (a new attempt after a decline)           PAID, PARTIALLY_REFUNDED ──dispute opened──▶ DISPUTED
 * </pre>
 *
 * {@code OVERDUE} is not stored: an {@code OPEN} request past its due date is shown as overdue.
 */
public enum PaymentRequestState {
    OPEN,
    PAYMENT_PENDING,
    AUTHORIZED,
    PAID,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    CANCELED;

    /** Whether the shipper may start a new payment attempt. */
    public boolean payable() {
        return this == OPEN;
    }

    /** Whether money was received and (part of it) may still be refunded. */
    public boolean refundable() {
        return this == PAID || this == PARTIALLY_REFUNDED;
    }
}

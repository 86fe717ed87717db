package io.freightgate.billing;

/**
 * A payment request's status as the API shows it. {@code OVERDUE} is an {@code OPEN} request past its due date; the
 * others are the stored states (see {@code docs/payments.md} for the transitions).
 */
public enum PaymentRequestStatus {
    OPEN,
    OVERDUE,
    PAYMENT_PENDING,
    AUTHORIZED,
    PAID,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    CANCELED
}

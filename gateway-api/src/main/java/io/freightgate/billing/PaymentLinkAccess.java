package io.freightgate.billing;

/**
 * What a payment-page link opens. {@link Valid}: the request (the page offers payment only while it is payable, and
 * shows the status afterwards). {@link Ended}: the request was cancelled or the link expired; {@code reason} says so in
 * words for the payer. {@link Unknown}: no current link has this token (revoked by a newer link, or never issued).
 */
public sealed interface PaymentLinkAccess {

    record Valid(PaymentRequestView request) implements PaymentLinkAccess {}

    record Ended(String reason) implements PaymentLinkAccess {}

    record Unknown() implements PaymentLinkAccess {}
}

package io.freightgate.disputes;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the payer's bank disputes the charge: Stripe's fifteen reasons (the dispute object's {@code reason}). Stripe maps
 * each network's reason code onto one of them (Visa 13.1 is {@link #PRODUCT_NOT_RECEIVED}, 10.4 {@link #FRAUDULENT}).
 */
public enum DisputeReason {
    BANK_CANNOT_PROCESS("bank_cannot_process"),
    CHECK_RETURNED("check_returned"),
    CREDIT_NOT_PROCESSED("credit_not_processed"),
    CUSTOMER_INITIATED("customer_initiated"),
    DEBIT_NOT_AUTHORIZED("debit_not_authorized"),
    DUPLICATE("duplicate"),
    FRAUDULENT("fraudulent"),
    GENERAL("general"),
    INCORRECT_ACCOUNT_DETAILS("incorrect_account_details"),
    INSUFFICIENT_FUNDS("insufficient_funds"),
    NONCOMPLIANT("noncompliant"),
    PRODUCT_NOT_RECEIVED("product_not_received"),
    PRODUCT_UNACCEPTABLE("product_unacceptable"),
    SUBSCRIPTION_CANCELED("subscription_canceled"),
    UNRECOGNIZED("unrecognized");

    private final String stripe;

    DisputeReason(String stripe) {
        this.stripe = stripe;
    }

    /** Stripe's name of the reason. */
    public String stripe() {
        return stripe;
    }

    /**
     * Whether Stripe offers an evidence process for a dispute of this reason on a payment of {@code paymentMethodType}:
     * a SEPA Direct Debit the payer says it never authorized is refunded by the bank on the payer's word (the SEPA
     * rulebook's eight weeks, or thirteen months for an unauthorized debit); nothing the merchant submits changes it.
     */
    public boolean hasEvidenceProcess(Optional<String> paymentMethodType) {
        return !(this == DEBIT_NOT_AUTHORIZED
                && paymentMethodType.filter("sepa_debit"::equals).isPresent());
    }

    /** The reason Stripe calls {@code name}, if it is one of the fifteen. */
    public static Optional<DisputeReason> ofStripe(String name) {
        return Arrays.stream(values()).filter(r -> r.stripe.equals(name)).findFirst();
    }
}

package io.freightgate.billing;

import java.time.Instant;
import java.util.Optional;

/** How a shipper pays a request. */
public sealed interface PayWith {

    /**
     * A card: a Stripe PaymentMethod id (made by Stripe.js in the browser, or a test id such as {@code pm_card_visa}
     * against the emulator). {@code returnUrl} is where the payer's browser comes back after 3-D Secure.
     */
    record Card(String paymentMethodId, Optional<String> returnUrl) implements PayWith {}

    /** A SEPA Direct Debit (EUR only) with the mandate the payer accepted online. */
    record SepaDebit(String iban, String accountHolderName, String email, MandateAcceptance mandate)
            implements PayWith {}

    /** Proof of the payer's online acceptance of the mandate text. */
    record MandateAcceptance(String ipAddress, String userAgent, Instant acceptedAt) {}
}

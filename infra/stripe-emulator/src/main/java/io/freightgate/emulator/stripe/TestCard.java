package io.freightgate.emulator.stripe;

import org.jspecify.annotations.Nullable;

/**
 * How a Stripe test card behaves (docs.stripe.com/testing), mirrored by the emulator.
 *
 * @param number the card number
 * @param brand the card brand ({@code visa}, {@code mastercard}, ...)
 * @param funding {@code credit} or {@code debit}
 * @param country the issuing country
 * @param threeDs the card's 3-D Secure behaviour
 * @param decline the issuer decline at authorization (after 3DS for cards that require it), or {@code null}
 * @param risk the Radar risk evaluation
 * @param cvcCheck {@code pass}, {@code fail} or {@code unavailable}
 * @param line1Check the address line 1 check
 * @param postalCheck the postal code check
 * @param refund how refunds of its charges behave
 * @param fundsAvailableImmediately whether the charge's funds skip the pending balance
 * @param dispute the dispute a charge on it triggers (acted upon by part 2), or {@code null}
 */
record TestCard(
        String number,
        String brand,
        String funding,
        String country,
        ThreeDs threeDs,
        @Nullable Decline decline,
        Risk risk,
        @Nullable String cvcCheck,
        @Nullable String line1Check,
        @Nullable String postalCheck,
        RefundBehaviour refund,
        boolean fundsAvailableImmediately,
        @Nullable String dispute) {

    /** 3-D Secure support of a card. */
    enum ThreeDs {
        NOT_SUPPORTED,
        SUPPORTED,
        /**
         * Supported but not enrolled (4242424242424242): a 3-D Secure request asks the cardholder nothing, the payment
         * goes on with an acknowledged attempt.
         */
        NOT_ENROLLED,
        REQUIRED,
        LOOKUP_ERROR
    }

    /** Radar's evaluation of a card. */
    enum Risk {
        NORMAL,
        ELEVATED,
        HIGHEST,
        HIGHEST_ALWAYS_BLOCKED
    }

    /** Refund behaviour of a card. */
    enum RefundBehaviour {
        NORMAL,
        PENDING_THEN_SUCCEEDS,
        SUCCEEDS_THEN_FAILS
    }

    /**
     * An issuer decline.
     *
     * @param code the error code ({@code card_declined}, {@code expired_card}, ...)
     * @param declineCode the decline code
     * @param message the customer-facing message
     */
    record Decline(String code, String declineCode, String message) {}

    static TestCard of(String number, String funding, String country) {
        String brand = brandOf(number);
        ThreeDs threeDs = brand.equals("amex") ? ThreeDs.NOT_SUPPORTED : ThreeDs.SUPPORTED;
        return new TestCard(
                number,
                brand,
                funding,
                country,
                threeDs,
                null,
                Risk.NORMAL,
                "pass",
                "pass",
                "pass",
                RefundBehaviour.NORMAL,
                false,
                null);
    }

    TestCard withThreeDs(ThreeDs value) {
        return new TestCard(
                number,
                brand,
                funding,
                country,
                value,
                decline,
                risk,
                cvcCheck,
                line1Check,
                postalCheck,
                refund,
                fundsAvailableImmediately,
                dispute);
    }

    TestCard withDecline(String code, String declineCode, String message) {
        return new TestCard(
                number,
                brand,
                funding,
                country,
                threeDs,
                new Decline(code, declineCode, message),
                risk,
                cvcCheck,
                line1Check,
                postalCheck,
                refund,
                fundsAvailableImmediately,
                dispute);
    }

    TestCard withRisk(Risk value) {
        return new TestCard(
                number,
                brand,
                funding,
                country,
                threeDs,
                decline,
                value,
                cvcCheck,
                line1Check,
                postalCheck,
                refund,
                fundsAvailableImmediately,
                dispute);
    }

    TestCard withChecks(String cvc, String line1, String postal) {
        return new TestCard(
                number,
                brand,
                funding,
                country,
                threeDs,
                decline,
                risk,
                cvc,
                line1,
                postal,
                refund,
                fundsAvailableImmediately,
                dispute);
    }

    TestCard withRefund(RefundBehaviour value) {
        return new TestCard(
                number,
                brand,
                funding,
                country,
                threeDs,
                decline,
                risk,
                cvcCheck,
                line1Check,
                postalCheck,
                value,
                fundsAvailableImmediately,
                dispute);
    }

    TestCard withFundsAvailableImmediately() {
        return new TestCard(
                number,
                brand,
                funding,
                country,
                threeDs,
                decline,
                risk,
                cvcCheck,
                line1Check,
                postalCheck,
                refund,
                true,
                dispute);
    }

    TestCard withDispute(String kind) {
        return new TestCard(
                number,
                brand,
                funding,
                country,
                threeDs,
                decline,
                risk,
                cvcCheck,
                line1Check,
                postalCheck,
                refund,
                fundsAvailableImmediately,
                kind);
    }

    String last4() {
        return number.substring(number.length() - 4);
    }

    static String brandOf(String number) {
        if (number.startsWith("4")) {
            return "visa";
        }
        if (number.startsWith("34") || number.startsWith("37")) {
            return "amex";
        }
        if (number.matches("^(5[1-5]|2[2-7]).*")) {
            return "mastercard";
        }
        if (number.startsWith("6011") || number.startsWith("65")) {
            return "discover";
        }
        if (number.startsWith("35")) {
            return "jcb";
        }
        if (number.startsWith("36") || number.startsWith("30") || number.startsWith("38")) {
            return "diners";
        }
        if (number.startsWith("62")) {
            return "unionpay";
        }
        return "unknown";
    }

    static boolean luhn(String number) {
        if (!number.matches("\\d{12,19}")) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int d = number.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}

package io.freightgate.billing.internal.domain;

import io.freightgate.kernel.Money;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * The currencies FreightGate bills in and their limits. Cards: the EU and EEA currencies of FreightGate's market plus
 * USD and GBP, each with Stripe's minimum charge amount; SEPA Direct Debit: EUR only. The maximum of every currency is
 * Stripe's 8-digit amount limit (99,999,999 minor units).
 */
public final class PaymentCurrencies {

    public static final long MAXIMUM_MINOR = 99_999_999L;

    /** Currency code to minimum amount in minor units (Stripe's minimum charge amounts). */
    private static final Map<String, Long> CARD_MINIMUMS = Map.ofEntries(
            Map.entry("EUR", 50L),
            Map.entry("USD", 50L),
            Map.entry("GBP", 30L),
            Map.entry("CHF", 50L),
            Map.entry("PLN", 200L),
            Map.entry("CZK", 1500L),
            Map.entry("SEK", 300L),
            Map.entry("DKK", 250L),
            Map.entry("NOK", 300L),
            Map.entry("HUF", 17500L),
            Map.entry("RON", 200L),
            Map.entry("BGN", 100L));

    private PaymentCurrencies() {}

    public static boolean cardSupported(Currency currency) {
        return CARD_MINIMUMS.containsKey(currency.getCurrencyCode());
    }

    public static boolean sepaSupported(Currency currency) {
        return "EUR".equals(currency.getCurrencyCode());
    }

    /** Why the amount cannot be billed, or empty when it can. */
    public static Optional<String> problemWith(Money amount) {
        String code = amount.currency().getCurrencyCode();
        Long minimum = CARD_MINIMUMS.get(code);
        if (minimum == null) {
            return Optional.of("Currency " + code + " is not supported; supported: "
                    + CARD_MINIMUMS.keySet().stream().sorted().toList());
        }
        if (amount.minor() <= 0) {
            return Optional.of("The amount must be positive");
        }
        if (amount.minor() < minimum) {
            return Optional.of("The amount is below the minimum of " + new Money(minimum, amount.currency()));
        }
        if (amount.minor() > MAXIMUM_MINOR) {
            return Optional.of("The amount exceeds the maximum of " + new Money(MAXIMUM_MINOR, amount.currency()));
        }
        return Optional.empty();
    }
}

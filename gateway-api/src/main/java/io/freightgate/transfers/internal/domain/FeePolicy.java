package io.freightgate.transfers.internal.domain;

import io.freightgate.kernel.Money;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * The platform's fee on a paid payment request: a percentage in basis points (1/100 of a percent) of the amount paid,
 * rounded half up to the currency's minor unit, plus a fixed amount, both per currency (a currency without its own
 * terms uses the default percentage and no fixed part). The fee never exceeds the amount paid, so the carrier's share is
 * never negative.
 */
public record FeePolicy(Terms defaults, Map<Currency, Terms> byCurrency) {

    /** The terms for one currency: {@code basisPoints} (0 to 10,000) of the amount plus {@code fixedMinor}. */
    public record Terms(long basisPoints, long fixedMinor) {
        public Terms {
            if (basisPoints < 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("A fee percentage is 0 to 10000 basis points, not " + basisPoints);
            }
            if (fixedMinor < 0) {
                throw new IllegalArgumentException("A fixed fee cannot be negative");
            }
        }
    }

    public FeePolicy {
        Objects.requireNonNull(defaults, "defaults");
        byCurrency = Map.copyOf(byCurrency);
    }

    /** The fee on {@code paid}: percentage (rounded half up) plus the fixed part, at most {@code paid}. */
    public Money feeOn(Money paid) {
        if (paid.isNegative()) {
            throw new IllegalArgumentException("A fee is taken on a paid amount, not on " + paid);
        }
        Terms terms = termsFor(paid.currency());
        Money fee = paid.basisPoints(terms.basisPoints()).plus(new Money(terms.fixedMinor(), paid.currency()));
        return fee.compareTo(paid) > 0 ? paid : fee;
    }

    public Terms termsFor(Currency currency) {
        return byCurrency.getOrDefault(currency, new Terms(defaults.basisPoints(), 0));
    }
}

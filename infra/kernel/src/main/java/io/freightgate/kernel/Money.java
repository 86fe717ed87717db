package io.freightgate.kernel;

import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency in its minor units (cents for EUR, yen for JPY). Arithmetic stays within one
 * currency and fails loudly on overflow; there is no floating point and no null-as-zero.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    /**
     * A share of this amount in basis points (1/100 of a percent), rounded half up away from zero, as fee policies
     * need it.
     */
    public Money basisPoints(long basisPoints) {
        long product = Math.multiplyExact(minor, basisPoints);
        long quotient = product / 10_000;
        long remainder = product % 10_000;
        if (Math.abs(remainder) * 2 >= 10_000) {
            quotient += Long.signum(product);
        }
        return new Money(quotient, currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    /** The number of decimal places of the currency (2 for EUR, 0 for JPY, 3 for KWD). */
    public int exponent() {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        int exponent = exponent();
        if (exponent == 0) {
            return minor + " " + currency.getCurrencyCode();
        }
        long divisor = (long) Math.pow(10, exponent);
        long major = Math.abs(minor) / divisor;
        long fraction = Math.abs(minor) % divisor;
        return (minor < 0 ? "-" : "") + major + "." + String.format("%0" + exponent + "d", fraction) + " "
                + currency.getCurrencyCode();
    }
}

package io.freightgate.kyc.internal.domain.vat;

import java.util.Objects;

/**
 * The outcome of an offline VAT number check: either {@link Valid}, or the part that failed. Every variant carries the
 * normalized input ({@link #normalized()}): upper case, separators removed, one country prefix ({@code GR} rewritten to
 * {@code EL}).
 */
public sealed interface VatCheck
        permits VatCheck.Valid,
                VatCheck.UnknownCountry,
                VatCheck.InvalidFormat,
                VatCheck.InvalidLength,
                VatCheck.InvalidCheckDigit {

    /** The normalized number, prefix included (for example {@code DE136695976}). */
    String normalized();

    /** Whether the number passed every offline rule. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * The number passed format, length and check-digit rules.
     *
     * @param country the member state
     * @param number the number without its prefix, as VIES expects it in {@code vatNumber}
     */
    record Valid(VatCountry country, String number) implements VatCheck {
        public Valid {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String normalized() {
            return country.viesCode() + number;
        }
    }

    /**
     * The prefix is not a VIES member state code (for example {@code GB}, {@code EU}, {@code US}) or is missing.
     *
     * @param normalized the normalized input
     * @param prefix the first two characters, or an empty string when there were fewer
     */
    record UnknownCountry(String normalized, String prefix) implements VatCheck {}

    /**
     * Characters or structure not allowed for the member state (letters where digits belong, a forbidden first digit, an
     * unknown office code, a second country prefix...).
     */
    record InvalidFormat(VatCountry country, String normalized, String reason) implements VatCheck {}

    /** The right characters but a length the member state does not issue. */
    record InvalidLength(VatCountry country, String normalized, int length) implements VatCheck {}

    /** Well-formed, but the check digit (or check letter) does not match: most likely a typo. */
    record InvalidCheckDigit(VatCountry country, String normalized) implements VatCheck {}
}

package io.freightgate.kyc;

/**
 * The result of an offline VAT number check through {@link VatNumbers}: valid, or which part failed. Every variant gives
 * the normalized number (upper case, separators removed, one prefix, {@code GR} rewritten to {@code EL}). Consume with
 * an exhaustive {@code switch}.
 */
public sealed interface VatValidation
        permits VatValidation.Valid,
                VatValidation.UnknownCountry,
                VatValidation.InvalidFormat,
                VatValidation.InvalidLength,
                VatValidation.InvalidCheckDigit {

    /** The normalized number with its prefix, for example {@code EL094259216}. */
    String normalized();

    /**
     * Passed every offline rule. Send {@link #countryCode()} and {@link #number()} to VIES as {@code countryCode} and
     * {@code vatNumber}.
     *
     * @param countryCode the VIES member state code ({@code EL} for Greece, {@code XI} for Northern Ireland)
     * @param isoCountryCode the ISO 3166-1 code ({@code GR} for Greece)
     * @param number the number without prefix
     */
    record Valid(String countryCode, String isoCountryCode, String number) implements VatValidation {
        @Override
        public String normalized() {
            return countryCode + number;
        }
    }

    /** No VIES member state prefix ({@code GB}, {@code EU}, {@code US}, missing...). */
    record UnknownCountry(String normalized, String prefix) implements VatValidation {}

    /** Characters or structure the member state does not allow; {@code reason} is a short English explanation. */
    record InvalidFormat(String countryCode, String normalized, String reason) implements VatValidation {}

    /** A length the member state does not issue; {@code length} is the length of the number without prefix. */
    record InvalidLength(String countryCode, String normalized, int length) implements VatValidation {}

    /** Well-formed but the check digit or letter does not match (most likely a typo). */
    record InvalidCheckDigit(String countryCode, String normalized) implements VatValidation {}
}

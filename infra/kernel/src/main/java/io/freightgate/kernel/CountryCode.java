package io.freightgate.kernel;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case. {@code XI} (Northern Ireland for VAT) is accepted beside the ISO
 * codes because the EU VAT system uses it.
 */
public record CountryCode(String value) {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    public CountryCode {
        Objects.requireNonNull(value, "value");
        if (!ISO.contains(value) && !"XI".equals(value)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + value);
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}

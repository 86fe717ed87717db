package io.freightgate.kyc.internal.domain.vat;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Normalizes and checks an EU VAT identification number offline: the member state prefix, the separators that member
 * state allows, format, length and check digit (rules in {@link MemberStateRules}). Stateless and thread-safe.
 *
 * <p>Normalization: surrounding white space is dropped, letters are upper-cased, the separators of the member state are
 * removed, {@code GR} becomes {@code EL}, and exactly one country prefix is kept ({@code DEDE123456789} is a format
 * error). A valid number never needs VIES to be syntactically right; VIES only says whether it is registered.
 */
public final class VatNumberValidator {

    /** Checks a number written with its prefix, for example {@code "DE 136 695 976"} or {@code "gr094259216"}. */
    public VatCheck validate(String input) {
        if (input == null) {
            return new VatCheck.UnknownCountry("", "");
        }
        String s = input.strip().toUpperCase(Locale.ROOT);
        if (s.length() < 2 || !isLetter(s.charAt(0)) || !isLetter(s.charAt(1))) {
            return new VatCheck.UnknownCountry(withoutWhitespace(s), s.length() < 2 ? "" : s.substring(0, 2));
        }
        String prefix = s.substring(0, 2);
        var country = VatCountry.fromPrefix(prefix);
        if (country.isEmpty()) {
            return new VatCheck.UnknownCountry(withoutWhitespace(s), prefix);
        }
        return check(country.get(), s.substring(2));
    }

    /**
     * Checks a number whose member state is given separately ({@code countryCode} is a VAT prefix or ISO code, {@code GR}
     * accepted). The number may repeat the prefix once ({@code ("DE", "DE136695976")}).
     */
    public VatCheck validate(@Nullable String countryCode, @Nullable String number) {
        var country = VatCountry.fromPrefix(countryCode == null ? null : countryCode.strip());
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            String prefix = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
            return new VatCheck.UnknownCountry(withoutWhitespace(prefix + n), prefix);
        }
        VatCountry c = country.get();
        if (startsWithOwnPrefix(c, n) && !(c == VatCountry.FR && compact(c, n).length() == 11)) {
            n = n.substring(2);
        }
        return check(c, n);
    }

    private static VatCheck check(VatCountry country, String rawBody) {
        String body = compact(country, rawBody);
        String normalized = country.viesCode() + body;
        // FR keys may legitimately be "FR"; everywhere else a body starting with the prefix is a second prefix.
        if (country != VatCountry.FR && startsWithOwnPrefix(country, body)) {
            return new VatCheck.InvalidFormat(country, normalized, "more than one country prefix");
        }
        return switch (country.check(body)) {
            case RuleOutcome.Pass pass -> new VatCheck.Valid(country, pass.body());
            case RuleOutcome.Fail fail ->
                switch (fail.part()) {
                    case FORMAT -> new VatCheck.InvalidFormat(country, normalized, fail.reason());
                    case LENGTH -> new VatCheck.InvalidLength(country, normalized, body.length());
                    case CHECK_DIGIT -> new VatCheck.InvalidCheckDigit(country, normalized);
                };
        };
    }

    private static boolean startsWithOwnPrefix(VatCountry country, String body) {
        return body.startsWith(country.viesCode()) || (country == VatCountry.EL && body.startsWith("GR"));
    }

    private static String compact(VatCountry country, String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (country.separators().indexOf(ch) < 0) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String withoutWhitespace(String s) {
        return s.replaceAll("\\s+", "");
    }
}

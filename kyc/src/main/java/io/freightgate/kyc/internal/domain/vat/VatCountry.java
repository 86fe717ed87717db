package io.freightgate.kyc.internal.domain.vat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The 27 EU member states and Northern Ireland ({@code XI}) as VIES knows them, with the separators each one's numbers
 * may be written with and the offline rule for the number body. Greece is {@link #EL} (ISO code {@code GR}, accepted as
 * input).
 */
public enum VatCountry {
    AT(" -./", MemberStateRules::at),
    BE(" -./", MemberStateRules::be),
    BG(" -.", MemberStateRules::bg),
    CY(" -", MemberStateRules::cy),
    CZ(" /", MemberStateRules::cz),
    DE(" -./,", MemberStateRules::de),
    DK(" -.,/:", MemberStateRules::dk),
    EE(" ", MemberStateRules::ee),
    EL(" -./:", MemberStateRules::el),
    ES(" -", MemberStateRules::es),
    FI(" -", MemberStateRules::fi),
    FR(" -.", MemberStateRules::fr),
    HR(" -", MemberStateRules::hr),
    HU(" -", MemberStateRules::hu),
    IE(" -", MemberStateRules::ie),
    IT(" -:", MemberStateRules::it),
    LT(" -", MemberStateRules::lt),
    LU(" :.-", MemberStateRules::lu),
    LV(" -", MemberStateRules::lv),
    MT(" -", MemberStateRules::mt),
    NL(" -.", MemberStateRules::nl),
    PL(" -", MemberStateRules::pl),
    PT(" -.", MemberStateRules::pt),
    RO(" -", MemberStateRules::ro),
    SE(" -.", MemberStateRules::se),
    SI(" -", MemberStateRules::si),
    SK(" -", MemberStateRules::sk),
    XI(" -.", MemberStateRules::xi);

    private static final Map<String, VatCountry> BY_PREFIX =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(VatCountry::name, Function.identity()));

    private final String separators;
    private final Function<String, RuleOutcome> rule;

    VatCountry(String separators, Function<String, RuleOutcome> rule) {
        this.separators = separators;
        this.rule = rule;
    }

    /** The code VIES expects in {@code countryCode} ({@code EL} for Greece). */
    public String viesCode() {
        return name();
    }

    /** The ISO 3166-1 alpha-2 code ({@code GR} for Greece, {@code XI} stays {@code XI}). */
    public String isoCode() {
        return this == EL ? "GR" : name();
    }

    /** The separator characters that may appear inside a number of this member state and are removed. */
    public String separators() {
        return separators;
    }

    /**
     * The member state for a VAT prefix or ISO code, case-insensitive; {@code GR} gives {@link #EL}. Empty for anything
     * else ({@code GB}, {@code EU}, ...).
     */
    public static Optional<VatCountry> fromPrefix(@Nullable String prefix) {
        if (prefix == null) {
            return Optional.empty();
        }
        String p = prefix.toUpperCase(Locale.ROOT);
        return Optional.ofNullable("GR".equals(p) ? EL : BY_PREFIX.get(p));
    }

    RuleOutcome check(String body) {
        return rule.apply(body);
    }
}

package io.freightgate.kyc.internal.domain.sanctions;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a name into comparable tokens: letters folded to ASCII (diacritics removed, {@code ß} to {@code ss}, {@code
 * ø} to {@code o}, ...), lower case, punctuation as separators, legal forms ({@code GmbH}, {@code Ltd}, {@code sp. z
 * o.o.}, ...) dropped, tokens sorted so that word order does not count.
 */
public final class NameNormalizer {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private static final Map<String, String> FOLDS = Map.ofEntries(
            Map.entry("ß", "ss"),
            Map.entry("ø", "o"),
            Map.entry("æ", "ae"),
            Map.entry("œ", "oe"),
            Map.entry("ł", "l"),
            Map.entry("đ", "d"),
            Map.entry("ð", "d"),
            Map.entry("þ", "th"),
            Map.entry("ı", "i"));

    /** Legal forms and company suffixes, compared after normalization; they say nothing about who it is. */
    static final Set<String> LEGAL_FORMS = Set.of(
            "gmbh", "ag", "kg", "ohg", "ug", "mbh", "ltd", "limited", "llc", "inc", "plc", "corp", "co", "sa", "sas",
            "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "sro", "doo", "kft", "zrt", "ooo", "oao", "zao",
            "pjsc", "jsc", "ojsc", "cjsc", "sp", "zoo", "z", "o", "ee", "eood", "ood", "ad", "ltda", "se", "kgaa");

    private NameNormalizer() {}

    /** The name's tokens, normalized and sorted; empty for a name of only punctuation or legal forms. */
    public static List<String> tokens(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            folded.append(FOLDS.getOrDefault(ch, ch));
        });
        String ascii = COMBINING_MARKS
                .matcher(Normalizer.normalize(folded, Normalizer.Form.NFKD))
                .replaceAll("");
        return Arrays.stream(NOT_ALPHANUMERIC.split(ascii))
                .filter(token -> !token.isEmpty())
                .filter(token -> !LEGAL_FORMS.contains(token))
                .sorted()
                .toList();
    }

    /** The tokens joined by single spaces. */
    public static String normalize(String name) {
        return String.join(" ", tokens(name));
    }
}

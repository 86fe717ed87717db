package io.freightgate.loads.internal.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes what a rate confirmation, BOL or CMR says, from its text alone: the load reference, amounts with their
 * currency, dates, and the pickup and delivery addresses. What it finds are suggestions for a person to confirm; it is
 * never applied by itself.
 */
public final class DocumentPatterns {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?im)\\b(?:load\\s*(?:number|no\\.?|#|ref(?:erence)?)|reference|ref\\.?|order\\s*(?:number|no\\.?))\\s*[:#]?\\s*([A-Z0-9][A-Z0-9\\-/]{2,40})");
    private static final Pattern BOL = Pattern.compile(
            "(?im)\\b(?:BOL|B/L|bill\\s+of\\s+lading)\\s*(?:number|no\\.?|#)?\\s*[:#]?\\s*([A-Z0-9][A-Z0-9\\-/]{2,40})");
    private static final Pattern CMR =
            Pattern.compile("(?im)\\bCMR\\s*(?:number|no\\.?|#)?\\s*[:#]?\\s*([A-Z0-9][A-Z0-9\\-/]{2,40})");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(?:(EUR|USD|GBP|CHF|PLN|CZK|SEK|DKK|NOK|HUF|RON|BGN|€|\\$|£)\\s?(\\d{1,3}(?:[.,' ]\\d{3})*(?:[.,]\\d{2})?)"
                    + "|(\\d{1,3}(?:[.,' ]\\d{3})*(?:[.,]\\d{2})?)\\s?(EUR|USD|GBP|CHF|PLN|CZK|SEK|DKK|NOK|HUF|RON|BGN|€))");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern EU_DATE = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b");
    private static final Pattern PICKUP = Pattern.compile(
            "(?im)^\\s*(?:pick[\\s-]?up|loading|shipper|origin)(?:\\s+address)?\\s*[:\\-]\\s*(.{5,200})$");
    private static final Pattern DELIVERY = Pattern.compile(
            "(?im)^\\s*(?:delivery|unloading|consignee|destination)(?:\\s+address)?\\s*[:\\-]\\s*(.{5,200})$");
    private static final Pattern DATED_LINE =
            Pattern.compile("(?im)^\\s*(pick[\\s-]?up|loading|delivery|unloading)\\s+date\\s*[:\\-]\\s*(.+)$");

    private DocumentPatterns() {}

    /** An amount in minor units with its ISO currency. */
    public record Amount(long minor, String currency) {}

    /** Everything recognized in one text. */
    public record Recognized(
            Optional<String> loadReference,
            Optional<String> bolNumber,
            Optional<String> cmrNumber,
            List<Amount> amounts,
            List<LocalDate> dates,
            Optional<LocalDate> pickupDate,
            Optional<LocalDate> deliveryDate,
            Optional<String> pickupAddress,
            Optional<String> deliveryAddress) {}

    public static Recognized recognize(String text) {
        return new Recognized(
                first(REFERENCE, text),
                first(BOL, text),
                first(CMR, text),
                amounts(text),
                dates(text),
                datedLine(text, "pick"),
                datedLine(text, "deliv"),
                first(PICKUP, text).map(String::strip),
                first(DELIVERY, text).map(String::strip));
    }

    static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }

    static List<Amount> amounts(String text) {
        Set<Amount> found = new LinkedHashSet<>();
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            String currency = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
            String number = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            minorUnits(number).ifPresent(minor -> found.add(new Amount(minor, iso(currency))));
        }
        return List.copyOf(found);
    }

    /** "1,850.00", "1.850,00", "1 850,00", "1850" in minor units; the last separator followed by 2 digits is decimal. */
    static Optional<Long> minorUnits(String number) {
        String digits = number.replaceAll("[^0-9.,]", "");
        int last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
        long cents = 0;
        String whole = digits;
        if (last >= 0 && digits.length() - last - 1 == 2) {
            cents = Long.parseLong(digits.substring(last + 1));
            whole = digits.substring(0, last);
        }
        whole = whole.replaceAll("[.,]", "");
        if (whole.isEmpty() || whole.length() > 12) {
            return Optional.empty();
        }
        return Optional.of(Math.addExact(Math.multiplyExact(Long.parseLong(whole), 100L), cents));
    }

    private static String iso(String currency) {
        return switch (currency) {
            case "€" -> "EUR";
            case "$" -> "USD";
            case "£" -> "GBP";
            default -> currency.toUpperCase(Locale.ROOT);
        };
    }

    static List<LocalDate> dates(String text) {
        Set<LocalDate> found = new LinkedHashSet<>();
        Matcher iso = ISO_DATE.matcher(text);
        while (iso.find()) {
            parse(iso.group(1)).ifPresent(found::add);
        }
        Matcher eu = EU_DATE.matcher(text);
        while (eu.find()) {
            parse("%s-%02d-%02d".formatted(eu.group(3), Integer.parseInt(eu.group(2)), Integer.parseInt(eu.group(1))))
                    .ifPresent(found::add);
        }
        return new ArrayList<>(found);
    }

    private static Optional<LocalDate> datedLine(String text, String prefix) {
        Matcher matcher = DATED_LINE.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).toLowerCase(Locale.ROOT).startsWith(prefix)
                    || (prefix.equals("pick")
                            && matcher.group(1).toLowerCase(Locale.ROOT).startsWith("load"))
                    || (prefix.equals("deliv")
                            && matcher.group(1).toLowerCase(Locale.ROOT).startsWith("unload"))) {
                List<LocalDate> dates = dates(matcher.group(2));
                if (!dates.isEmpty()) {
                    return Optional.of(dates.getFirst());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parse(String iso) {
        try {
            return Optional.of(LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package io.freightgate.kyc.internal.domain.vat;

import static io.freightgate.kyc.internal.domain.vat.CheckDigits.allDigits;
import static io.freightgate.kyc.internal.domain.vat.CheckDigits.digit;
import static io.freightgate.kyc.internal.domain.vat.CheckDigits.isDate;
import static io.freightgate.kyc.internal.domain.vat.CheckDigits.luhnValid;
import static io.freightgate.kyc.internal.domain.vat.CheckDigits.mod;
import static io.freightgate.kyc.internal.domain.vat.CheckDigits.mod11x10CheckDigit;
import static io.freightgate.kyc.internal.domain.vat.CheckDigits.weightedSum;
import static io.freightgate.kyc.internal.domain.vat.RuleOutcome.checkDigit;
import static io.freightgate.kyc.internal.domain.vat.RuleOutcome.format;
import static io.freightgate.kyc.internal.domain.vat.RuleOutcome.length;
import static io.freightgate.kyc.internal.domain.vat.RuleOutcome.pass;

/**
 * Format and check-digit rules of each member state, applied to the number body (upper case, prefix and separators
 * removed). Order of checks: characters (FORMAT), then length (LENGTH), then structure (FORMAT), then check digit.
 *
 * <p>Leniencies decided explicitly (see docs/kyc.md): old 9-digit BE numbers and 8-digit EL numbers are accepted and
 * padded with a leading 0; NL digit parts shorter than 9 are left-padded; CZ birth numbers (RČ) and RO personal numeric
 * codes (CNP, the VAT code of a Romanian individual) are accepted; SK birth numbers and the XI
 * {@code GD8888...}/{@code HA8888...} forms are rejected (not VIES formats: an SK VAT number's third digit rules a birth
 * number out); an ES CIF may end in either the digit or the letter form of its check character.
 */
final class MemberStateRules {

    private MemberStateRules() {}

    private static final String DIGITS_ONLY = "only digits are allowed";

    /** AT: {@code U} + 8 digits, Luhn variant. */
    static RuleOutcome at(String b) {
        if (b.isEmpty() || b.charAt(0) != 'U' || (b.length() > 1 && !allDigits(b.substring(1)))) {
            return format("U followed by 8 digits expected");
        }
        if (b.length() != 9) {
            return length("U + 8 digits expected");
        }
        String d = b.substring(1);
        int sum = digit(d, 0) + digit(d, 2) + digit(d, 4) + digit(d, 6) + 4;
        for (int i : new int[] {1, 3, 5}) {
            int c = digit(d, i);
            sum += c / 5 + (2 * c) % 10;
        }
        int check = (10 - sum % 10) % 10;
        return check == digit(d, 7) ? pass(b) : checkDigit("Luhn variant");
    }

    /** BE: 10 digits starting 0 or 1 (old 9-digit numbers get a leading 0); 97 − (first 8 mod 97) = last 2. */
    static RuleOutcome be(String raw) {
        String b = raw.startsWith("(0)") ? "0" + raw.substring(3) : raw;
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() == 9) {
            b = "0" + b;
        }
        if (b.length() != 10) {
            return length("10 digits expected");
        }
        if (b.charAt(0) != '0' && b.charAt(0) != '1') {
            return format("first digit must be 0 or 1");
        }
        int expected = 97 - (int) (Long.parseLong(b.substring(0, 8)) % 97);
        return expected == Integer.parseInt(b.substring(8)) ? pass(b) : checkDigit("mod 97");
    }

    /** BG: 9 digits (legal entity) or 10 digits (EGN, PNF or other). */
    static RuleOutcome bg(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() == 9) {
            int c = weightedSum(b, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
            if (c == 10) {
                c = weightedSum(b, 3, 4, 5, 6, 7, 8, 9, 10) % 11;
                if (c == 10) {
                    c = 0;
                }
            }
            return c == digit(b, 8) ? pass(b) : checkDigit("mod 11");
        }
        if (b.length() != 10) {
            return length("9 or 10 digits expected");
        }
        return bulgarianEgn(b) || bulgarianPnf(b) || bulgarianOther(b)
                ? pass(b)
                : checkDigit("not a valid EGN, PNF or other 10-digit number");
    }

    static boolean bulgarianEgn(String b) {
        int year = Integer.parseInt(b.substring(0, 2));
        int month = Integer.parseInt(b.substring(2, 4));
        int day = Integer.parseInt(b.substring(4, 6));
        if (month > 40) {
            year += 2000;
            month -= 40;
        } else if (month > 20) {
            year += 1800;
            month -= 20;
        } else {
            year += 1900;
        }
        if (!isDate(year, month, day)) {
            return false;
        }
        int c = weightedSum(b, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10;
        return c == digit(b, 9);
    }

    static boolean bulgarianPnf(String b) {
        return weightedSum(b, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10 == digit(b, 9);
    }

    static boolean bulgarianOther(String b) {
        int c = (11 - weightedSum(b, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
        return c != 10 && c == digit(b, 9);
    }

    private static final int[] CY_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

    /** CY: 8 digits + check letter; numbers starting 12 do not exist. */
    static RuleOutcome cy(String b) {
        if (!b.matches("[0-9A-Z]+")) {
            return format("8 digits and a letter expected");
        }
        if (b.length() != 9) {
            return length("8 digits and a letter expected");
        }
        if (!b.matches("[0-9]{8}[A-Z]")) {
            return format("8 digits and a letter expected");
        }
        if (b.startsWith("12")) {
            return format("numbers starting with 12 are not issued");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += i % 2 == 0 ? CY_ODD[digit(b, i)] : digit(b, i);
        }
        return (char) ('A' + sum % 26) == b.charAt(8) ? pass(b) : checkDigit("check letter");
    }

    /** CZ: 8 digits (legal), 9 digits starting 6 (special), or a 9/10-digit birth number (RČ). */
    static RuleOutcome cz(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() == 8) {
            if (b.charAt(0) == '9') {
                return format("8-digit numbers do not start with 9");
            }
            int c = (11 - weightedSum(b, 8, 7, 6, 5, 4, 3, 2) % 11) % 11;
            c = (c == 0 ? 1 : c) % 10;
            return c == digit(b, 7) ? pass(b) : checkDigit("mod 11");
        }
        if (b.length() == 9 && b.charAt(0) == '6') {
            int r = weightedSum(b.substring(1), 8, 7, 6, 5, 4, 3, 2) % 11;
            int c = Math.floorMod(8 - (10 - r) % 11, 10);
            return c == digit(b, 8) ? pass(b) : checkDigit("mod 11");
        }
        if (b.length() == 9 || b.length() == 10) {
            return czechBirthNumber(b);
        }
        return length("8, 9 or 10 digits expected");
    }

    private static RuleOutcome czechBirthNumber(String b) {
        int year = 1900 + Integer.parseInt(b.substring(0, 2));
        int month = Integer.parseInt(b.substring(2, 4)) % 50 % 20;
        int day = Integer.parseInt(b.substring(4, 6));
        if (b.length() == 9) {
            if (year >= 1980) {
                year -= 100;
            }
            if (year > 1953) {
                return length("9-digit birth numbers were issued only until 1953");
            }
        } else if (year < 1954) {
            year += 100;
        }
        if (!isDate(year, month, day)) {
            return format("birth number with an impossible date");
        }
        if (b.length() == 9) {
            return pass(b);
        }
        long r = Long.parseLong(b.substring(0, 9)) % 11;
        if (year >= 1985 && r == 10) {
            return checkDigit("mod 11");
        }
        return r % 10 == digit(b, 9) ? pass(b) : checkDigit("mod 11");
    }

    /** DE: 9 digits, first not 0, ISO 7064 MOD 11,10. */
    static RuleOutcome de(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 9) {
            return length("9 digits expected");
        }
        if (b.charAt(0) == '0') {
            return format("first digit must not be 0");
        }
        return mod11x10CheckDigit(b.substring(0, 8)) == digit(b, 8) ? pass(b) : checkDigit("ISO 7064 MOD 11,10");
    }

    /** DK: 8 digits, first not 0, weighted sum mod 11 = 0. */
    static RuleOutcome dk(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 8) {
            return length("8 digits expected");
        }
        if (b.charAt(0) == '0') {
            return format("first digit must not be 0");
        }
        return weightedSum(b, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0 ? pass(b) : checkDigit("mod 11");
    }

    /** EE: 9 digits, weighted sum mod 10 = 0. */
    static RuleOutcome ee(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 9) {
            return length("9 digits expected");
        }
        return weightedSum(b, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0 ? pass(b) : checkDigit("mod 10");
    }

    /** EL: 9 digits (old 8-digit numbers get a leading 0), powers of two mod 11 mod 10. */
    static RuleOutcome el(String raw) {
        if (!allDigits(raw)) {
            return format(DIGITS_ONLY);
        }
        String b = raw.length() == 8 ? "0" + raw : raw;
        if (b.length() != 9) {
            return length("9 digits expected");
        }
        int c = weightedSum(b, 256, 128, 64, 32, 16, 8, 4, 2) % 11 % 10;
        return c == digit(b, 8) ? pass(b) : checkDigit("mod 11");
    }

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String CIF_LETTERS = "ABCDEFGHJNPQRSUVW";
    private static final String CIF_CHECK_LETTERS = "JABCDEFGHI";

    /** ES: 9 characters; DNI, NIE, K/L/M or CIF depending on the first character. */
    static RuleOutcome es(String b) {
        if (!b.matches("[0-9A-Z][0-9]*[0-9A-Z]")) {
            return format("a letter or digit, digits, and a letter or digit expected");
        }
        if (b.length() != 9) {
            return length("9 characters expected");
        }
        char first = b.charAt(0);
        char last = b.charAt(8);
        if (first >= '0' && first <= '9') {
            return dniLetter(b, b.substring(0, 8), last);
        }
        return switch (first) {
            case 'X', 'Y', 'Z' -> dniLetter(b, (char) ('0' + "XYZ".indexOf(first)) + b.substring(1, 8), last);
            case 'K', 'L', 'M' -> dniLetter(b, b.substring(1, 8), last);
            default -> CIF_LETTERS.indexOf(first) >= 0 ? cif(b) : format("unknown first letter " + first);
        };
    }

    private static RuleOutcome dniLetter(String b, String digits, char last) {
        if (last < 'A' || last > 'Z') {
            return checkDigit("a check letter is expected");
        }
        char expected = DNI_LETTERS.charAt((int) (Long.parseLong(digits) % 23));
        return expected == last ? pass(b) : checkDigit("DNI/NIE check letter");
    }

    private static RuleOutcome cif(String b) {
        String d = b.substring(1, 8);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int v = digit(d, i);
            if (i % 2 == 0) {
                v *= 2;
                v = v / 10 + v % 10;
            }
            sum += v;
        }
        int c = (10 - sum % 10) % 10;
        char last = b.charAt(8);
        return last == (char) ('0' + c) || last == CIF_CHECK_LETTERS.charAt(c) ? pass(b) : checkDigit("CIF check");
    }

    /** FI: 8 digits, weighted sum mod 11 = 0. */
    static RuleOutcome fi(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 8) {
            return length("8 digits expected");
        }
        return weightedSum(b, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0 ? pass(b) : checkDigit("mod 11");
    }

    private static final String FR_KEY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** FR: 2 key characters + 9-digit SIREN (Luhn unless Monaco {@code 000}). */
    static RuleOutcome fr(String b) {
        if (b.length() < 2
                || !allDigits(b.length() > 2 ? b.substring(2) : "0")
                || FR_KEY_ALPHABET.indexOf(b.charAt(0)) < 0
                || FR_KEY_ALPHABET.indexOf(b.charAt(1)) < 0) {
            return format("2 key characters and 9 digits expected");
        }
        if (b.length() != 11) {
            return length("11 characters expected");
        }
        String siren = b.substring(2);
        if (!siren.startsWith("000") && !luhnValid(siren)) {
            return checkDigit("SIREN Luhn");
        }
        long sirenValue = Long.parseLong(siren);
        if (allDigits(b.substring(0, 2))) {
            long key = (sirenValue * 100 + 12) % 97;
            return key == Integer.parseInt(b.substring(0, 2)) ? pass(b) : checkDigit("key mod 97");
        }
        int i0 = FR_KEY_ALPHABET.indexOf(b.charAt(0));
        int i1 = FR_KEY_ALPHABET.indexOf(b.charAt(1));
        int c = Character.isDigit(b.charAt(0)) ? i0 * 24 + i1 - 10 : i0 * 34 + i1 - 100;
        return (sirenValue + 1 + c / 11) % 11 == c % 11 ? pass(b) : checkDigit("alphanumeric key");
    }

    /** HR: 11-digit OIB, ISO 7064 MOD 11,10. */
    static RuleOutcome hr(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 11) {
            return length("11 digits expected");
        }
        return mod11x10CheckDigit(b.substring(0, 10)) == digit(b, 10) ? pass(b) : checkDigit("ISO 7064 MOD 11,10");
    }

    /** HU: 8 digits, weighted sum mod 10 = 0. */
    static RuleOutcome hu(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 8) {
            return length("8 digits expected");
        }
        return weightedSum(b, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0 ? pass(b) : checkDigit("mod 10");
    }

    private static final String IE_ALPHABET = "WABCDEFGHIJKLMNOPQRSTUV";

    /** IE: new style 7 digits + check letter [+ letter], old style digit, letter/+/*, 5 digits, check letter. */
    static RuleOutcome ie(String b) {
        if (b.length() < 8 || b.length() > 9) {
            return b.length() >= 1 && !Character.isDigit(b.charAt(0))
                    ? format("starts with a digit")
                    : length("8 or 9 characters expected");
        }
        if (!Character.isDigit(b.charAt(0)) || !allDigits(b.substring(2, 7))) {
            return format("digits expected");
        }
        for (int i = 7; i < b.length(); i++) {
            if (IE_ALPHABET.indexOf(b.charAt(i)) < 0) {
                return format("check letter expected");
            }
        }
        String digits;
        int second;
        if (Character.isDigit(b.charAt(1))) {
            digits = b.substring(0, 7);
            second = b.length() == 9 ? IE_ALPHABET.indexOf(b.charAt(8)) : 0;
        } else if ("ABCDEFGHIJKLMNOPQRSTUVWXYZ+*".indexOf(b.charAt(1)) >= 0 && b.length() == 8) {
            digits = "0" + b.substring(2, 7) + b.charAt(0);
            second = 0;
        } else {
            return format("unexpected second character");
        }
        int sum = weightedSum(digits, 8, 7, 6, 5, 4, 3, 2) + 9 * second;
        return IE_ALPHABET.charAt(sum % 23) == b.charAt(7) ? pass(b) : checkDigit("check letter");
    }

    /** IT: 11 digits, valid office code, Luhn. */
    static RuleOutcome it(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 11) {
            return length("11 digits expected");
        }
        if (b.startsWith("0000000")) {
            return format("first 7 digits must not all be 0");
        }
        int office = Integer.parseInt(b.substring(7, 10));
        if (!((office >= 1 && office <= 100) || office == 120 || office == 121 || office == 888 || office == 999)) {
            return format("unknown office code " + b.substring(7, 10));
        }
        return luhnValid(b) ? pass(b) : checkDigit("Luhn");
    }

    /** LT: 9 digits (8th is 1) or 12 digits (11th is 1), mod 11 with a second weight set. */
    static RuleOutcome lt(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 9 && b.length() != 12) {
            return length("9 or 12 digits expected");
        }
        if (b.charAt(b.length() - 2) != '1') {
            return format("the digit before the check digit must be 1");
        }
        int n = b.length() - 1;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (1 + i % 9) * digit(b, i);
        }
        int c = sum % 11;
        if (c == 10) {
            sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (1 + (i + 2) % 9) * digit(b, i);
            }
            c = sum % 11 % 10;
        }
        return c == digit(b, n) ? pass(b) : checkDigit("mod 11");
    }

    /** LU: 8 digits, first 6 mod 89 = last 2. */
    static RuleOutcome lu(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 8) {
            return length("8 digits expected");
        }
        return Integer.parseInt(b.substring(0, 6)) % 89 == Integer.parseInt(b.substring(6))
                ? pass(b)
                : checkDigit("mod 89");
    }

    /** LV: 11 digits; legal entities (first digit above 3) or natural persons (birth date or new 32 form). */
    static RuleOutcome lv(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 11) {
            return length("11 digits expected");
        }
        if (b.charAt(0) > '3') {
            return weightedSum(b, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3 ? pass(b) : checkDigit("mod 11");
        }
        if (!b.startsWith("32")) {
            int day = Integer.parseInt(b.substring(0, 2));
            int month = Integer.parseInt(b.substring(2, 4));
            int year = 1800 + digit(b, 6) * 100 + Integer.parseInt(b.substring(4, 6));
            if (!isDate(year, month, day)) {
                return format("personal code with an impossible birth date");
            }
        }
        int c = (1 + weightedSum(b, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9)) % 11 % 10;
        return c == digit(b, 10) ? pass(b) : checkDigit("mod 11");
    }

    /** MT: 8 digits, first not 0, weighted sum mod 37 = 0. */
    static RuleOutcome mt(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 8) {
            return length("8 digits expected");
        }
        if (b.charAt(0) == '0') {
            return format("first digit must not be 0");
        }
        return weightedSum(b, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0 ? pass(b) : checkDigit("mod 37");
    }

    private static final java.util.regex.Pattern NL_SHAPE = java.util.regex.Pattern.compile("([0-9]+)B([0-9]+)");

    /** NL: 9 digits + B + 2 digits (01-99); RSIN/BSN 11-proef or MOD 97-10 over "NL" + number. */
    static RuleOutcome nl(String raw) {
        var m = NL_SHAPE.matcher(raw);
        if (!m.matches()) {
            return format("digits, B and a 2-digit suffix expected");
        }
        if (m.group(1).length() > 9 || m.group(2).length() != 2) {
            return length("9 digits, B and 2 digits expected");
        }
        String b = "0".repeat(9 - m.group(1).length()) + raw;
        if (Long.parseLong(b.substring(0, 9)) == 0 || b.endsWith("00")) {
            return format("number and suffix must not be 0");
        }
        boolean elevenTest = (weightedSum(b, 9, 8, 7, 6, 5, 4, 3, 2) - digit(b, 8)) % 11 == 0;
        return elevenTest || mod9710("NL" + b) ? pass(b) : checkDigit("11-proef and MOD 97-10");
    }

    /** ISO 7064 MOD 97-10 with letters as base-36 values (A=10 ... Z=35): remainder must be 1. */
    static boolean mod9710(String s) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            digits.append(Character.digit(s.charAt(i), 36));
        }
        return mod(digits.toString(), 97) == 1;
    }

    /** PL: 10 digits, weighted sum mod 11 = last digit (10 is never valid). */
    static RuleOutcome pl(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 10) {
            return length("10 digits expected");
        }
        int c = weightedSum(b, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11;
        return c == digit(b, 9) ? pass(b) : checkDigit("mod 11");
    }

    /** PT: 9 digits, first not 0, (11 − Σ mod 11) mod 11 mod 10. */
    static RuleOutcome pt(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 9) {
            return length("9 digits expected");
        }
        if (b.charAt(0) == '0') {
            return format("first digit must not be 0");
        }
        int c = (11 - weightedSum(b, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 11 % 10;
        return c == digit(b, 8) ? pass(b) : checkDigit("mod 11");
    }

    /** RO: a company's CUI/CIF of 2 to 10 digits, first not 0; or an individual's 13-digit personal numeric code. */
    static RuleOutcome ro(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() == 13) {
            return romanianCnp(b);
        }
        if (b.length() < 2 || b.length() > 10) {
            return length("2 to 10 digits, or a 13-digit personal numeric code, expected");
        }
        if (b.charAt(0) == '0') {
            return format("first digit must not be 0");
        }
        String body = "0".repeat(10 - b.length()) + b.substring(0, b.length() - 1);
        int c = 10 * weightedSum(body, 7, 5, 3, 2, 1, 7, 5, 3, 2) % 11 % 10;
        return c == digit(b, b.length() - 1) ? pass(b) : checkDigit("mod 11");
    }

    /**
     * RO CNP {@code SYYMMDDJJNNNC}: S is 1 to 9 (sex and century: 1/2 1900s, 3/4 1800s, 5/6 2000s, 7/8/9 residents,
     * counted as 1900s), YYMMDD a real birth date, JJ a county code 01 to 52, C the check digit: the weighted sum
     * (2,7,9,1,4,6,3,5,8,2,7,9) mod 11, where 10 counts as 1.
     */
    static RuleOutcome romanianCnp(String b) {
        int sex = digit(b, 0);
        if (sex == 0) {
            return format("a personal numeric code does not start with 0");
        }
        int century =
                switch (sex) {
                    case 3, 4 -> 1800;
                    case 5, 6 -> 2000;
                    default -> 1900;
                };
        int year = century + Integer.parseInt(b.substring(1, 3));
        if (!isDate(year, Integer.parseInt(b.substring(3, 5)), Integer.parseInt(b.substring(5, 7)))) {
            return format("personal numeric code with an impossible birth date");
        }
        int county = Integer.parseInt(b.substring(7, 9));
        if (county < 1 || county > 52) {
            return format("personal numeric code with an unknown county code " + b.substring(7, 9));
        }
        int c = weightedSum(b, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
        return (c == 10 ? 1 : c) == digit(b, 12) ? pass(b) : checkDigit("personal numeric code mod 11");
    }

    /** SE: 12 digits ending in 01; the 10-digit organisation number passes Luhn. */
    static RuleOutcome se(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 12) {
            return length("12 digits expected");
        }
        if (!b.endsWith("01")) {
            return format("must end in 01");
        }
        return luhnValid(b.substring(0, 10)) ? pass(b) : checkDigit("Luhn");
    }

    /** SI: 8 digits, first not 0, 11 − (Σ mod 11) with 10 → 0 and 11 invalid. */
    static RuleOutcome si(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 8) {
            return length("8 digits expected");
        }
        if (b.charAt(0) == '0') {
            return format("first digit must not be 0");
        }
        int c = 11 - weightedSum(b, 8, 7, 6, 5, 4, 3, 2) % 11;
        if (c == 11) {
            return checkDigit("mod 11 (no valid check digit)");
        }
        return c % 10 == digit(b, 7) ? pass(b) : checkDigit("mod 11");
    }

    /** SK: 10 digits, first not 0, third in 2,3,4,7,8,9, whole number divisible by 11. */
    static RuleOutcome sk(String b) {
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 10) {
            return length("10 digits expected");
        }
        if (b.charAt(0) == '0' || "234789".indexOf(b.charAt(2)) < 0) {
            return format("first digit must not be 0 and the third must be 2, 3, 4, 7, 8 or 9");
        }
        return Long.parseLong(b) % 11 == 0 ? pass(b) : checkDigit("mod 11");
    }

    /** XI (UK numbers for Northern Ireland): 9 digits, 12 digits (branch), GD + 3 digits (<500), HA + 3 digits. */
    static RuleOutcome xi(String b) {
        if (b.startsWith("GD") || b.startsWith("HA")) {
            String n = b.substring(2);
            if (!allDigits(n)) {
                return format("GD/HA followed by 3 digits expected");
            }
            if (n.length() != 3) {
                return length("GD/HA followed by 3 digits expected");
            }
            int value = Integer.parseInt(n);
            boolean inRange = b.startsWith("GD") ? value < 500 : value >= 500;
            return inRange ? pass(b) : format("GD numbers are below 500, HA numbers 500 and above");
        }
        if (!allDigits(b)) {
            return format(DIGITS_ONLY);
        }
        if (b.length() != 9 && b.length() != 12) {
            return length("9 or 12 digits expected");
        }
        int r = weightedSum(b, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
        boolean ok = Integer.parseInt(b.substring(0, 3)) < 100 ? r == 0 : r == 0 || r == 42 || r == 55;
        return ok ? pass(b) : checkDigit("mod 97");
    }
}

package io.freightgate.kyc.internal.domain.vat;

import java.util.Random;

/**
 * Computes valid VAT numbers for each member state from the published algorithms (docs/kyc.md), written independently
 * of the production rules: where production verifies a weighted sum, this class solves it for the missing check digit.
 */
final class ValidNumberGenerator {

    private final Random random;

    ValidNumberGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A valid number with its prefix, for example {@code DE136695976}. */
    String next(VatCountry country) {
        while (true) {
            String body = attempt(country);
            if (body != null) {
                return country.viesCode() + body;
            }
        }
    }

    /** One try; null when the random digits admit no check digit (the caller draws again). */
    private String attempt(VatCountry country) {
        return switch (country) {
            case AT -> {
                String d = digits(7);
                // stdnum's formulation: (6 - luhn_checksum(7 digits)) mod 10
                yield "U" + d + Math.floorMod(6 - luhnSum(d), 10);
            }
            case BE -> {
                String d = random.nextInt(2) + digits(7);
                yield d + String.format("%02d", 97 - Long.parseLong(d) % 97);
            }
            case BG -> {
                if (random.nextBoolean()) {
                    String d = digits(8);
                    int c = sum(d, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
                    if (c == 10) {
                        c = sum(d, 3, 4, 5, 6, 7, 8, 9, 10) % 11 % 10;
                    }
                    yield d + c;
                }
                // an EGN: a 20th-century birth date, 3 random digits, mod 11 with 10 -> 0
                String d = String.format(
                                "%02d%02d%02d", random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28))
                        + digits(3);
                yield d + sum(d, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10;
            }
            case CY -> {
                String d = (1 + random.nextInt(9)) + digits(7);
                if (d.startsWith("12")) {
                    yield null;
                }
                int[] odd = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
                int s = 0;
                for (int i = 0; i < 8; i++) {
                    int v = d.charAt(i) - '0';
                    s += i % 2 == 0 ? odd[v] : v;
                }
                yield d + (char) ('A' + s % 26);
            }
            case CZ -> {
                if (random.nextBoolean()) {
                    String d = random.nextInt(9) + digits(6);
                    int c = Math.floorMod(11 - sum(d, 8, 7, 6, 5, 4, 3, 2), 11);
                    yield d + (c == 0 ? 1 : c % 10);
                }
                // a 10-digit birth number after 1985: residue 10 is impossible there
                String d = String.format(
                                "%02d%02d%02d",
                                86 + random.nextInt(14),
                                (random.nextBoolean() ? 0 : 50) + 1 + random.nextInt(12),
                                1 + random.nextInt(28))
                        + digits(3);
                long r = Long.parseLong(d) % 11;
                yield r == 10 ? null : d + r;
            }
            case DE -> {
                String d = (1 + random.nextInt(9)) + digits(7);
                int p = 10;
                for (char ch : d.toCharArray()) {
                    int s = (ch - '0' + p) % 10;
                    p = (2 * (s == 0 ? 10 : s)) % 11;
                }
                yield d + (11 - p) % 10;
            }
            case DK -> solveLastWeightOne(1 + random.nextInt(9) + digits(6), 11, 0, 2, 7, 6, 5, 4, 3, 2);
            case EE -> solveLastWeightOne("10" + digits(6), 10, 0, 3, 7, 1, 3, 7, 1, 3, 7);
            case EL -> {
                String d = digits(8);
                yield d + sum(d, 256, 128, 64, 32, 16, 8, 4, 2) % 11 % 10;
            }
            case ES -> {
                if (random.nextBoolean()) {
                    String d = digits(8);
                    yield d + "TRWAGMYFPDXBNJZSQVHLCKE".charAt((int) (Long.parseLong(d) % 23));
                }
                String d = digits(7);
                int s = 0;
                for (int i = 0; i < 7; i++) {
                    int v = (d.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
                    s += v / 10 + v % 10;
                }
                int c = (10 - s % 10) % 10;
                char letter = "ABCDEFGHJNPQRSUVW".charAt(random.nextInt(17));
                yield letter + d + (random.nextBoolean() ? (char) ('0' + c) : "JABCDEFGHI".charAt(c));
            }
            case FI -> solveLastWeightOne(digits(7), 11, 0, 7, 9, 10, 5, 8, 4, 2);
            case FR -> {
                String siren = withLuhnDigit((1 + random.nextInt(9)) + digits(7));
                yield String.format("%02d", (Long.parseLong(siren) * 100 + 12) % 97) + siren;
            }
            case HR -> {
                String d = digits(10);
                int p = 10;
                for (char ch : d.toCharArray()) {
                    int s = (ch - '0' + p) % 10;
                    p = (2 * (s == 0 ? 10 : s)) % 11;
                }
                yield d + (11 - p) % 10;
            }
            case HU -> solveLastWeightOne(digits(7), 10, 0, 9, 7, 3, 1, 9, 7, 3);
            case IE -> {
                String d = digits(7);
                yield d + "WABCDEFGHIJKLMNOPQRSTUV".charAt(sum(d, 8, 7, 6, 5, 4, 3, 2) % 23);
            }
            case IT -> {
                String d = (1 + random.nextInt(9)) + digits(6) + String.format("%03d", 1 + random.nextInt(100));
                yield withLuhnDigit(d);
            }
            case LT -> {
                String d = digits(7) + "1";
                int s = 0;
                for (int i = 0; i < 8; i++) {
                    s += (1 + i % 9) * (d.charAt(i) - '0');
                }
                int c = s % 11;
                if (c == 10) {
                    s = 0;
                    for (int i = 0; i < 8; i++) {
                        s += (1 + (i + 2) % 9) * (d.charAt(i) - '0');
                    }
                    c = s % 11 % 10;
                }
                yield d + c;
            }
            case LU -> {
                String d = (1 + random.nextInt(9)) + digits(5);
                yield d + String.format("%02d", Integer.parseInt(d) % 89);
            }
            case LV -> solveLastWeightOne((4 + random.nextInt(6)) + digits(9), 11, 3, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6);
            case MT -> solveLastWeightOne((1 + random.nextInt(9)) + digits(6), 37, 0, 3, 4, 6, 7, 8, 9, 10);
            case NL -> {
                String d = (1 + random.nextInt(9)) + digits(7);
                int c = sum(d, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
                yield c == 10 ? null : d + c + "B" + String.format("%02d", 1 + random.nextInt(99));
            }
            case PL -> {
                String d = (1 + random.nextInt(9)) + digits(8);
                int c = sum(d, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11;
                yield c == 10 ? null : d + c;
            }
            case PT -> {
                String d = (1 + random.nextInt(9)) + digits(7);
                yield d + (11 - sum(d, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 11 % 10;
            }
            case RO -> {
                if (random.nextInt(3) == 0) {
                    // an individual's CNP: S YYMMDD JJ NNN C, weights 279146358279, remainder 10 -> 1
                    String d = (1 + random.nextInt(9))
                            + String.format(
                                    "%02d%02d%02d%02d",
                                    random.nextInt(100),
                                    1 + random.nextInt(12),
                                    1 + random.nextInt(28),
                                    1 + random.nextInt(52))
                            + digits(3);
                    int r = sum(d, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
                    yield d + (r == 10 ? 1 : r);
                }
                String d = (1 + random.nextInt(9)) + digits(random.nextInt(9));
                String padded = "0".repeat(9 - d.length()) + d;
                yield d + 10 * sum(padded, 7, 5, 3, 2, 1, 7, 5, 3, 2) % 11 % 10;
            }
            case SE -> withLuhnDigit((1 + random.nextInt(9)) + digits(8)) + "01";
            case SI -> {
                String d = (1 + random.nextInt(9)) + digits(6);
                int c = 11 - sum(d, 8, 7, 6, 5, 4, 3, 2) % 11;
                yield c == 11 ? null : d + c % 10;
            }
            case SK -> {
                String d = (1 + random.nextInt(9)) + digits(1) + "234789".charAt(random.nextInt(6)) + digits(6);
                // d·10 + c ≡ 0 (mod 11)  <=>  c ≡ d (mod 11), since 10 ≡ −1
                long c = Long.parseLong(d) % 11;
                yield c == 10 ? null : d + c;
            }
            case XI -> {
                if (random.nextInt(10) == 0) {
                    int n = random.nextInt(500);
                    yield random.nextBoolean() ? "GD" + String.format("%03d", n) : "HA" + (500 + n);
                }
                String d = (1 + random.nextInt(9)) + digits(6);
                int v = Math.floorMod(-sum(d, 8, 7, 6, 5, 4, 3, 2), 97);
                yield d + String.format("%02d", v);
            }
        };
    }

    /** Appends the digit x with weight 1 such that (Σ w·d + x) mod m == target; null when x would exceed 9. */
    private static String solveLastWeightOne(String payload, int m, int target, int... weights) {
        int x = Math.floorMod(target - sum(payload, weights), m);
        return x > 9 ? null : payload + x;
    }

    private static int sum(String d, int... w) {
        int s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * (d.charAt(i) - '0');
        }
        return s;
    }

    /** The Luhn sum of a complete number (rightmost digit not doubled). */
    private static int luhnSum(String d) {
        int s = 0;
        for (int i = 0; i < d.length(); i++) {
            int v = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            s += v;
        }
        return s;
    }

    private static String withLuhnDigit(String payload) {
        return payload + Math.floorMod(-luhnSum(payload + "0"), 10);
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }
}

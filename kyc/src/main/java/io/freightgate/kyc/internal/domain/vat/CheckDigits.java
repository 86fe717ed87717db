package io.freightgate.kyc.internal.domain.vat;

/** The check-digit arithmetic shared by several member states. Digits are ASCII {@code '0'..'9'}. */
final class CheckDigits {

    private CheckDigits() {}

    static int digit(String s, int index) {
        return s.charAt(index) - '0';
    }

    static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Σ weights[i]·digit(i) over the first {@code weights.length} digits of {@code s}. */
    static int weightedSum(String s, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(s, i);
        }
        return sum;
    }

    /** Luhn: true when the whole string (check digit last) passes. */
    static boolean luhnValid(String s) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            int d = digit(s, i);
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** ISO 7064 MOD 11,10: the check digit for {@code payload} (all digits). */
    static int mod11x10CheckDigit(String payload) {
        int product = 10;
        for (int i = 0; i < payload.length(); i++) {
            int sum = (digit(payload, i) + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        return (11 - product) % 10;
    }

    /** The remainder of a long decimal (or base-36 expanded) string modulo {@code m}. */
    static int mod(String digits, int m) {
        int r = 0;
        for (int i = 0; i < digits.length(); i++) {
            r = (r * 10 + digit(digits, i)) % m;
        }
        return r;
    }

    /** Whether {@code yyyy-mm-dd} is a real calendar date. */
    static boolean isDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }
}

package io.freightgate.security.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recovery codes, the second factor of last resort: {@value #COUNT} per enrolment, each usable once. A code is
 * {@value #ENTROPY_BITS} random bits written as four groups of five base32 characters ({@code k7q2m-x4d9p-a2bcd-ef3gh});
 * only a salted hash of it is stored, {@code salt.hash} in base64url: HMAC-SHA256 of the code under 16 random bytes of
 * its own. With 100 bits per code nobody can search the hashes, and with a salt per code no two hashes can be compared
 * or looked up in a table. Codes are matched case-insensitively, with or without the dashes and spaces.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    public static final int ENTROPY_BITS = 100;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int LENGTH = ENTROPY_BITS / 5;
    private static final int SALT_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private RecoveryCodes() {}

    /** New codes, shown to the user once, and the hashes to store. {@code toString} masks both. */
    public record Issued(List<String> codes, List<String> hashes) {

        public Issued {
            codes = List.copyOf(codes);
            hashes = List.copyOf(hashes);
        }

        @Override
        public String toString() {
            return "RecoveryCodes.Issued[***]";
        }
    }

    public static Issued issue(SecureRandom random) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 5 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            codes.add(code.toString());
            hashes.add(ENCODER.encodeToString(salt) + "." + ENCODER.encodeToString(hmac(salt, canonical(code))));
        }
        return new Issued(codes, hashes);
    }

    /**
     * The position in {@code storedHashes} of the hash that {@code code} matches, if any. Every stored hash is checked
     * (no early exit) and compared in constant time; entries that are not of this form (the unsalted hashes of
     * before issue 16) never match.
     */
    public static OptionalInt match(List<String> storedHashes, String code) {
        String candidate = canonical(code == null ? "" : code);
        if (candidate.length() != LENGTH) {
            return OptionalInt.empty();
        }
        int found = -1;
        for (int i = 0; i < storedHashes.size(); i++) {
            String[] parts = storedHashes.get(i).split("\\.", -1);
            if (parts.length != 2) {
                continue;
            }
            byte[] expected;
            byte[] salt;
            try {
                salt = DECODER.decode(parts[0]);
                expected = DECODER.decode(parts[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, hmac(salt, candidate)) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    private static String canonical(CharSequence code) {
        return code.toString().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private static byte[] hmac(byte[] salt, String canonicalCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal(("recovery:" + canonicalCode).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

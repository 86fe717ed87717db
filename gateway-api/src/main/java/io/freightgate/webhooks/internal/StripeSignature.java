package io.freightgate.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a {@code Stripe-Signature} header ({@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}) against the raw body:
 * HMAC-SHA256 over {@code "<t>.<body>"} keyed with the endpoint secret, compared in constant time against every
 * {@code v1} (other schemes such as {@code v0} are ignored), for each configured secret (several while one is being
 * rotated). Unlike stripe-java's check, which refuses only timestamps older than the tolerance, a timestamp too far in
 * the future is refused too: a signature made for later must not be replayable until then.
 */
public final class StripeSignature {

    /** Why a delivery was refused; the answer names it, never the expected signature. */
    public enum Rejection {
        MISSING("No Stripe-Signature header."),
        MALFORMED("The Stripe-Signature header cannot be read."),
        NO_V1("The Stripe-Signature header has no v1 signature."),
        MISMATCH("No v1 signature matches the body for any configured secret."),
        TOO_OLD("The signature timestamp is older than the tolerance."),
        TOO_NEW("The signature timestamp is further in the future than the tolerance."),
        NO_SECRET("No webhook secret is configured for this endpoint.");

        private final String detail;

        Rejection(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    /** The outcome: the signature's timestamp, or why it was refused. */
    public sealed interface Verification {}

    public record Verified(Instant signedAt) implements Verification {}

    public record Rejected(Rejection reason) implements Verification {}

    private final Duration tolerance;

    public StripeSignature(Duration tolerance) {
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("The tolerance must be positive; a check without one accepts replays");
        }
        this.tolerance = tolerance;
    }

    public Verification verify(byte[] body, String header, List<String> secrets, Instant now) {
        if (secrets.isEmpty()) {
            return new Rejected(Rejection.NO_SECRET);
        }
        if (header == null || header.isBlank()) {
            return new Rejected(Rejection.MISSING);
        }
        long timestamp = -1;
        List<byte[]> candidates = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return new Rejected(Rejection.MALFORMED);
            }
            String scheme = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if (scheme.equals("t")) {
                if (timestamp != -1) {
                    return new Rejected(Rejection.MALFORMED);
                }
                timestamp = parseTimestamp(value);
                if (timestamp <= 0) {
                    return new Rejected(Rejection.MALFORMED);
                }
            } else if (scheme.equals("v1")) {
                if (value.length() != 64 || !isLowerHex(value)) {
                    continue;
                }
                candidates.add(HexFormat.of().parseHex(value));
            }
        }
        if (timestamp <= 0) {
            return new Rejected(Rejection.MALFORMED);
        }
        if (candidates.isEmpty()) {
            return new Rejected(Rejection.NO_V1);
        }
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, timestamp, body);
            for (byte[] candidate : candidates) {
                // Non-short-circuiting so the time taken does not tell which secret or signature matched.
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            return new Rejected(Rejection.MISMATCH);
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (signedAt.isBefore(now.minus(tolerance))) {
            return new Rejected(Rejection.TOO_OLD);
        }
        if (signedAt.isAfter(now.plus(tolerance))) {
            return new Rejected(Rejection.TOO_NEW);
        }
        return new Verified(signedAt);
    }

    /** The header Stripe would send for {@code body} signed at {@code timestamp} (load generators, tests). */
    public static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static long parseTimestamp(String value) {
        if (value.isEmpty() || value.length() > 12) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    private static boolean isLowerHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}

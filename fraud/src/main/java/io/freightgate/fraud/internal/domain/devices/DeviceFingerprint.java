package io.freightgate.fraud.internal.domain.devices;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns what the collector script ({@code /js/device.js}) sent into a device id: {@code dev_} and 32 hex digits of an
 * HMAC-SHA256, under a secret key, of the canonical text of the stable browser attributes (docs/fraud.md, "Devices").
 * The input is the script's form-encoded text ({@code ua=...&pl=...}); it is bounded and checked, and anything that
 * is not what the script sends (too long, too many fields, control characters, too few known attributes) is no device
 * at all, never an error. Only the keyed hash leaves this class: the attributes are not kept.
 */
public final class DeviceFingerprint {

    /** The longest input read; a longer one is ignored whole. */
    public static final int MAX_INPUT = 2_048;

    static final int MAX_FIELDS = 16;
    static final int MAX_VALUE = 400;
    /** A device id is only made from at least this many known attributes (a user agent alone names a browser build). */
    static final int MIN_ATTRIBUTES = 4;

    /** The attributes read, by the script's short names; every other field is ignored. */
    static final List<String> ATTRIBUTES = List.of(
            "ua", // user agent, browser versions cut to their major number
            "pl", // platform
            "lang", // languages, in preference order
            "scr", // screen width x height x colour depth
            "tz", // IANA time zone
            "hc", // hardware concurrency
            "dm", // device memory (GiB, as the browser rounds it)
            "tp", // maximum touch points
            "cv"); // a hash of a small canvas drawing

    private static final Pattern PRINTABLE = Pattern.compile("[\\p{Print}\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}]*");
    private static final Pattern MINOR_VERSIONS = Pattern.compile("(\\d+)(?:\\.\\d+)+");
    private static final Pattern DEVICE_ID = Pattern.compile("dev_[0-9a-f]{32}");

    private final byte[] key;

    /** @param key the secret key of the hash, at least 32 bytes; never logged */
    public DeviceFingerprint(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A device fingerprint key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The device id of the attributes the script sent, or empty when they are not a usable fingerprint. */
    public Optional<String> deviceId(String input) {
        return canonical(input).map(this::hash);
    }

    /** Whether {@code value} is written as a device id. */
    public static boolean isDeviceId(String value) {
        return DEVICE_ID.matcher(value).matches();
    }

    /**
     * The attributes as one canonical text ({@code name=value} lines in a fixed order), or empty when the input is not
     * a usable fingerprint.
     */
    static Optional<String> canonical(String input) {
        if (input.isEmpty() || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String[] fields = input.split("&", MAX_FIELDS + 2);
        if (fields.length > MAX_FIELDS) {
            return Optional.empty();
        }
        Map<String, String> known = new TreeMap<>();
        for (String field : fields) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name;
            String value;
            try {
                name = URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8);
                value = URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8)
                        .strip();
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            if (!ATTRIBUTES.contains(name) || value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_VALUE || !PRINTABLE.matcher(value).matches() || known.containsKey(name)) {
                return Optional.empty();
            }
            known.put(name, name.equals("ua") ? MINOR_VERSIONS.matcher(value).replaceAll("$1") : value);
        }
        if (known.size() < MIN_ATTRIBUTES) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder("v1\n");
        for (String name : ATTRIBUTES) {
            canonical
                    .append(name)
                    .append('=')
                    .append(known.getOrDefault(name, ""))
                    .append('\n');
        }
        return Optional.of(canonical.toString());
    }

    private String hash(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
            return "dev_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "DeviceFingerprint[key=***]";
    }
}

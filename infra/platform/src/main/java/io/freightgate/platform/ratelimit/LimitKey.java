package io.freightgate.platform.ratelimit;

import java.util.Objects;

/**
 * One caller's key for a limit: its kind and value (an API client id, a user id, an address, a pay link's hash, a
 * payment method). Values are the caller's text: {@link #toString} shows the kind only, and the block list stores them
 * as they are (they name no secret: pay links are hashed before they get here).
 */
public record LimitKey(KeyKind kind, String value) {

    public LimitKey {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("A limit key's value is 1 to 200 characters");
        }
    }

    public static LimitKey ip(String address) {
        return new LimitKey(KeyKind.IP, address);
    }

    /** The bucket's name part: the kind and value. */
    public String bucket() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }

    @Override
    public String toString() {
        return "LimitKey[" + kind + "]";
    }
}

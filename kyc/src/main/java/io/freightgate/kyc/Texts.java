package io.freightgate.kyc;

import org.jspecify.annotations.Nullable;

/** Argument checks shared by the command records. */
final class Texts {

    private Texts() {}

    static String required(@Nullable String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(name + " must have at most " + maxLength + " characters");
        }
        return stripped;
    }

    static @Nullable String optional(@Nullable String value, String name, int maxLength) {
        return value == null || value.isBlank() ? null : required(value, name, maxLength);
    }
}

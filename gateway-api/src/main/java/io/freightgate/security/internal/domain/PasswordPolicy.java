package io.freightgate.security.internal.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (ASVS 6.2): 12 to 128 characters, not one of the most common passwords, and not containing
 * the local part of the user's email. Any other composition rule is deliberately absent. A rejection is a value with
 * the reason, never the password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> commonPasswords;

    public PasswordPolicy(Set<String> commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> rejection(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lower)) {
            return Optional.of("The password is too common.");
        }
        if (email != null && email.contains("@")) {
            String localPart = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (localPart.length() >= 3 && lower.contains(localPart)) {
                return Optional.of("The password must not contain your email address.");
            }
        }
        return Optional.empty();
    }
}

package io.freightgate.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the security module reads the addresses people give and writes times into the mails it sends them. */
final class EmailAddresses {

    private static final DateTimeFormatter MAIL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private EmailAddresses() {}

    /** The address stripped and lower-cased: the form that is hashed for look-ups; {@link IllegalArgumentException} if malformed. */
    static String normalize(String email) {
        if (email == null) {
            throw new IllegalArgumentException("An email is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 320 || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("The email is not valid");
        }
        return normalized;
    }

    /** An instant as mails show it ({@code 2026-12-07 14:30 UTC}). */
    static String mailTime(Instant instant) {
        return MAIL_TIME.format(instant);
    }
}

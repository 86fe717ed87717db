package io.freightgate.platform.notifications;

import java.util.regex.Pattern;

/**
 * The checks every value bound for a mail header passes, so that no caller can add a header or a recipient: a line
 * break (or any other control character) is refused, not stripped, because a value that carries one is an attack or a
 * bug, never a subject.
 */
final class MailHeaders {

    static final int MAX_SUBJECT_LENGTH = 200;
    static final int MAX_ADDRESS_LENGTH = 254;

    /**
     * A plain address (RFC 5321 {@code local@domain}, dot-atom local part, a domain of at least two labels), without a
     * display name, comments or quoted parts; international addresses are not accepted yet.
     */
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private MailHeaders() {}

    /** {@code value}, if it is one line of text without control characters and at most {@code maxLength} long. */
    static String singleLine(String name, String value, int maxLength) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("The " + name + " of a mail must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    "The " + name + " of a mail is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("The " + name + " of a mail must not contain a line break");
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("The " + name + " of a mail must not contain control characters");
            }
        }
        return value;
    }

    /** {@code value}, if it is one plain mail address. The message never repeats the address: it is personal data. */
    static String address(String name, String value) {
        singleLine(name, value, MAX_ADDRESS_LENGTH);
        if (!ADDRESS.matcher(value).matches()) {
            throw new IllegalArgumentException("The " + name + " of a mail is not a plain mail address");
        }
        return value;
    }
}

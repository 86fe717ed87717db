package io.freightgate.platform.notifications;

import java.util.Objects;

/**
 * A rendered mail, ready for a {@link Mailer}: one recipient, a one-line subject, and the same content as plain text and
 * as HTML (sent as the two alternatives of one {@code multipart/alternative} body). The header values are checked again
 * here, so that no mail with a line break in a header can exist.
 */
public record OutgoingMail(String recipient, String subject, String text, String html) {

    public OutgoingMail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        MailHeaders.address("recipient", recipient);
        MailHeaders.singleLine("subject", subject, MailHeaders.MAX_SUBJECT_LENGTH);
    }

    /** Prints no content: the address and the bodies are personal data. */
    @Override
    public String toString() {
        return "OutgoingMail[" + text.length() + " characters of text, " + html.length() + " of HTML]";
    }
}

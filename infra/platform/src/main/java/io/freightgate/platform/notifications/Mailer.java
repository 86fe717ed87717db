package io.freightgate.platform.notifications;

/**
 * Hands one rendered mail to a mail server. Implementations translate their vendor's failures into a {@link
 * MailDelivery}; nothing else is thrown for a mail that could not be sent. Called by the {@link MailRelay} only, never
 * inside a database transaction.
 */
public interface Mailer {

    MailDelivery send(OutgoingMail mail);

    /** What became of one attempt to send a mail. */
    sealed interface MailDelivery {}

    /** The server accepted the mail. */
    record Sent() implements MailDelivery {}

    /** The server refused the mail for good (an address it will never accept, a mail it cannot take): no retry. */
    record Rejected(String reason) implements MailDelivery {}

    /** The attempt failed in a way that may pass (no connection, a timeout, a temporary refusal): retry later. */
    record Failed(String reason) implements MailDelivery {}
}

package io.freightgate.platform.notifications;

/**
 * The port through which any module mails a person. A notification is recorded in the caller's transaction and sent
 * after that transaction commits, so a mail goes out exactly when the change that caused it is durable; a rolled-back
 * transaction sends nothing. Delivery is at least once (a crash between the SMTP hand-over and its record may send a
 * mail twice) and asynchronous: {@link #enqueue} returns before the mail is sent, and SMTP failures are retried by the
 * {@link MailRelay} rather than reported to the caller.
 */
public interface Notifications {

    /**
     * Renders the notification and records it for sending after the current transaction commits (at once, if no
     * transaction is active).
     *
     * @throws IllegalArgumentException if the template does not exist, a placeholder has no value, a value has no
     *     placeholder, or a {@code *_url} value is not an absolute http(s) URL
     */
    void enqueue(Notification notification);
}

/**
 * Mail to people: invitations, password resets, lockout notices, and later payment, KYC and dispute notices.
 *
 * <p>Other modules call {@link io.freightgate.platform.notifications.Notifications#enqueue} with a {@link
 * io.freightgate.platform.notifications.Notification}: a recipient, a subject and a template with its model. The mail
 * is rendered at once (every model value HTML-encoded with the OWASP Java Encoder in the HTML body), written to the
 * {@code mail_outbox} table in the caller's transaction, and handed to SMTP only after that transaction commits, by the
 * {@link io.freightgate.platform.notifications.MailRelay}; a rolled-back transaction sends nothing. Failures are retried
 * with exponential backoff and given up, visibly, after a configured number of attempts.
 *
 * <p>Templates live on the classpath as {@code mail/templates/NAME.html} and {@code mail/templates/NAME.txt}, with
 * {@code {{key}}} placeholders in element content or double-quoted attribute values. Model keys ending in {@code _url}
 * must be absolute {@code https} or {@code http} URLs. Callers never write HTML themselves.
 *
 * <p>This package never calls SMTP inside a database transaction, never logs a recipient's address or a mail body, and
 * never lets a line break into a mail header.
 */
@NullMarked
package io.freightgate.platform.notifications;

import org.jspecify.annotations.NullMarked;

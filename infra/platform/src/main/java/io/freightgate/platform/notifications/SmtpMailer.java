package io.freightgate.platform.notifications;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends mail over SMTP with Spring Mail ({@code spring.mail.*}). Each mail is one {@code multipart/alternative} body:
 * the plain text first, then the HTML, both UTF-8. The sender is {@code freightgate.mail.from}, checked at start-up. A
 * refused address or a mail that cannot be built is {@link Rejected}; every other failure (no connection, timeouts,
 * temporary refusals, authentication) is {@link Failed} and retried. Reasons never contain an address.
 */
public class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final Clock clock;

    public SmtpMailer(JavaMailSender sender, String from, Clock clock) {
        this.sender = sender;
        this.from = parseSender(from);
        this.clock = clock;
    }

    @Override
    public MailDelivery send(OutgoingMail mail) {
        MimeMessage message;
        try {
            message = message(mail);
        } catch (MessagingException e) {
            return new Rejected("The mail could not be built: " + e.getClass().getSimpleName());
        }
        try {
            sender.send(message);
            return new Sent();
        } catch (MailParseException | MailPreparationException e) {
            return new Rejected("The mail could not be built: " + e.getClass().getSimpleName());
        } catch (MailSendException e) {
            return translate(e);
        } catch (MailException e) {
            return new Failed(reason(e));
        }
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        var text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        var alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        return message;
    }

    private static MailDelivery translate(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            if (failure instanceof SendFailedException refused
                    && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return new Rejected("The mail server refused the recipient address");
            }
        }
        return new Failed(
                reason(e.getFailedMessages().values().stream().findFirst().orElse(e)));
    }

    /**
     * The failure's kind and its root cause's message (a host and port, a server reply), with anything that looks like
     * an address blanked out; never the mail's content.
     */
    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return (e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + message + ")")
                .replaceAll("[\\r\\n]+", " ")
                .replaceAll("[^\\s<>@]+@[^\\s<>]+", "(address)");
    }

    private static InternetAddress parseSender(String from) {
        MailHeaders.singleLine("sender (freightgate.mail.from)", from, 320);
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("freightgate.mail.from must be exactly one address");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException("freightgate.mail.from is not a mail address: " + e.getMessage(), e);
        }
    }
}

package io.freightgate.loads.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** An e-mail posted as raw MIME (RFC 5322), read with Jakarta Mail: sender, subject, date and its plain text. */
public record MimeMessages(String from, String subject, Optional<Instant> sentAt, String text) {

    private static final Session SESSION = Session.getInstance(new Properties());

    public static MimeMessages parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            var from = message.getFrom();
            if (from == null || from.length == 0) {
                throw new IllegalArgumentException("The e-mail has no From header");
            }
            String sender = from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
            String text = plainText(message)
                    .orElseThrow(() -> new IllegalArgumentException("The e-mail has no text/plain part"));
            return new MimeMessages(
                    sender,
                    Optional.ofNullable(message.getSubject()).orElse(""),
                    Optional.ofNullable(message.getSentDate()).map(java.util.Date::toInstant),
                    text.strip());
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("The e-mail cannot be read as MIME");
        }
    }

    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<String> text = plainText(body);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}

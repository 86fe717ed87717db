package io.freightgate.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A GreenMail SMTP server on a loopback port that keeps every mail it receives in memory, so that local mode and tests
 * can read what FreightGate sent without any mail leaving the machine. It accepts any sender and recipient without
 * authentication. The captured mail is lost when the JVM stops.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private EmbeddedSmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts an SMTP server on a free loopback port. */
    public static EmbeddedSmtpServer start() {
        return start(EmbeddedRedisServer.freePort());
    }

    /** Starts an SMTP server on {@code port} of the loopback interface (tests use it to bring a server back). */
    public static EmbeddedSmtpServer start(int port) {
        var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new EmbeddedSmtpServer(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received since the start, oldest first. */
    public List<CapturedMail> receivedMail() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(CapturedMail::of)
                .toList();
    }

    /** The {@code number}th mail received (1 for the first one). */
    public Optional<CapturedMail> mail(int number) {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        return number < 1 || number > messages.length
                ? Optional.empty()
                : Optional.of(CapturedMail.of(messages[number - 1]));
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * One received mail as a person reads it: headers decoded, and the plain-text and HTML alternatives when it has
     * them. {@code raw} is the whole message as it went over the wire.
     */
    public record CapturedMail(
            String from,
            String to,
            String subject,
            Optional<Instant> sentAt,
            Optional<String> contentType,
            Optional<String> text,
            Optional<String> html,
            String raw) {

        static CapturedMail of(MimeMessage message) {
            try {
                return new CapturedMail(
                        addresses(message.getFrom()),
                        addresses(message.getAllRecipients()),
                        Optional.ofNullable(message.getSubject()).orElse(""),
                        Optional.ofNullable(message.getSentDate()).map(date -> date.toInstant()),
                        Optional.ofNullable(message.getContentType()),
                        Optional.ofNullable(firstPart(message, "text/plain")),
                        Optional.ofNullable(firstPart(message, "text/html")),
                        GreenMailUtil.getWholeMessage(message));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Could not read a captured mail", e);
            }
        }

        private static String addresses(Address[] addresses) {
            return addresses == null
                    ? ""
                    : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
        }

        private static @Nullable String firstPart(Part part, String mimeType) throws MessagingException, IOException {
            if (part.isMimeType(mimeType)) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = firstPart(child, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}

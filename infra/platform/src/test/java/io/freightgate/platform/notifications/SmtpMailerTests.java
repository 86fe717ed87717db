package io.freightgate.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpMailerTests {

    @Test
    void refusesASenderWithALineBreakOrMoreThanOneAddress() {
        for (String from : new String[] {
            "no-reply@freightgate.example\r\nBcc: everyone@example.com",
            "no-reply@freightgate.example, everyone@example.com",
            "not an address"
        }) {
            assertThatThrownBy(() -> new SmtpMailer(new JavaMailSenderImpl(), from, Clock.systemUTC()))
                    .as(from)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void acceptsASenderWithADisplayName() {
        assertThatCode(() -> new SmtpMailer(
                        new JavaMailSenderImpl(), "FreightGate <no-reply@freightgate.example>", Clock.systemUTC()))
                .doesNotThrowAnyException();
    }

    @Test
    void aServerThatCannotBeReachedIsAFailureToRetryNamingNoAddress() throws IOException {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(closedPort());
        var mailer = new SmtpMailer(sender, "no-reply@freightgate.example", Clock.systemUTC());

        var delivery = mailer.send(new OutgoingMail("ada@example.com", "Hello", "Hello", "<p>Hello</p>"));

        assertThat(delivery).isInstanceOfSatisfying(Mailer.Failed.class, failed -> assertThat(failed.reason())
                .contains("ConnectException")
                .doesNotContain("ada@example.com"));
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

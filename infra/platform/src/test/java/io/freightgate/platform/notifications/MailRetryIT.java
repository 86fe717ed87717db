package io.freightgate.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.local.EmbeddedSmtpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * An SMTP server that is down: this context sends to a loopback port where nothing listens until a test starts a
 * server there. Short backoff and polling keep the test fast.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "freightgate.mail.max-attempts=6",
            "freightgate.mail.initial-backoff=PT0.2S",
            "freightgate.mail.max-backoff=PT0.5S",
            "freightgate.mail.poll-interval=PT0.3S"
        })
class MailRetryIT {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtpThatIsDown(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    JdbcTemplate jdbc;

    String recipient = "shipper-payer-" + UUID.randomUUID() + "@example.com";

    @Test
    void aMailThatCannotBeSentIsRetriedAndDeliveredWhenTheServerIsBack() {
        transactions.executeWithoutResult(status -> enqueue());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> attempts() >= 2 && lastError().contains("ConnectException"));
        assertThat(status()).isEqualTo("PENDING");

        try (var smtp = EmbeddedSmtpServer.start(SMTP_PORT)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedMail().stream()
                    .anyMatch(mail -> mail.to().equals(recipient)));
            await().atMost(Duration.ofSeconds(5)).until(() -> rows() == 0);
        }
    }

    @Test
    void aMailIsGivenUpVisiblyAfterTheLastAttempt() {
        transactions.executeWithoutResult(status -> enqueue());

        await().atMost(Duration.ofSeconds(20)).until(() -> "GAVE_UP".equals(status()));

        assertThat(attempts()).isEqualTo(6);
        assertThat(lastError()).startsWith("Failed 6 times").contains("ConnectException");
        assertThat(lastError()).doesNotContain(recipient);
    }

    private void enqueue() {
        notifications.enqueue(new Notification(
                recipient, "Payment request", "notice", Map.of("recipient_name", "Ada", "message", "Please pay.")));
    }

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE recipient = ?", Integer.class, recipient);
    }

    private int attempts() {
        return jdbc
                .queryForList("SELECT attempts FROM mail_outbox WHERE recipient = ?", Integer.class, recipient)
                .stream()
                .findFirst()
                .orElse(0);
    }

    private String status() {
        return jdbc.queryForList("SELECT status FROM mail_outbox WHERE recipient = ?", String.class, recipient).stream()
                .findFirst()
                .orElse("");
    }

    private String lastError() {
        return jdbc
                .queryForList(
                        "SELECT coalesce(last_error, '') FROM mail_outbox WHERE recipient = ?", String.class, recipient)
                .stream()
                .findFirst()
                .orElse("");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

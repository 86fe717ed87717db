package io.freightgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.support.GatewayIT;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;

/** Local mode's mail viewer shows what the gateway sent, with every field of the (untrusted) mail encoded. */
class LocalMailViewerIT extends GatewayIT {

    static final String HOSTILE_NAME = "<script>alert(1)</script> & Co";

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    EmbeddedSmtpServer smtp;

    String recipient = "carrier-admin-" + UUID.randomUUID() + "@example.com";

    @Test
    void listsCapturedMailWithItsFieldsEncoded() {
        int number = sendNotice();

        var page = api.get("/local/mail").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains(recipient)
                .contains("<a href=\"/local/mail/" + number
                        + "\">Welcome, &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</a>")
                .doesNotContain("<script");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void showsOneMailWithItsHtmlBodyInASandboxedFrameAndItsTextEscaped() {
        int number = sendNotice();

        var page = api.get("/local/mail/" + number).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Welcome, &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>")
                .contains("<iframe sandbox=\"\" title=\"HTML body\" src=\"/local/mail/" + number + "/html\"")
                .contains("<pre>Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co,")
                .doesNotContain("<script");
        assertThat(page.header("Cache-Control")).contains("no-store");

        // The frame's document: the HTML body as sent (it encoded the name once), under a sandbox policy of its own
        // that runs no script and loads nothing, only the mail's inline styles.
        var body = api.get("/local/mail/" + number + "/html").send();

        assertThat(body.status()).isEqualTo(200);
        assertThat(body.contentType()).startsWith("text/html");
        assertThat(body.body())
                .contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co,")
                .doesNotContain("<script");
        assertThat(body.header("Content-Security-Policy"))
                .startsWith("sandbox;")
                .contains("default-src 'none'")
                .doesNotContain("script-src")
                .doesNotContain("allow-scripts");
        assertThat(body.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aMailThatDoesNotExistIsNotFound() {
        var page = api.get("/local/mail/999999").send();

        assertThat(page.status()).isEqualTo(404);
    }

    /** Sends a notice through the real path (outbox, relay, SMTP) and returns its number in the viewer. */
    private int sendNotice() {
        transactions.executeWithoutResult(status -> notifications.enqueue(new Notification(
                recipient,
                "Welcome, " + HOSTILE_NAME,
                "notice",
                Map.of("recipient_name", HOSTILE_NAME, "message", "Your FreightGate account is ready."))));
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedMail().stream()
                .anyMatch(mail -> mail.to().equals(recipient)));
        var received = smtp.receivedMail();
        for (int i = 0; i < received.size(); i++) {
            if (received.get(i).to().equals(recipient)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("The mail is gone");
    }
}

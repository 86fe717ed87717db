package io.freightgate.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.local.EmbeddedSmtpServer.CapturedMail;
import io.freightgate.platform.TenantFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/** The whole path against local mode's real SMTP server: enqueue in a transaction, commit, relay, GreenMail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class NotificationsIT {

    static final String HOSTILE_COMPANY = "<script>alert(1)</script> & Co";

    @Autowired
    Notifications notifications;

    @Autowired
    MailRelay relay;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    JdbcTemplate jdbc;

    TenantFixtures fixtures;
    String recipient = "carrier-admin-" + UUID.randomUUID() + "@example.com";

    @BeforeEach
    void setUp() {
        fixtures = new TenantFixtures(transactions);
    }

    @Test
    void aMailEnqueuedInACommittedTransactionArrivesWithUserStringsEncoded() {
        fixtures.inTenant(TenantId.random(), () -> inviteToCompany(HOSTILE_COMPANY));

        CapturedMail mail = awaitMailTo(recipient);

        assertThat(mail.subject()).isEqualTo("You are invited to " + HOSTILE_COMPANY);
        assertThat(mail.from()).contains("no-reply@freightgate.localhost");
        assertThat(mail.contentType())
                .hasValueSatisfying(type -> assertThat(type).startsWith("multipart/alternative"));
        assertThat(mail.html()).hasValueSatisfying(html -> assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
                .doesNotContain("<script>"));
        assertThat(mail.text()).hasValueSatisfying(text -> assertThat(text).contains(HOSTILE_COMPANY));
        assertThat(mail.sentAt()).isPresent();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(outboxRows()).isZero());
    }

    @Test
    void aTransactionThatRollsBackSendsNothing() {
        assertThatThrownBy(() -> fixtures.inTenant(TenantId.random(), () -> {
                    inviteToCompany("Rolled Back GmbH");
                    assertThat(outboxRows())
                            .as("recorded inside the transaction")
                            .isEqualTo(1);
                    throw new IllegalStateException("the business change failed");
                }))
                .hasMessage("the business change failed");

        relay.relayDue();

        assertThat(outboxRows()).isZero();
        assertThat(mailTo(recipient)).isEmpty();
    }

    @Test
    void nothingLeavesBeforeTheTransactionCommits() throws InterruptedException {
        transactions.executeWithoutResult(status -> {
            inviteToCompany("Patient Logistics");
            // The relay runs on its own connection: the uncommitted row is invisible to it.
            var sentMeanwhile = new AtomicInteger(-1);
            Thread relayRun = Thread.ofPlatform().start(() -> sentMeanwhile.set(relay.relayDue()));
            join(relayRun);
            assertThat(sentMeanwhile.get()).isZero();
            assertThat(mailTo(recipient)).isEmpty();
        });

        assertThat(awaitMailTo(recipient).subject()).isEqualTo("You are invited to Patient Logistics");
    }

    private void inviteToCompany(String company) {
        notifications.enqueue(new Notification(
                recipient,
                "You are invited to " + company,
                "test-invitation",
                Map.of(
                        "inviter_name",
                        "Bob Builder",
                        "company_name",
                        company,
                        "accept_url",
                        "https://app.freightgate.example/invitations/" + UUID.randomUUID())));
    }

    private int outboxRows() {
        return jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE recipient = ?", Integer.class, recipient);
    }

    private List<CapturedMail> mailTo(String address) {
        return smtp.receivedMail().stream()
                .filter(mail -> mail.to().equals(address))
                .toList();
    }

    private CapturedMail awaitMailTo(String address) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !mailTo(address).isEmpty());
        List<CapturedMail> received = mailTo(address);
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

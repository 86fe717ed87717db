package io.freightgate.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.emulator.stripe.WebhookBehaviour;
import io.freightgate.emulator.stripe.WebhookDelivery;
import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.local.EmbeddedSmtpServer.CapturedMail;
import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Invitations;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import io.freightgate.webhooks.internal.StripeSignature;
import io.freightgate.webhooks.internal.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A carrier's admins are mailed when its payout account is restricted (requirements past due, driven through the Stripe
 * emulator) and when it is restored, once per transition however often Stripe sends the event, with every name they
 * gave encoded in the HTML body.
 */
class PayoutAccountNoticesIT extends GatewayIT {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    static final List<String> DOCUMENT = List.of("individual.verification.document");
    static final String PASSWORD = "violet-harbour-freight-42";

    @Autowired
    StripeEmulator stripe;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    Invitations invitations;

    @Autowired
    WebhookSecrets secrets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Value("${freightgate.stripe.api-key}")
    String apiKey;

    @AfterEach
    void deliverNormally() {
        stripe.control().webhookBehaviour(WebhookBehaviour.normal());
    }

    @Test
    void theCarriersActiveAdminsAreMailedOnceWhenTransfersStopAndOnceWhenTheyResume() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantId carrier = registerCarrier("Carrier <b>" + suffix + "</b> & Sons");
        String admin = "admin-" + suffix + "@carrier.test";
        String invitedOnly = "invited-" + suffix + "@carrier.test";
        String finance = "finance-" + suffix + "@carrier.test";
        activeUser(carrier, admin, "Ana <script>alert(1)</script> \"Ops\"", Role.CARRIER_ADMIN);
        activeUser(carrier, finance, "Finn Finance", Role.CARRIER_FINANCE);
        invitations.invite(carrier, invitedOnly, "Not Yet", List.of(Role.CARRIER_ADMIN), ACROSS_TENANTS);
        String account = onboardedAccount(carrier);
        stripe.control().webhookBehaviour(WebhookBehaviour.normal().withDuplicate(true));

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));

        CapturedMail restricted = awaitMail(admin, PayoutAccountChangesAreMailedToCarrierAdmins.RESTRICTED_SUBJECT);
        assertThat(restricted.text().orElseThrow())
                .contains("Hello Ana <script>alert(1)</script> \"Ops\",")
                .contains("individual.verification.document")
                .contains("Carrier <b>" + suffix + "</b> & Sons");
        assertThat(restricted.html().orElseThrow())
                .contains("Hello Ana &lt;script&gt;alert(1)&lt;/script&gt; &#34;Ops&#34;,")
                .contains("Carrier &lt;b&gt;" + suffix + "&lt;/b&gt; &amp; Sons")
                .contains("individual.verification.document")
                .doesNotContain("<script>")
                .doesNotContain("<b>" + suffix);

        String replayed = redeliverWithNewId(latestAccountUpdated(account));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(inboxStatus(replayed)));
        await().atMost(Duration.ofSeconds(10)).until(() -> allProcessed(account));

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());

        CapturedMail restored = awaitMail(admin, PayoutAccountChangesAreMailedToCarrierAdmins.RESTORED_SUBJECT);
        assertThat(restored.text().orElseThrow()).contains("you can receive transfers again");
        await().atMost(Duration.ofSeconds(10)).until(() -> allProcessed(account));
        assertThat(mailsTo(admin, PayoutAccountChangesAreMailedToCarrierAdmins.RESTRICTED_SUBJECT))
                .as("a duplicated and a replayed account.updated restrict nothing new")
                .hasSize(1);
        assertThat(mailsTo(admin, PayoutAccountChangesAreMailedToCarrierAdmins.RESTORED_SUBJECT))
                .hasSize(1);
        assertThat(smtp.receivedMail())
                .as("neither a finance user nor an admin who never accepted the invitation")
                .filteredOn(
                        mail -> mail.subject().equals(PayoutAccountChangesAreMailedToCarrierAdmins.RESTRICTED_SUBJECT)
                                || mail.subject().equals(PayoutAccountChangesAreMailedToCarrierAdmins.RESTORED_SUBJECT))
                .noneMatch(mail -> mail.to().contains(finance) || mail.to().contains(invitedOnly));
    }

    @Test
    void aCarrierWithoutActiveAdminsIsMailedAtItsContactAddress() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantId carrier = registerCarrier("Lonely Haulage " + suffix, "contact-" + suffix + "@carrier.test");
        String account = onboardedAccount(carrier);

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));

        CapturedMail mail = awaitMail(
                "contact-" + suffix + "@carrier.test", PayoutAccountChangesAreMailedToCarrierAdmins.RESTRICTED_SUBJECT);
        assertThat(mail.text().orElseThrow()).contains("Hello Lonely Haulage " + suffix + ",");
    }

    private CapturedMail awaitMail(String recipient, String subject) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !mailsTo(recipient, subject).isEmpty());
        return mailsTo(recipient, subject).getFirst();
    }

    private List<CapturedMail> mailsTo(String recipient, String subject) {
        return smtp.receivedMail().stream()
                .filter(mail -> mail.to().equals(recipient) && mail.subject().equals(subject))
                .toList();
    }

    /** Stripe sends another event with the same account snapshot (a new event id): no new transition. */
    private String redeliverWithNewId(WebhookDelivery delivery) {
        String eventId = "evt_replay" + UUID.randomUUID().toString().replace("-", "");
        String body = delivery.payload().replace(delivery.eventId(), eventId);
        var response = api.call("POST", "/webhooks/stripe/connect", body, "application/json; charset=utf-8")
                .header(
                        "Stripe-Signature",
                        StripeSignature.header(
                                secrets.of(WebhookEndpoint.CONNECT).getFirst(),
                                clock.instant().getEpochSecond(),
                                body.getBytes(StandardCharsets.UTF_8)))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("RECEIVED");
        return eventId;
    }

    private WebhookDelivery latestAccountUpdated(String account) {
        return stripe.control().deliveries().stream()
                .filter(d -> account.equals(d.account()) && d.eventType().equals("account.updated"))
                .filter(d -> d.url().startsWith("http://127.0.0.1:" + port + "/"))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private void activeUser(TenantId carrier, String email, String name, Role role) {
        var invited = invitations.invite(carrier, email, name, List.of(role), ACROSS_TENANTS);
        invitations.accept(invited.invitationToken().orElseThrow(), PASSWORD);
    }

    private TenantId registerCarrier(String legalName) {
        return registerCarrier(legalName, "payouts@carrier.test");
    }

    private TenantId registerCarrier(String legalName, String contactEmail) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson("CARRIER", legalName.replace("\"", "\\\""), contactEmail))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    private String onboardedAccount(TenantId carrier) {
        var opened = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{}")
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String account = opened.json().get("stripe_account_id").asString();
        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());
        await().atMost(Duration.ofSeconds(15)).until(() -> "ACTIVE".equals(status(carrier)));
        await().atMost(Duration.ofSeconds(10)).until(() -> allProcessed(account));
        return account;
    }

    private String status(TenantId carrier) {
        Api.Response response = api.get("/api/v1/carriers/" + carrier + "/payout-account")
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .send();
        return response.status() == 200 ? response.json().get("status").asString() : null;
    }

    private String inboxStatus(String eventId) {
        return jdbc.queryForList("SELECT status FROM webhook_inbox WHERE event_id = ?", String.class, eventId).stream()
                .findFirst()
                .orElse(null);
    }

    private boolean allProcessed(String account) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM webhook_inbox WHERE account_id = ? AND status <> 'PROCESSED'",
                        Integer.class,
                        account)
                == 0;
    }
}

package io.freightgate.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Charge;
import io.freightgate.billing.DeliveryProof;
import io.freightgate.disputes.DisputeDesk;
import io.freightgate.disputes.DisputeResponse;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.DisputeView;
import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.emulator.stripe.WebhookBehaviour;
import io.freightgate.emulator.stripe.WebhookDelivery;
import io.freightgate.integrations.WebhookReceiver;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.LedgerChecks;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.local.EmbeddedSmtpServer.CapturedMail;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Invitations;
import io.freightgate.security.Role;
import io.freightgate.security.UserView;
import io.freightgate.support.Api;
import io.freightgate.support.HostileFiles;
import io.freightgate.support.PageForm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The dispute seam end to end: a chargeback raised in the Stripe emulator reaches the dispute engine as {@code
 * charge.dispute.*} webhooks, which keeps a dispute case in step with Stripe's dispute object and publishes {@code
 * DisputeOpened}, {@code DisputeFundsWithdrawn}, {@code DisputeFundsReinstated} and {@code DisputeClosed}; the flows
 * mark the payment request disputed, hold the carrier's transfer and journal the money, each once. Won, the request is
 * paid again and the transfer sent; lost (with webhooks delivered twice and out of order), the loss is journaled once
 * and the transfer stays held. The dispute engine's first part: a case with its links and fields, mails to finance staff
 * and the carrier, the {@code dispute.*} integrator events, the API's authorization matrix, the carrier's single-use
 * upload link, an inquiry that closes leaving the request as it was, an orphan case and a SEPA debit without evidence
 * process.
 */
class ChargebackJourneyIT extends TransferJourneys {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Autowired
    DisputeDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    Invitations invitations;

    static final String PASSWORD = "violet-harbour-freight-42";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterEach
    void normalWebhooks() {
        stripe.control().webhookBehaviour(WebhookBehaviour.normal());
    }

    @Test
    void aProductNotReceivedDisputeIsACaseMailedAtOnceSentToIntegratorsWorkedByFinanceAndAnsweredByTheCarriersPod()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Carrier carrier = carrierWithPayouts("Haulage <script>alert(1)</script> " + suffix);
        TenantId carrierId = carrier.parties().carrier();
        String financeMail = "finance-" + suffix + "@platform.test";
        String adminMail = "admin-" + suffix + "@carrier.test";
        String carrierFinanceMail = "books-" + suffix + "@carrier.test";
        String dispatcherMail = "dispatch-" + suffix + "@carrier.test";
        UserView agent = activeUser(OrganizationDirectory.PLATFORM, financeMail, "Fiona Finance", Role.FINANCE_AGENT);
        activeUser(carrierId, adminMail, "Ana Admin", Role.CARRIER_ADMIN);
        activeUser(carrierId, carrierFinanceMail, "Bo Books", Role.CARRIER_FINANCE);
        activeUser(carrierId, dispatcherMail, "Dan Dispatch", Role.CARRIER_DISPATCHER);
        String carrierAdmin = callers.of(carrierId, Role.CARRIER_ADMIN);
        String finance = callers.platformStaff(Role.FINANCE_AGENT);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var registered = api.post(
                            "/api/v1/webhook-endpoints",
                            "{\"url\":\"%s\",\"event_types\":[\"dispute.created\",\"dispute.updated\",\"dispute.closed\"]}"
                                    .formatted(receiver.url()))
                    .token(carrierAdmin)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String secret = registered.json().get("secret").asString();
            stripe.control()
                    .webhookBehaviour(
                            WebhookBehaviour.normal().withDuplicate(true).withReorder(true));

            UUID load = load(carrier.parties());
            String id = createForLoad(carrier.parties(), 40_000, "LD-PNR-" + suffix, load);
            var paid = pay(
                    carrier.parties(),
                    id,
                    "{\"method\":\"card\",\"payment_method\":\"pm_card_createDisputeProductNotReceived\"}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);

            DisputeView opened = await().atMost(PATIENCE)
                    .until(
                            () -> systemAccess.call(
                                    "read", () -> desk.ofPaymentRequest(PaymentRequestId.of(id)).stream()
                                            .findFirst()
                                            .orElse(null)),
                            d -> d != null && d.fee().isPresent());
            com.stripe.model.Dispute atStripe = stripeClient.v1().disputes().retrieve(opened.stripeDisputeId());
            assertThat(opened.reason()).isEqualTo("product_not_received");
            assertThat(opened.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
            assertThat(opened.loadId()).contains(load);
            assertThat(opened.loadReference()).contains("LD-PNR-" + suffix);
            assertThat(opened.network()).contains("visa");
            assertThat(opened.paymentMethodType()).contains("card");
            assertThat(opened.response()).isEqualTo(DisputeResponse.EVIDENCE_BY_DUE_DATE);
            assertThat(opened.evidenceDueBy())
                    .contains(
                            Instant.ofEpochSecond(atStripe.getEvidenceDetails().getDueBy()));
            assertThat(opened.amount()).isEqualTo(Money.of(40_000, "EUR"));
            assertThat(opened.fee()).contains(Money.of(1_500, "EUR"));
            String caseId = opened.id().value().toString();

            CapturedMail toFinance = awaitMail(financeMail);
            assertThat(toFinance.html().orElseThrow())
                    .as("the carrier's name is encoded")
                    .contains("Haulage &lt;script&gt;alert(1)&lt;/script&gt; " + suffix)
                    .doesNotContain("<script>")
                    .contains(caseId);
            assertThat(toFinance.text().orElseThrow()).contains("product_not_received", "LD-PNR-" + suffix);
            awaitMail(adminMail);
            awaitMail(carrierFinanceMail);
            assertThat(smtp.receivedMail())
                    .filteredOn(mail -> mail.subject().equals(SUBJECT))
                    .as("one mail each, though Stripe's events came twice and out of order; none to a dispatcher")
                    .filteredOn(mail -> Set.of(financeMail, adminMail, carrierFinanceMail, dispatcherMail)
                            .contains(mail.to()))
                    .extracting(CapturedMail::to)
                    .containsExactlyInAnyOrder(financeMail, adminMail, carrierFinanceMail);

            await().atMost(PATIENCE)
                    .until(() -> !receiver.ofType("dispute.created").isEmpty());
            WebhookReceiver.Received created =
                    receiver.ofType("dispute.created").getFirst();
            assertThat(WebhookReceiver.verifiedBy(created, Set.of(secret), clock.instant(), Duration.ofMinutes(5)))
                    .containsExactly(secret);
            JsonNode payload = JSON.readTree(created.body());
            assertThat(payload.get("data").get("dispute_id").asString()).isEqualTo(caseId);
            assertThat(payload.get("data").get("reason").asString()).isEqualTo("product_not_received");
            assertThat(payload.get("data").get("payment_request_id").asString()).isEqualTo(id);

            // The API: finance works every case, the carrier reads its own, another carrier and the shipper nothing.
            Api.Response listed = api.get("/api/v1/disputes?reason=product_not_received&carrier=" + carrierId)
                    .token(finance)
                    .send();
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.json().findValuesAsString("id")).containsExactly(caseId);
            assertThat(api.get("/api/v1/disputes/" + caseId)
                            .token(carrierAdmin)
                            .send()
                            .json()
                            .get("reason")
                            .asString())
                    .isEqualTo("product_not_received");
            assertThat(api.get("/api/v1/disputes")
                            .token(carrierAdmin)
                            .send()
                            .json()
                            .findValuesAsString("id"))
                    .containsExactly(caseId);
            String stranger = callers.of(carrierWithPayouts().parties().carrier(), Role.CARRIER_ADMIN);
            assertThat(api.get("/api/v1/disputes/" + caseId)
                            .token(stranger)
                            .send()
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/disputes").token(stranger).send().json().size())
                    .isZero();
            Api.Response shipper = api.get("/api/v1/disputes/" + caseId)
                    .token(callers.of(carrier.parties().shipper(), Role.SHIPPER_ADMIN))
                    .send();
            assertThat(shipper.status()).isEqualTo(403);
            assertThat(shipper.contentType()).startsWith("application/problem+json");
            Api.Response carrierNote = mutate("POST", "/api/v1/disputes/" + caseId + "/notes", "{\"text\":\"mine\"}")
                    .token(carrierAdmin)
                    .send();
            assertThat(carrierNote.status()).isEqualTo(403);
            Api.Response unknownStatus =
                    api.get("/api/v1/disputes?status=sleeping").token(finance).send();
            assertThat(unknownStatus.status()).isEqualTo(422);
            assertThat(unknownStatus.contentType()).startsWith("application/problem+json");

            Api.Response notAnAgent = mutate(
                            "PUT",
                            "/api/v1/disputes/" + caseId + "/owner",
                            "{\"owner_id\":\"" + UUID.randomUUID() + "\"}")
                    .token(finance)
                    .send();
            assertThat(notAnAgent.status()).isEqualTo(422);
            Api.Response assigned = mutate(
                            "PUT", "/api/v1/disputes/" + caseId + "/owner", "{\"owner_id\":\"" + agent.id() + "\"}")
                    .token(finance)
                    .send();
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
            assertThat(assigned.json().get("owner").asString())
                    .isEqualTo(agent.id().toString());
            assertThat(api.get("/api/v1/disputes?owner=" + agent.id())
                            .token(finance)
                            .send()
                            .json()
                            .findValuesAsString("id"))
                    .containsExactly(caseId);
            Api.Response noted = mutate(
                            "POST",
                            "/api/v1/disputes/" + caseId + "/notes",
                            "{\"text\":\"Ask for the signed CMR <b>now</b>\"}")
                    .token(finance)
                    .send();
            assertThat(noted.status()).as(noted.body()).isEqualTo(201);
            assertThat(mutate("POST", "/api/v1/disputes/" + caseId + "/notes", "{\"text\":\"\"}")
                            .token(finance)
                            .send()
                            .status())
                    .isEqualTo(400);

            // The carrier is asked for the signed POD and uploads it once through its link, without a login.
            Api.Response asked = mutate(
                            "POST",
                            "/api/v1/disputes/" + caseId + "/upload-requests",
                            "{\"what\":\"The signed proof of delivery <i>with stamp</i>\"}")
                    .token(finance)
                    .send();
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            String url = asked.json().get("url").asString();
            String path = url.substring(url.indexOf("/disputes/uploads/"));
            Api.Response page = api.get(path).send();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).contains("script-src");
            assertThat(page.body())
                    .contains("The signed proof of delivery &lt;i&gt;with stamp&lt;/i&gt;")
                    .doesNotContain("<i>with stamp</i>");
            PageForm form = PageForm.of(page);
            Api.Response uploaded = uploadThrough(path, form);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            assertThat(uploaded.body()).contains("Document received");
            assertThat(api.get(path).send().status()).as("the link works once").isEqualTo(404);
            assertThat(uploadThrough(path, form).status()).isEqualTo(404);
            assertThat(api.get("/disputes/uploads/" + "A".repeat(43)).send().status())
                    .isEqualTo(404);

            List<String> staffTimeline = kinds(api.get("/api/v1/disputes/" + caseId + "/timeline")
                    .token(finance)
                    .send()
                    .json());
            assertThat(staffTimeline)
                    .containsSubsequence("opened", "assigned", "note", "upload_requested", "upload_received")
                    .contains("mailed", "funds_withdrawn")
                    .containsOnlyOnce("opened", "mailed", "funds_withdrawn");
            assertThat(kinds(api.get("/api/v1/disputes/" + caseId + "/timeline")
                            .token(carrierAdmin)
                            .send()
                            .json()))
                    .as("the carrier sees no internal line")
                    .contains("opened", "upload_requested", "upload_received")
                    .doesNotContain("note", "assigned", "mailed");
            assertThat(api.get("/api/v1/disputes/feed")
                            .token(carrierAdmin)
                            .send()
                            .json()
                            .findValuesAsString("dispute_id"))
                    .containsOnly(caseId);
            assertThat(api.get("/api/v1/disputes/feed?limit=200")
                            .token(finance)
                            .send()
                            .json()
                            .findValuesAsString("dispute_id"))
                    .contains(caseId);
            assertThat(jdbcInSystemScope("SELECT channel FROM delivery_confirmations WHERE load_id = ?", load))
                    .contains("DISPUTE_LINK");
            assertThat(receiver.ofType("dispute.created").stream()
                            .map(r -> r.header("FreightGate-Event-Id"))
                            .distinct())
                    .as("one event, however often Stripe told us")
                    .hasSize(1);
        }
    }

    @Test
    void twoDisputesOnOneChargeAreTwoCasesAndTheRequestIsReleasedOnlyWhenBothEndedWell() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 30_000, "EUR", "LD-TWO", false));
        var paid = pay(
                carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_createMultipleDisputes\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        List<DisputeView> cases = await().atMost(PATIENCE)
                .until(
                        () -> systemAccess.call("read", () -> desk.ofPaymentRequest(PaymentRequestId.of(id))),
                        found -> found.size() == 2);
        assertThat(cases)
                .extracting(DisputeView::reason)
                .containsExactlyInAnyOrder("fraudulent", "product_not_received");
        assertThat(cases).extracting(d -> d.amount().minor()).containsExactlyInAnyOrder(15_000L, 15_000L);
        assertThat(cases)
                .extracting(DisputeView::chargeId)
                .containsOnly(chargesOf(id).getFirst().getId());
        await().atMost(PATIENCE).until(() -> read(carrier.parties().carrier(), id)
                .get("status")
                .asString()
                .equals("DISPUTED"));

        String first = cases.getFirst().stripeDisputeId();
        stripe.control().decideDispute(apiKey, null, first, true);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completedPublications(first))
                .containsEntry("DisputeClosed", 2L)
                .doesNotContainKey("incomplete"));
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .as("the other dispute is still open")
                .isEqualTo("DISPUTED");

        stripe.control().decideDispute(apiKey, null, cases.getLast().stripeDisputeId(), true);
        await().atMost(PATIENCE).until(() -> read(carrier.parties().carrier(), id)
                .get("status")
                .asString()
                .equals("PAID"));
    }

    @Test
    void aDisputeWonAfterAnotherOnTheSameChargeWasLostReleasesNothing() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 30_000, "EUR", "LD-TWO-LOST", false));
        var paid = pay(
                carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_createMultipleDisputes\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        List<DisputeView> cases = await().atMost(PATIENCE)
                .until(
                        () -> systemAccess.call("read", () -> desk.ofPaymentRequest(PaymentRequestId.of(id))),
                        found -> found.size() == 2);
        await().atMost(PATIENCE).until(() -> read(carrier.parties().carrier(), id)
                .get("status")
                .asString()
                .equals("DISPUTED"));

        String lost = cases.getFirst().stripeDisputeId();
        stripe.control().decideDispute(apiKey, null, lost, false);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completedPublications(lost))
                .containsEntry("DisputeClosed", 2L)
                .doesNotContainKey("incomplete"));
        String won = cases.getLast().stripeDisputeId();
        stripe.control().decideDispute(apiKey, null, won, true);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completedPublications(won))
                .containsEntry("DisputeClosed", 2L)
                .doesNotContainKey("incomplete"));

        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .as("half the money went back to the shipper's bank for good")
                .isEqualTo("DISPUTED");
        assertThat(transfer(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("HELD");
    }

    @Test
    void anInquiryThatClosesLeavesThePaymentRequestAsItWasAndReleasesTheHold() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 20_000, "EUR", "LD-INQ", false));
        paid(carrier.parties(), id, "pm_card_visa");
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("PAID");

        String dispute = stripe.control()
                .createDispute(
                        apiKey, null, chargesOf(id).getFirst().getId(), DisputeRequest.inquiry("general", "amex"));
        await().atMost(PATIENCE).until(() -> read(carrier.parties().carrier(), id)
                .get("status")
                .asString()
                .equals("DISPUTED"));
        await().atMost(PATIENCE).until(() -> transfer(carrier.parties().carrier(), id)
                .get("status")
                .asString()
                .equals("HELD"));
        assertThat(disputeCase(dispute).status()).isEqualTo(DisputeStatus.WARNING_NEEDS_RESPONSE);

        stripeClient.v1().disputes().close(dispute);

        DisputeView closed = await().atMost(PATIENCE)
                .until(() -> disputeCase(dispute), d -> d.closedAt().isPresent());
        assertThat(closed.status()).isEqualTo(DisputeStatus.WARNING_CLOSED);
        assertThat(closed.withdrawn()).isEmpty();
        await().atMost(PATIENCE).until(() -> read(carrier.parties().carrier(), id)
                .get("status")
                .asString()
                .equals("PAID"));
        await().atMost(PATIENCE).until(() -> !transfer(carrier.parties().carrier(), id)
                .get("status")
                .asString()
                .equals("HELD"));
        assertThat(journals(dispute)).as("an inquiry moves no money").isEmpty();
    }

    @Test
    void aDisputeOnAChargeFreightGateDidNotMakeIsAnOrphanCaseAndAnAlertForFinanceOnly() throws Exception {
        var intent = stripeClient
                .v1()
                .paymentIntents()
                .create(com.stripe.param.PaymentIntentCreateParams.builder()
                        .setAmount(7_700L)
                        .setCurrency("eur")
                        .setPaymentMethod("pm_card_visa")
                        .addPaymentMethodType("card")
                        .setConfirm(true)
                        .build());
        String charge = intent.getLatestCharge();

        String dispute = stripe.control()
                .createDispute(apiKey, null, charge, DisputeRequest.chargeback("unrecognized", "mastercard"));

        DisputeView orphan = await().atMost(PATIENCE).until(() -> disputeCase(dispute), d -> d != null);
        assertThat(orphan.orphan()).isTrue();
        assertThat(orphan.carrier()).isEmpty();
        assertThat(orphan.chargeId()).isEqualTo(charge);
        assertThat(orphan.network()).contains("mastercard");
        assertThat(orphan.reason()).isEqualTo("unrecognized");
        String caseId = orphan.id().value().toString();
        String finance = callers.platformStaff(Role.FINANCE_AGENT);
        await().atMost(PATIENCE).until(() -> api.get("/api/v1/disputes/feed?limit=200")
                .token(finance)
                .send()
                .json()
                .findValuesAsString("kind")
                .contains("orphan"));
        assertThat(api.get("/api/v1/disputes/" + caseId)
                        .token(finance)
                        .send()
                        .json()
                        .get("orphan")
                        .asBoolean())
                .isTrue();
        String someCarrier = callers.of(carrierWithPayouts().parties().carrier(), Role.CARRIER_ADMIN);
        assertThat(api.get("/api/v1/disputes/" + caseId)
                        .token(someCarrier)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/disputes/feed")
                        .token(someCarrier)
                        .send()
                        .json()
                        .findValuesAsString("dispute_id"))
                .doesNotContain(caseId);
        Api.Response noLoad = mutate("POST", "/api/v1/disputes/" + caseId + "/upload-requests", "{\"what\":\"POD\"}")
                .token(finance)
                .send();
        assertThat(noLoad.status()).isEqualTo(409);
    }

    @Test
    void anUnauthorizedSepaDebitHasNoEvidenceProcessAndGoesToRecovery() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 15_000, "EUR", "LD-SEPA-DNA", false));
        var processing = pay(carrier.parties(), id, sepa("DE35370400440532013002"));
        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
        stripe.control().advanceClock(Duration.ofSeconds(15));

        DisputeView dispute = await().atMost(PATIENCE)
                .until(
                        () -> systemAccess.call("read", () -> desk.ofPaymentRequest(PaymentRequestId.of(id)).stream()
                                .findFirst()
                                .orElse(null)),
                        d -> d != null);
        assertThat(dispute.reason()).isEqualTo("debit_not_authorized");
        assertThat(dispute.paymentMethodType()).contains("sepa_debit");
        assertThat(dispute.response()).isEqualTo(DisputeResponse.NO_EVIDENCE_PROCESS);
        assertThat(dispute.response().recovery()).isTrue();
        assertThat(dispute.evidenceDueBy()).isEmpty();
        JsonNode read = api.get("/api/v1/disputes/" + dispute.id().value())
                .token(callers.platformStaff(Role.FINANCE_SUPERVISOR))
                .send()
                .json();
        assertThat(read.get("response").asString()).isEqualTo("no_evidence_process");
        assertThat(read.get("recovery").asBoolean()).isTrue();
    }

    static final String SUBJECT = "FreightGate: a payment was disputed";
    static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private UserView activeUser(TenantId organization, String email, String name, Role role) {
        var invited = invitations.invite(organization, email, name, List.of(role), ACROSS_TENANTS);
        return invitations.accept(invited.invitationToken().orElseThrow(), PASSWORD);
    }

    private CapturedMail awaitMail(String recipient) {
        return await().atMost(PATIENCE)
                .until(
                        () -> smtp.receivedMail().stream()
                                .filter(mail -> mail.to().equals(recipient)
                                        && mail.subject().equals(SUBJECT))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    private Api.Response uploadThrough(String path, PageForm form) {
        return api.multipart(
                        "POST",
                        path,
                        Map.of("signatory_name", "J. Smit", "_csrf", form.csrf()),
                        "file",
                        "pod.pdf",
                        "application/pdf",
                        HostileFiles.cleanPdf("Signed delivery note"))
                .header("Cookie", form.cookie())
                .send();
    }

    /** A change through the API (every one needs an Idempotency-Key). */
    private Api.Call mutate(String method, String path, String json) {
        return api.call(method, path, json, "application/json")
                .idempotencyKey(UUID.randomUUID().toString());
    }

    private static List<String> kinds(JsonNode entries) {
        return entries.findValuesAsString("kind");
    }

    private List<String> jdbcInSystemScope(String sql, Object arg) {
        return systemAccess.transaction(
                ACROSS_TENANTS, "read for the test", () -> jdbc.queryForList(sql, String.class, arg));
    }

    @Test
    void aWonChargebackIsACaseThatHoldsTheTransferJournalsItsMoneyOnceAndReleasesIt() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 40_000, "EUR", "LD-CB-WON", false));
        paid(carrier.parties(), id, "pm_card_visa");
        Charge charge = chargesOf(id).getFirst();

        String dispute = stripe.control()
                .createDispute(apiKey, null, charge.getId(), DisputeRequest.chargeback("product_not_received", "visa"));

        DisputeView opened = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> disputeCase(dispute),
                        d -> d != null && d.withdrawn().isPresent());
        com.stripe.model.Dispute atStripe = stripeClient.v1().disputes().retrieve(dispute);
        assertThat(opened.chargeId()).isEqualTo(charge.getId());
        assertThat(opened.paymentIntentId()).contains(charge.getPaymentIntent());
        assertThat(opened.paymentRequestId()).contains(PaymentRequestId.of(id));
        assertThat(opened.carrier()).contains(carrier.parties().carrier());
        assertThat(opened.shipper()).contains(carrier.parties().shipper());
        assertThat(opened.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        assertThat(opened.amount()).isEqualTo(Money.of(40_000, "EUR"));
        assertThat(opened.reason()).isEqualTo("product_not_received");
        assertThat(opened.evidenceDueBy())
                .contains(Instant.ofEpochSecond(atStripe.getEvidenceDetails().getDueBy()));
        assertThat(opened.withdrawn()).contains(Money.of(40_000, "EUR"));
        assertThat(opened.openedAt()).isEqualTo(Instant.ofEpochSecond(atStripe.getCreated()));
        assertThat(opened.open()).isTrue();
        assertThat(systemAccess.call("read the dispute desk", () -> desk.ofPaymentRequest(PaymentRequestId.of(id))))
                .singleElement()
                .extracting(DisputeView::id)
                .isEqualTo(opened.id());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> transfer(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("HELD"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> read(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("DISPUTED"));
        TransferView held = transfers.deliveryConfirmed(PaymentRequestId.of(id), new DeliveryProof.Sufficient("pod"));
        assertThat(held.status()).isEqualTo("HELD");
        assertThat(held.waitingFor()).containsExactly("DISPUTED", "HELD");
        assertThat(held.holds()).singleElement().satisfies(hold -> assertThat(hold.reason())
                .isEqualTo(TransferHoldReason.DISPUTE));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ledger().journalTotals(id).containsKey("DISPUTE_WITHDRAWAL"));
        assertThat(ledger().entries(id, "DISPUTE_RESERVE")).containsExactly(40_000L);
        assertThat(journals(dispute)).containsExactly("DISPUTE_WITHDRAWAL");
        assertThat(transfersInGroup(id))
                .as("no transfer reached Stripe while disputed")
                .isEmpty();

        stripe.control().decideDispute(apiKey, null, dispute, true);

        DisputeView won = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> disputeCase(dispute),
                        d -> d.closedAt().isPresent() && d.reinstated().isPresent());
        assertThat(won.status()).isEqualTo(DisputeStatus.WON);
        assertThat(won.reinstated()).contains(Money.of(40_000, "EUR"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> transfer(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("SENT"));
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(20)).until(() -> journals(dispute).size() == 2);
        assertThat(journals(dispute)).containsExactlyInAnyOrder("DISPUTE_WITHDRAWAL", "DISPUTE_REINSTATEMENT");
        assertThat(ledger().sum(id, "DISPUTE_RESERVE")).isZero();
        assertThat(ledger().unbalancedJournals()).isEmpty();
        assertThat(transfersInGroup(id)).singleElement().satisfies(t -> assertThat(t.getAmount())
                .isEqualTo(40_000 - 800 - 25));

        assertThat(deliveredDisputeEvents(dispute))
                .as("what the emulator sent and FreightGate acknowledged")
                .contains(
                        "charge.dispute.created",
                        "charge.dispute.funds_withdrawn",
                        "charge.dispute.closed",
                        "charge.dispute.funds_reinstated");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(completedPublications(dispute))
                .containsEntry("DisputeOpened", 2L)
                .containsEntry("DisputeFundsWithdrawn", 1L)
                .containsEntry("DisputeFundsReinstated", 1L)
                .containsEntry("DisputeClosed", 2L)
                .doesNotContainKey("incomplete"));
        assertThat(ledger().mismatches(List.of(id))).isEmpty();
    }

    @Test
    void aLostChargebackHeardTwiceAndOutOfOrderIsJournaledAsALossOnceAndKeepsTheTransferHeld() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 30_000, "EUR", "LD-CB-LOST", false));
        paid(carrier.parties(), id, "pm_card_visa");
        stripe.control()
                .webhookBehaviour(WebhookBehaviour.normal().withDuplicate(true).withReorder(true));

        String dispute = stripe.control()
                .createDispute(
                        apiKey,
                        null,
                        chargesOf(id).getFirst().getId(),
                        DisputeRequest.chargeback("fraudulent", "visa"));
        await().atMost(Duration.ofSeconds(20)).until(() -> journals(dispute).contains("DISPUTE_WITHDRAWAL"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> transfer(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("HELD"));
        stripe.control().decideDispute(apiKey, null, dispute, false);

        DisputeView lost = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> disputeCase(dispute),
                        d -> d != null && d.closedAt().isPresent());
        assertThat(lost.status()).isEqualTo(DisputeStatus.LOST);
        assertThat(lost.reason()).isEqualTo("fraudulent");
        assertThat(lost.withdrawn()).contains(Money.of(30_000, "EUR"));
        assertThat(lost.reinstated()).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> journals(dispute).contains("DISPUTE_LOST"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(completedPublications(dispute))
                .containsEntry("DisputeOpened", 2L)
                .containsEntry("DisputeFundsWithdrawn", 1L)
                .containsEntry("DisputeClosed", 2L)
                .doesNotContainKeys("DisputeFundsReinstated", "incomplete"));

        assertThat(journals(dispute)).containsExactlyInAnyOrder("DISPUTE_WITHDRAWAL", "DISPUTE_LOST");
        assertThat(ledger().entries(id, "DISPUTE_LOSSES")).containsExactly(30_000L);
        assertThat(ledger().sum(id, "DISPUTE_RESERVE")).isZero();
        Map<String, Long> totals = ledger().journalTotals(id);
        assertThat(totals)
                .allSatisfy(
                        (kind, sum) -> assertThat(sum).as(kind + " balances").isZero());
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("DISPUTED");
        assertThat(transfer(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("HELD");
        assertThat(transfersInGroup(id)).isEmpty();
        assertThat(deliveredDisputeEvents(dispute)).contains("charge.dispute.created", "charge.dispute.closed");
    }

    DisputeView disputeCase(String stripeDisputeId) {
        return systemAccess
                .call("read dispute " + stripeDisputeId, () -> desk.byStripeDispute(stripeDisputeId))
                .orElse(null);
    }

    LedgerChecks ledger() {
        return new LedgerChecks(jdbc, systemAccess, stripeClient);
    }

    /** The kinds of the journals posted for the dispute, one entry per journal. */
    List<String> journals(String stripeDisputeId) {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "read the journals of " + stripeDisputeId,
                () -> jdbc.queryForList(
                        "SELECT kind FROM ledger_journals WHERE reference LIKE ? ORDER BY occurred_at, kind",
                        String.class,
                        "dispute-%:" + stripeDisputeId));
    }

    /** Completed publications of the dispute's events, by event (one per listener); {@code incomplete} counts the rest. */
    Map<String, Long> completedPublications(String stripeDisputeId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT event_type, completion_date IS NOT NULL AS done FROM event_publication"
                        + " WHERE event_type LIKE 'io.freightgate.disputes.%' AND serialized_event LIKE ?",
                rs -> {
                    String type = rs.getBoolean("done")
                            ? rs.getString("event_type").substring("io.freightgate.disputes.".length())
                            : "incomplete";
                    counts.merge(type, 1L, Long::sum);
                },
                "%\"" + stripeDisputeId + "\"%");
        return counts;
    }

    /** The dispute event types the emulator delivered to FreightGate with a 2xx answer. */
    List<String> deliveredDisputeEvents(String stripeDisputeId) {
        return stripe.control().deliveries().stream()
                .filter(d -> d.eventType().startsWith("charge.dispute.")
                        && d.payload().contains(stripeDisputeId))
                .filter(d -> d.attempts().stream().anyMatch(a -> a.httpStatus() / 100 == 2))
                .map(WebhookDelivery::eventType)
                .distinct()
                .toList();
    }
}

package io.freightgate.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.stripe.param.RefundListParams;
import io.freightgate.billing.DeliveryProof;
import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.emulator.stripe.ReceivedRequest;
import io.freightgate.emulator.stripe.WebhookBehaviour;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stripe acted but its answer was lost (the emulator processes the call, then drops the answer), and a day passes, so
 * Stripe's idempotency key has expired: the one Stripe-call janitor looks the object up before anything else and
 * settles the transfer, the refund, the payout, the payment (PaymentIntent), the capture and the cancel of a card
 * authorization and a carrier's Connect account with what Stripe made, never sending a second create, capture or
 * cancel. Asserted on the
 * requests the emulator received. Moves the shared clock by 25 hours (tag {@code time-travel}: a JVM of its own).
 */
@Tag("time-travel")
class LostStripeAnswersIT extends TransferJourneys {

    @org.springframework.beans.factory.annotation.Autowired
    io.freightgate.platform.stripe.calls.StripeCallJanitor janitor;

    @org.springframework.beans.factory.annotation.Autowired
    io.freightgate.platform.tenancy.SystemAccess systemAccess;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionOperations transactions;

    @org.springframework.beans.factory.annotation.Autowired
    io.freightgate.billing.Payments payments;

    @Test
    void aTransferStripeMadeWhoseAnswerWasLostIsLookedUpADayLaterAndNeverSentTwice() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 41_000, "EUR", "LD-LOST-TR", false));
        paid(carrier.parties(), id, "pm_card_visa");
        String key = "fg-transfer-" + id + "-1";
        stripe.control()
                .injectFault(
                        FaultRule.processThenTimeOut("POST", "/v1/transfers").times(1));

        TransferView lost = transfers.deliveryConfirmed(PaymentRequestId.of(id), new DeliveryProof.Sufficient("pod"));

        assertThat(lost.status()).isEqualTo("SENDING");
        assertThat(lost.stripeTransferId()).isEmpty();
        stripe.control().advanceClock(Duration.ofHours(25));
        int mark = stripe.control().requests().size();

        janitor.run();

        List<ReceivedRequest> janitorsRequests = about(mark, r -> r.path().equals("/v1/transfers"));
        assertThat(janitorsRequests).isNotEmpty();
        assertThat(janitorsRequests.getFirst().method())
                .as("the look-up comes first")
                .isEqualTo("GET");
        assertThat(janitorsRequests.getFirst().query()).contains("transfer_group=payment_request_" + id);
        // the creation is never sent again; the authorization it finds is screened and captured (ADR 0013)
        assertThat(janitorsRequests).noneMatch(r -> r.is("POST", "/v1/payment_intents"));
        assertThat(janitorsRequests).filteredOn(r -> r.method().equals("POST")).allMatch(r -> r.path()
                .endsWith("/capture"));
        assertThat(stripe.control().requests())
                .filteredOn(r -> r.is("POST", "/v1/transfers") && key.equals(r.idempotencyKey()))
                .as("one POST /v1/transfers for the transfer, ever")
                .hasSize(1);
        JsonNode sent = transfer(carrier.parties().carrier(), id);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(transfersInGroup(id)).singleElement().satisfies(t -> assertThat(t.getId())
                .isEqualTo(sent.get("stripe_transfer_id").asString()));
        assertThat(TransferEventsRecorder.published)
                .anyMatch(event -> event instanceof TransferReleased released
                        && released.paymentRequestId().toString().equals(id));
        var call = systemAccess.callAs(
                "test",
                java.util.Optional.<io.freightgate.kernel.TenantId>empty(),
                "read the transfer's Stripe call",
                () -> transactions.execute(status -> jdbc.queryForMap(
                        "SELECT outcome, sends, checks, stripe_object_id FROM stripe_calls"
                                + " WHERE operation = ? AND idempotency_key = ?",
                        io.freightgate.transfers.internal.TransferSending.CREATE,
                        key)));
        assertThat(call)
                .as("the call record: settled by the look-up, sent once, looked up at least once")
                .containsEntry("outcome", "APPROVED")
                .containsEntry("sends", 1)
                .containsEntry(
                        "stripe_object_id", sent.get("stripe_transfer_id").asString());
        assertThat((Integer) call.get("checks")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRefundStripeMadeWhoseAnswerWasLostIsLookedUpADayLaterAndNeverSentTwice() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 36_000, "EUR", "LD-LOST-RF", false));
        paid(carrier.parties(), id, "pm_card_visa");
        int before = stripe.control().requests().size();
        stripe.control()
                .injectFault(FaultRule.processThenTimeOut("POST", "/v1/refunds").times(1));

        var lost = refund(carrier.parties().carrier(), id, "{\"amount_minor\":6000}");

        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        stripe.control().advanceClock(Duration.ofHours(25));
        int mark = stripe.control().requests().size();

        janitor.run();

        List<ReceivedRequest> janitorsRequests = about(mark, r -> r.path().equals("/v1/refunds"));
        assertThat(janitorsRequests).isNotEmpty();
        assertThat(janitorsRequests.getFirst().method())
                .as("the look-up comes first")
                .isEqualTo("GET");
        assertThat(janitorsRequests.getFirst().query()).contains("payment_intent=");
        // the creation is never sent again; the authorization it finds is screened and captured (ADR 0013)
        assertThat(janitorsRequests).noneMatch(r -> r.is("POST", "/v1/payment_intents"));
        assertThat(janitorsRequests).filteredOn(r -> r.method().equals("POST")).allMatch(r -> r.path()
                .endsWith("/capture"));
        String chargeId = chargesOf(id).getFirst().getId();
        assertThat(stripeClient
                        .v1()
                        .refunds()
                        .list(RefundListParams.builder().setCharge(chargeId).build())
                        .getData())
                .as("Stripe made one refund")
                .hasSize(1);
        assertThat(about(before, r -> r.is("POST", "/v1/refunds")))
                .as("one POST /v1/refunds for the refund, ever")
                .singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).startsWith("fg-refund-"));
        assertThat(read(carrier.parties().carrier(), id)
                        .get("refunds")
                        .get(0)
                        .get("outcome")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aPayoutStripeMadeWhoseAnswerWasLostIsLookedUpADayLaterAndNeverSentTwice() {
        Carrier carrier = carrierWithPayouts("Carrier " + UUID.randomUUID(), "manual");
        String id = id(create(carrier.parties(), 52_000, "EUR", "LD-LOST-PO", false));
        var paid = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_bypassPending\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(transfers
                        .deliveryConfirmed(PaymentRequestId.of(id), new DeliveryProof.Sufficient("pod"))
                        .status())
                .isEqualTo("SENT");
        stripe.control().advanceClock(Duration.ofDays(3));
        String finance = callers.of(carrier.parties().carrier(), Role.CARRIER_FINANCE);
        stripe.control()
                .injectFault(FaultRule.processThenTimeOut("POST", "/v1/payouts").times(1));

        var lost = api.post(
                        "/api/v1/carriers/" + carrier.parties().carrier() + "/payouts",
                        "{\"currency\":\"EUR\",\"amount_minor\":20000}")
                .token(finance)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        List<ReceivedRequest> creates = stripe.control().requests().stream()
                .filter(r -> r.is("POST", "/v1/payouts") && carrier.account().equals(r.account()))
                .toList();
        assertThat(creates).singleElement();
        String key = creates.getFirst().idempotencyKey();
        assertThat(key).startsWith("fg-payout-");
        String payoutId = key.substring("fg-payout-".length());
        stripe.control().advanceClock(Duration.ofHours(25));
        int mark = stripe.control().requests().size();

        janitor.run();

        List<ReceivedRequest> janitorsRequests = about(
                mark, r -> r.path().equals("/v1/payouts") && carrier.account().equals(r.account()));
        assertThat(janitorsRequests).isNotEmpty();
        assertThat(janitorsRequests.getFirst().method())
                .as("the look-up comes first")
                .isEqualTo("GET");
        // the creation is never sent again; the authorization it finds is screened and captured (ADR 0013)
        assertThat(janitorsRequests).noneMatch(r -> r.is("POST", "/v1/payment_intents"));
        assertThat(janitorsRequests).filteredOn(r -> r.method().equals("POST")).allMatch(r -> r.path()
                .endsWith("/capture"));
        assertThat(stripe.control().requests())
                .filteredOn(r -> r.is("POST", "/v1/payouts") && key.equals(r.idempotencyKey()))
                .as("one POST /v1/payouts for the payout, ever")
                .hasSize(1);
        var read = api.get("/api/v1/carriers/" + carrier.parties().carrier() + "/payouts/" + payoutId)
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode payout = read.json();
        assertThat(payout.has("stripe_payout_id")).as(read.body()).isTrue();
        assertThat(payout.get("stripe_payout_id").asString()).startsWith("po_");
        assertThat(payout.get("status").asString()).isNotIn("REQUESTED", "REQUEST_UNKNOWN", "DECLINED");
        assertThat(payout.get("amount").get("minor").asLong()).isEqualTo(20_000);
    }

    @Test
    void aPaymentStripeMadeWhoseAnswerWasLostIsLookedUpADayLaterAndNeverSentTwice() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 47_000, "EUR", "LD-LOST-PI", false));
        String key = "fg-payment-request-" + id + "-attempt-1";
        stripe.control()
                .injectFault(FaultRule.processThenTimeOut("POST", "/v1/payment_intents")
                        .times(1));

        // Stripe's webhooks about the PaymentIntent come late (after the janitor), so nothing tells FreightGate its id
        Api.Response lost = withWebhooksHeldBack(
                () -> pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}"));

        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        JsonNode unknown = read(carrier.parties().carrier(), id);
        assertThat(unknown.get("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(unknown.get("attempts").get(0).get("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(paymentCall(io.freightgate.billing.internal.PaymentIntentSending.OPERATION, key))
                .as("the lost answer leaves the call open")
                .containsEntry("outcome", "UNKNOWN");
        stripe.control().advanceClock(Duration.ofHours(25));
        int mark = stripe.control().requests().size();

        janitor.run();

        List<ReceivedRequest> janitorsRequests = about(mark, r -> r.path().startsWith("/v1/payment_intents"));
        assertThat(janitorsRequests).isNotEmpty();
        assertThat(janitorsRequests.getFirst().method())
                .as("the look-up comes first")
                .isEqualTo("GET");
        assertThat(janitorsRequests.getFirst().path())
                .as("a PaymentIntent whose id FreightGate never learned is found in the list by its metadata")
                .isEqualTo("/v1/payment_intents");
        assertThat(janitorsRequests.getFirst().query()).contains("created");
        // the creation is never sent again; the authorization it finds is screened and captured (ADR 0013)
        assertThat(janitorsRequests).noneMatch(r -> r.is("POST", "/v1/payment_intents"));
        assertThat(janitorsRequests).filteredOn(r -> r.method().equals("POST")).allMatch(r -> r.path()
                .endsWith("/capture"));
        assertThat(stripe.control().requests())
                .filteredOn(r -> r.is("POST", "/v1/payment_intents") && key.equals(r.idempotencyKey()))
                .as("one POST /v1/payment_intents for the attempt, ever")
                .hasSize(1);
        assertThat(chargesOf(id)).as("Stripe charged once").hasSize(1);
        JsonNode paid = read(carrier.parties().carrier(), id);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        JsonNode attempt = paid.get("attempts").get(0);
        assertThat(attempt.get("outcome").asString()).isEqualTo("APPROVED");
        var call = paymentCall(io.freightgate.billing.internal.PaymentIntentSending.OPERATION, key);
        assertThat(call)
                .as("the call record: settled by the look-up, sent once, looked up at least once")
                .containsEntry("outcome", "APPROVED")
                .containsEntry("sends", 1)
                .containsEntry("stripe_object_id", chargesOf(id).getFirst().getPaymentIntent());
        assertThat((Integer) call.get("checks")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCaptureStripeMadeWhoseAnswerWasLostIsLookedUpADayLaterAndNeverSentTwice() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 43_000, "EUR", "LD-LOST-CA", true));
        var authorized = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(authorized.status()).as(authorized.body()).isEqualTo(201);
        JsonNode attempt = read(carrier.parties().carrier(), id).get("attempts").get(0);
        assertThat(attempt.get("stripe_status").asString())
                .as("captured on delivery: authorized only")
                .isEqualTo("requires_capture");
        String intent = attempt.get("stripe_payment_intent_id").asString();
        String capture = "/v1/payment_intents/" + intent + "/capture";
        String key = "fg-capture-" + attempt.get("id").asString();
        stripe.control()
                .injectFault(FaultRule.processThenTimeOut("POST", capture).times(1));

        // Stripe's webhooks about the capture come late (after the janitor): only the janitor's look-up can tell
        Api.Response lost = withWebhooksHeldBack(() -> api.post("/api/v1/payment-requests/" + id + "/capture", "")
                .token(callers.of(carrier.parties().carrier(), Role.CARRIER_FINANCE))
                .idempotencyKey(UUID.randomUUID().toString())
                .send());

        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("AUTHORIZED");
        assertThat(paymentCall(io.freightgate.billing.internal.PaymentCaptureSending.OPERATION, key))
                .as("the lost answer leaves the capture's call open")
                .containsEntry("outcome", "UNKNOWN");
        stripe.control().advanceClock(Duration.ofHours(25));
        int mark = stripe.control().requests().size();

        janitor.run();

        List<ReceivedRequest> janitorsRequests = about(mark, r -> r.path().startsWith("/v1/payment_intents/" + intent));
        assertThat(janitorsRequests).isNotEmpty();
        assertThat(janitorsRequests.getFirst()).as("the look-up comes first").satisfies(r -> assertThat(
                        r.is("GET", "/v1/payment_intents/" + intent))
                .as(r.method() + " " + r.path())
                .isTrue());
        assertThat(stripe.control().requests())
                .filteredOn(r -> r.is("POST", capture))
                .as("one capture of the PaymentIntent, ever")
                .singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(key));
        assertThat(stripe.control().requests())
                .noneMatch(r -> r.is("POST", "/v1/payment_intents/" + intent + "/cancel"));
        assertThat(stripeClient.v1().paymentIntents().retrieve(intent).getStatus())
                .isEqualTo("succeeded");
        assertThat(chargesOf(id)).as("Stripe charged once").singleElement().satisfies(charge -> assertThat(
                        charge.getAmountCaptured())
                .isEqualTo(43_000L));
        JsonNode paid = read(carrier.parties().carrier(), id);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("amount_paid").get("minor").asLong()).isEqualTo(43_000);
        var call = paymentCall(io.freightgate.billing.internal.PaymentCaptureSending.OPERATION, key);
        assertThat(call)
                .as("the capture's call record: settled by the look-up, sent once, looked up at least once")
                .containsEntry("outcome", "APPROVED")
                .containsEntry("sends", 1)
                .containsEntry("stripe_object_id", intent);
        assertThat((Integer) call.get("checks")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCancelStripeMadeWhoseAnswerWasLostIsLookedUpADayLaterAndNeverSentTwice() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 44_000, "EUR", "LD-LOST-CN", false));
        // Radar's elevated risk: the screening after the authorization keeps it in review (ADR 0013)
        var inReview =
                pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_riskLevelElevated\"}");
        assertThat(inReview.status()).as(inReview.body()).isEqualTo(201);
        JsonNode authorized = read(carrier.parties().carrier(), id);
        assertThat(authorized.get("status").asString()).isEqualTo("AUTHORIZED");
        JsonNode attempt = authorized.get("attempts").get(0);
        String intent = attempt.get("stripe_payment_intent_id").asString();
        String cancel = "/v1/payment_intents/" + intent + "/cancel";
        String key = "fg-release-" + attempt.get("id").asString();
        stripe.control()
                .injectFault(FaultRule.processThenTimeOut("POST", cancel).times(1));

        // the review is rejected (what flows does for the fraud module); Stripe's webhooks come after the janitor
        Throwable lost =
                withWebhooksHeldBack(() -> catchThrowable(() -> payments.rejectReviewed(PaymentRequestId.of(id))));

        assertThat(lost)
                .as("Stripe's answer never came")
                .isInstanceOf(io.freightgate.billing.PaymentProviderUnavailable.class);

        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("AUTHORIZED");
        assertThat(paymentCall(io.freightgate.billing.internal.PaymentCancelSending.OPERATION, key))
                .as("the lost answer leaves the cancel's call open")
                .containsEntry("outcome", "UNKNOWN");
        stripe.control().advanceClock(Duration.ofHours(25));
        int mark = stripe.control().requests().size();

        janitor.run();

        List<ReceivedRequest> janitorsRequests = about(mark, r -> r.path().startsWith("/v1/payment_intents/" + intent));
        assertThat(janitorsRequests).isNotEmpty();
        assertThat(janitorsRequests.getFirst()).as("the look-up comes first").satisfies(r -> assertThat(
                        r.is("GET", "/v1/payment_intents/" + intent))
                .as(r.method() + " " + r.path())
                .isTrue());
        assertThat(stripe.control().requests())
                .filteredOn(r -> r.is("POST", cancel))
                .as("one cancel of the PaymentIntent, ever")
                .singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(key));
        assertThat(stripe.control().requests())
                .as("a rejected authorization is never captured")
                .noneMatch(r -> r.is("POST", "/v1/payment_intents/" + intent + "/capture"));
        assertThat(stripeClient.v1().paymentIntents().retrieve(intent).getStatus())
                .isEqualTo("canceled");
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .as("the authorization is released: the request can be paid again")
                .isEqualTo("OPEN");
        assertThat(transfersInGroup(id)).isEmpty();
        var call = paymentCall(io.freightgate.billing.internal.PaymentCancelSending.OPERATION, key);
        assertThat(call)
                .as("the cancel's call record: settled by the look-up, sent once, looked up at least once")
                .containsEntry("outcome", "APPROVED")
                .containsEntry("sends", 1)
                .containsEntry("stripe_object_id", intent);
        assertThat((Integer) call.get("checks")).isGreaterThanOrEqualTo(1);
    }

    /** Runs {@code work} while the emulator holds Stripe's webhooks back (three minutes, past the test). */
    private <T> T withWebhooksHeldBack(java.util.function.Supplier<T> work) {
        stripe.control().webhookBehaviour(WebhookBehaviour.normal().withDelay(Duration.ofMinutes(3)));
        try {
            return work.get();
        } finally {
            stripe.control().webhookBehaviour(WebhookBehaviour.normal());
        }
    }

    private java.util.Map<String, Object> paymentCall(String operation, String key) {
        return systemAccess.callAs(
                "test",
                java.util.Optional.<io.freightgate.kernel.TenantId>empty(),
                "read the attempt's Stripe call",
                () -> transactions.execute(status -> jdbc.queryForMap(
                        "SELECT outcome, sends, checks, stripe_object_id FROM stripe_calls"
                                + " WHERE operation = ? AND idempotency_key = ?",
                        operation,
                        key)));
    }

    @Test
    void aConnectAccountStripeMadeWhoseAnswerWasLostIsLookedUpADayLaterAndNeverMadeTwice() throws Exception {
        io.freightgate.kernel.TenantId carrier = organization("CARRIER");
        verifications.verify(carrier, true);
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);
        int before = stripe.control().requests().size();
        stripe.control()
                .injectFault(
                        FaultRule.processThenTimeOut("POST", "/v1/accounts").times(1));

        var lost = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{\"payout_interval\":\"weekly\"}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        List<ReceivedRequest> creates = about(before, r -> r.is("POST", "/v1/accounts"));
        assertThat(creates).singleElement();
        String key = creates.getFirst().idempotencyKey();
        assertThat(key).startsWith("fg-payout-account-");
        String payoutAccountId = key.substring("fg-payout-account-".length());
        var pending = api.get("/api/v1/carriers/" + carrier + "/payout-account")
                .token(admin)
                .send();
        assertThat(pending.json().get("status").asString()).isEqualTo("PENDING");
        stripe.control().advanceClock(Duration.ofHours(25));
        int mark = stripe.control().requests().size();

        janitor.run();

        List<ReceivedRequest> janitorsRequests = about(mark, r -> r.path().equals("/v1/accounts"));
        assertThat(janitorsRequests).isNotEmpty();
        assertThat(janitorsRequests.getFirst().method())
                .as("the look-up comes first")
                .isEqualTo("GET");
        // the creation is never sent again; the authorization it finds is screened and captured (ADR 0013)
        assertThat(janitorsRequests).noneMatch(r -> r.is("POST", "/v1/payment_intents"));
        assertThat(janitorsRequests).filteredOn(r -> r.method().equals("POST")).allMatch(r -> r.path()
                .endsWith("/capture"));
        assertThat(stripe.control().requests())
                .filteredOn(r -> r.is("POST", "/v1/accounts") && key.equals(r.idempotencyKey()))
                .as("one POST /v1/accounts for the payout account, ever")
                .hasSize(1);
        var read = api.get("/api/v1/carriers/" + carrier + "/payout-account")
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        String account = read.json().get("stripe_account_id").asString();
        assertThat(account).startsWith("acct_");
        assertThat(read.json().get("status").asString()).isEqualTo("ONBOARDING");
        assertThat(stripeClient.v1().accounts().list().autoPagingIterable())
                .filteredOn(a -> payoutAccountId.equals(a.getMetadata().get("freightgate_payout_account")))
                .as("Stripe made one account")
                .singleElement()
                .satisfies(a -> assertThat(a.getId()).isEqualTo(account));
        var call = systemAccess.callAs(
                "test",
                java.util.Optional.<io.freightgate.kernel.TenantId>empty(),
                "read the payout account's Stripe call",
                () -> transactions.execute(status -> jdbc.queryForMap(
                        "SELECT outcome, sends, checks, stripe_object_id FROM stripe_calls"
                                + " WHERE operation = ? AND idempotency_key = ?",
                        io.freightgate.payouts.internal.PayoutAccountCalls.OPERATION,
                        key)));
        assertThat(call)
                .as("the call record: settled by the look-up, sent once, looked up at least once")
                .containsEntry("outcome", "APPROVED")
                .containsEntry("sends", 1)
                .containsEntry("stripe_object_id", account);
        assertThat((Integer) call.get("checks")).isGreaterThanOrEqualTo(1);
    }

    /** The requests received since {@code mark} that {@code about} selects, oldest first. */
    private List<ReceivedRequest> about(int mark, Predicate<ReceivedRequest> about) {
        List<ReceivedRequest> all = stripe.control().requests();
        return all.subList(mark, all.size()).stream().filter(about).toList();
    }
}

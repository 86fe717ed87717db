package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.security.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payment requests end to end against the Stripe emulator: carriers bill, shippers pay by card (with and without 3-D
 * Secure, declined), by SEPA Direct Debit (settled and failed), with capture on delivery, refunds, Stripe failures
 * whose outcome is reconciled to exactly one charge (bad input and access: {@link PaymentRequestAccessIT}). The journeys that move the
 * clock by days are in {@link PaymentTimeTravelIT}.
 */
class PaymentRequestsIT extends PaymentJourneys {

    @Test
    void aShipperPaysByCardAndTheStatementNamesTheLoad() {
        Parties parties = parties();
        JsonNode created = create(parties, 125_000, "EUR", "LD-4711", false);
        String id = created.get("payment_request").get("id").asString();
        assertThat(created.get("payment_request").get("status").asString()).isEqualTo("OPEN");
        assertThat(created.get("payment_request").get("amount").get("formatted").asString())
                .isEqualTo("1250.00 EUR");
        assertThat(created.get("payment_page_url").asString()).contains("/pay/");
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedMail().stream()
                .anyMatch(mail -> mail.to().contains(parties.shipperEmail())
                        && mail.subject().contains("LD-4711")
                        && mail.text()
                                .orElse("")
                                .contains(created.get("payment_page_url").asString())));

        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("outcome").asString()).isEqualTo("APPROVED");

        JsonNode request = read(parties.carrier(), id);
        assertThat(request.get("status").asString()).isEqualTo("PAID");
        assertThat(request.get("amount_paid").get("minor").asLong()).isEqualTo(125_000);
        var charges = chargesOf(id);
        assertThat(charges).hasSize(1);
        assertThat(charges.getFirst().getCalculatedStatementDescriptor()).contains("LOAD LD-4711");
        assertThat(charges.getFirst().getMetadata()).containsEntry("freightgate_payment_request", id);
        assertThat(read(parties.shipper(), id).get("status").asString()).isEqualTo("PAID");

        var again = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(chargesOf(id)).hasSize(1);
    }

    @Test
    void anAttemptThatNeverReachedStripeIsGivenUpAndTheRequestCanBePaidAgain() {
        Parties parties = parties();
        String id = id(create(parties, 61_000, "EUR", "LD-UNSENT", false));
        io.freightgate.kernel.PaymentAttemptId attemptId = io.freightgate.kernel.PaymentAttemptId.random();
        // What pay() commits before it screens and records the PaymentIntent's call; then the process stops.
        systemAccess.transaction(
                io.freightgate.platform.tenancy.Reach.acrossTenants("test"), "test begins an attempt", () -> {
                    var request = requestRecords
                            .find(io.freightgate.kernel.PaymentRequestId.of(id))
                            .orElseThrow();
                    int number = request.beginAttempt(attemptId, "CARD", clock.instant());
                    return attemptRecords.save(io.freightgate.billing.internal.domain.PaymentAttempt.begin(
                            attemptId,
                            request,
                            number,
                            io.freightgate.billing.internal.domain.PaymentAttempt.Method.CARD,
                            java.util.Optional.of("pm_card_visa"),
                            java.util.Optional.of("https://shipper.example/return"),
                            java.util.Optional.empty(),
                            "test",
                            clock.instant()));
                });
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PAYMENT_PENDING");
        int mark = stripe.control().requests().size();

        reconciliation.giveUpUnsentAttempts();
        assertThat(read(parties.carrier(), id).get("status").asString())
                .as("within the grace period the attempt may still be on its way")
                .isEqualTo("PAYMENT_PENDING");
        assertThat(sending.abandonUnsent(clock.instant().plusSeconds(1))).isGreaterThanOrEqualTo(1);

        JsonNode reopened = read(parties.carrier(), id);
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("attempts").get(0).get("outcome").asString()).isEqualTo("NOT_ATTEMPTED");
        assertThat(stripe.control()
                        .requests()
                        .subList(mark, stripe.control().requests().size()))
                .as("nothing was sent to Stripe for it")
                .noneMatch(r -> r.path().startsWith("/v1/payment_intents"));
        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PAID");
        assertThat(chargesOf(id)).hasSize(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.freightgate.platform.tenancy.SystemAccess systemAccess;

    @org.springframework.beans.factory.annotation.Autowired
    io.freightgate.billing.internal.PaymentRequestRecords requestRecords;

    @org.springframework.beans.factory.annotation.Autowired
    io.freightgate.billing.internal.PaymentAttemptRecords attemptRecords;

    @org.springframework.beans.factory.annotation.Autowired
    io.freightgate.billing.internal.PaymentIntentSending sending;

    @Test
    void threeDSecureIsHandedBackAndItsCompletionArrivesByWebhook() {
        Parties parties = parties();
        String id = id(create(parties, 80_000, "EUR", "LD-3DS", false));
        var pending = pay(
                parties,
                id,
                "{\"method\":\"card\",\"payment_method\":\"pm_card_threeDSecure2Required\","
                        + "\"return_url\":\"https://shipper.example/back\"}");
        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        assertThat(pending.json().get("outcome").asString()).isEqualTo("PENDING");
        assertThat(pending.json().get("next_action_url").asString()).contains("/_emulator/3ds/");
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PAYMENT_PENDING");

        stripe.control()
                .authenticate(
                        apiKey,
                        null,
                        pending.json().get("stripe_payment_intent_id").asString(),
                        true);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        read(parties.carrier(), id).get("status").asString().equals("PAID"));

        String failing = id(create(parties, 80_000, "EUR", "LD-3DS-FAIL", false));
        var challenged =
                pay(parties, failing, "{\"method\":\"card\",\"payment_method\":\"pm_card_threeDSecure2Required\"}");
        assertThat(challenged.status()).isEqualTo(202);
        stripe.control()
                .authenticate(
                        apiKey,
                        null,
                        challenged.json().get("stripe_payment_intent_id").asString(),
                        false);
        await().atMost(Duration.ofSeconds(15)).until(() -> read(parties.carrier(), failing)
                .get("status")
                .asString()
                .equals("OPEN"));
        JsonNode attempt = read(parties.carrier(), failing).get("attempts").get(0);
        assertThat(attempt.get("outcome").asString()).isEqualTo("DECLINED");
        assertThat(attempt.get("decline_code").asString()).isEqualTo("payment_intent_authentication_failure");
    }

    @Test
    void aDeclineIsAProblemWithStripesCodeAndTheRequestCanBePaidAgain() {
        Parties parties = parties();
        String id = id(create(parties, 50_000, "EUR", "LD-DECLINE", false));

        var declined = pay(
                parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_chargeDeclinedInsufficientFunds\"}");
        assertThat(declined.status()).as(declined.body()).isEqualTo(402);
        assertThat(declined.contentType()).startsWith("application/problem+json");
        assertThat(declined.json().get("type").asString()).isEqualTo("/problems/payment-declined");
        assertThat(declined.json().get("decline_code").asString()).isEqualTo("insufficient_funds");
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("OPEN");

        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_mastercard\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        JsonNode request = read(parties.carrier(), id);
        assertThat(request.get("status").asString()).isEqualTo("PAID");
        assertThat(request.get("attempts")).hasSize(2);
    }

    @Test
    void screeningBlocksAPaymentBeforeStripeIsCalled() {
        Parties parties = parties();
        String id = id(create(parties, BlockingScreening.BLOCKED_AMOUNT, "EUR", "LD-BLOCK", false));

        var blocked = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");

        assertThat(blocked.status()).as(blocked.body()).isEqualTo(422);
        assertThat(blocked.json().get("type").asString()).isEqualTo("/problems/payment-blocked");
        JsonNode request = read(parties.carrier(), id);
        assertThat(request.get("status").asString()).isEqualTo("OPEN");
        assertThat(request.get("attempts").get(0).get("outcome").asString()).isEqualTo("NOT_ATTEMPTED");
        assertThat(request.get("attempts").get(0).has("screening"))
                .as("the carrier is not told why")
                .isFalse();
        assertThat(chargesOf(id)).isEmpty();
    }

    @Test
    void sepaDebitsProcessForDaysThenSettleAsReclaimableOrFail() {
        Parties parties = parties();
        String id = id(create(parties, 240_000, "EUR", "LD-SEPA", false));
        var processing = pay(parties, id, sepa("DE89370400440532013000"));
        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
        assertThat(processing.json().get("stripe_status").asString()).isEqualTo("processing");
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PAYMENT_PENDING");

        String failing = id(create(parties, 240_000, "EUR", "LD-SEPA-FAIL", false));
        assertThat(pay(parties, failing, sepa("DE62370400440532013001")).status())
                .isEqualTo(202);

        stripe.control().advanceClock(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        read(parties.carrier(), id).get("status").asString().equals("PAID"));
        JsonNode paid = read(parties.carrier(), id);
        assertThat(paid.get("payment_method_type").asString()).isEqualTo("SEPA_DEBIT");
        assertThat(java.time.Instant.parse(paid.get("reclaimable_until").asString()))
                .isAfter(clock.instant().plus(Duration.ofDays(55)));
        await().atMost(Duration.ofSeconds(15)).until(() -> read(parties.carrier(), failing)
                .get("status")
                .asString()
                .equals("OPEN"));

        var usd = id(create(parties, 240_000, "USD", "LD-SEPA-USD", false));
        var refused = pay(parties, usd, sepa("DE89370400440532013000"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(read(parties.carrier(), usd).get("attempts")).isEmpty();
    }

    @Test
    void refundsArePartialOrFullAndNeverExceedWhatWasPaid() throws Exception {
        Parties parties = parties();
        String unpaid = id(create(parties, 30_000, "EUR", "LD-UNPAID", false));
        assertThat(refund(parties.carrier(), unpaid, "{}").status()).isEqualTo(409);

        String id = id(create(parties, 30_000, "EUR", "LD-REFUND", false));
        assertThat(pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}")
                        .status())
                .isEqualTo(201);

        var partial = refund(parties.carrier(), id, "{\"amount_minor\":10000,\"reason\":\"damaged pallet\"}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        assertThat(partial.json().get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");

        var tooMuch = refund(parties.carrier(), id, "{\"amount_minor\":20001}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(read(parties.carrier(), id)
                        .get("amount_refunded")
                        .get("minor")
                        .asLong())
                .isEqualTo(10_000);

        var rest = refund(parties.carrier(), id, "{}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().get("amount").get("minor").asLong()).isEqualTo(20_000);
        JsonNode refunded = read(parties.carrier(), id);
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.get("refunds")).hasSize(2);
        assertThat(stripeClient
                        .v1()
                        .charges()
                        .retrieve(chargesOf(id).getFirst().getId())
                        .getAmountRefunded())
                .isEqualTo(30_000);

        assertThat(refund(callers.of(parties.shipper(), Role.SHIPPER_ADMIN), id, "{}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDisputeFreezesRefundsUntilItIsWonAndAFailedRefundIsGivenBack() {
        Parties parties = parties();
        String id = id(create(parties, 55_000, "EUR", "LD-DISPUTE", false));
        assertThat(pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}")
                        .status())
                .isEqualTo(201);
        String dispute = stripe.control()
                .createDispute(
                        apiKey,
                        null,
                        chargesOf(id).getFirst().getId(),
                        DisputeRequest.chargeback("product_not_received", "visa"));
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        read(parties.carrier(), id).get("status").asString().equals("DISPUTED"));
        var refused = refund(parties.carrier(), id, "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("disputed");
        stripe.control().decideDispute(apiKey, null, dispute, true);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        read(parties.carrier(), id).get("status").asString().equals("PAID"));

        String failing = id(create(parties, 21_000, "EUR", "LD-REFUND-FAIL", false));
        assertThat(pay(parties, failing, "{\"method\":\"card\",\"payment_method\":\"pm_card_refundFail\"}")
                        .status())
                .isEqualTo(201);
        assertThat(refund(parties.carrier(), failing, "{}").status()).isEqualTo(201);
        assertThat(read(parties.carrier(), failing).get("status").asString()).isEqualTo("REFUNDED");
        stripe.control().advanceClock(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(15)).until(() -> read(parties.carrier(), failing)
                .get("status")
                .asString()
                .equals("PAID"));
        JsonNode given = read(parties.carrier(), failing);
        assertThat(given.get("amount_refunded").get("minor").asLong()).isZero();
        assertThat(given.get("refunds").get(0).get("outcome").asString()).isEqualTo("DECLINED");
    }

    @Test
    void aServerErrorOnCreationIsReconciledToExactlyOneCharge() {
        Parties parties = parties();
        String id = id(create(parties, 45_000, "EUR", "LD-500", false));
        stripe.control()
                .injectFault(
                        FaultRule.serverError("POST", "/v1/payment_intents").times(3));

        var unknown = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(503);
        JsonNode pending = read(parties.carrier(), id);
        assertThat(pending.get("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(pending.get("attempts").get(0).get("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}")
                        .status())
                .isEqualTo(409);

        stripe.control().clearFaults();
        reconciliation.reconcile();

        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PAID");
        assertThat(chargesOf(id)).hasSize(1);
    }

    @Test
    void aTimeoutOnCreationIsReconciledWithTheSameKeyToExactlyOneCharge() {
        Parties parties = parties();
        String id = id(create(parties, 46_000, "EUR", "LD-TIMEOUT", false));
        stripe.control()
                .injectFault(FaultRule.slow("POST", "/v1/payment_intents", Duration.ofSeconds(10))
                        .times(1));

        var unknown = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(503);
        assertThat(read(parties.carrier(), id)
                        .get("attempts")
                        .get(0)
                        .get("outcome")
                        .asString())
                .isIn("UNKNOWN", "APPROVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            reconciliation.reconcile();
            return read(parties.carrier(), id).get("status").asString().equals("PAID");
        });
        assertThat(chargesOf(id)).hasSize(1);
    }
}

package io.freightgate.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Transfer;
import io.freightgate.billing.BlockingScreening;
import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Carriers' transfers end to end against the Stripe emulator: released after delivery confirmation with the carrier's
 * share (amount paid minus the fee of the default settings, EUR 2 % + 0.25, minus refunds) in the request's transfer
 * group; held by an open dispute, by screening's REVIEW, by finance and by a revoked verification; released by finance;
 * reversed and restored; and a send whose answer was lost, repeated by the retry job with the same idempotency key,
 * which ends with exactly one transfer.
 */
class TransfersIT extends TransferJourneys {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Test
    void theCarriersShareIsTransferredOnceDeliveryIsConfirmed() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 125_000, "LD-TR-1", load);
        paid(carrier.parties(), id, "pm_card_visa");

        JsonNode waiting = transfer(carrier.parties().carrier(), id);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(strings(waiting.get("waiting_for"))).containsExactly("DELIVERY_NOT_CONFIRMED");
        assertThat(waiting.get("fee").get("minor").asLong()).isEqualTo(2_525);
        assertThat(waiting.get("amount").get("minor").asLong()).isEqualTo(122_475);
        assertThat(transfersInGroup(id)).isEmpty();

        var partial = refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);

        List<TransferView> released =
                transfers.deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"));

        assertThat(released).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo("SENT");
            assertThat(view.amount()).isEqualTo(Money.of(112_475, "EUR"));
            assertThat(view.idempotencyKey()).contains("fg-transfer-" + id + "-1");
        });
        List<Transfer> made = transfersInGroup(id);
        assertThat(made).singleElement().satisfies(transfer -> {
            assertThat(transfer.getAmount()).isEqualTo(112_475);
            assertThat(transfer.getCurrency()).isEqualTo("eur");
            assertThat(transfer.getDestination()).isEqualTo(carrier.account());
            assertThat(transfer.getTransferGroup()).isEqualTo("payment_request_" + id);
            assertThat(transfer.getSourceTransaction())
                    .isEqualTo(chargesOf(id).getFirst().getId());
        });
        JsonNode sent = transfer(carrier.parties().carrier(), id);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("stripe_transfer_id").asString())
                .isEqualTo(made.getFirst().getId());
        assertThat(sent.get("refunded").get("minor").asLong()).isEqualTo(10_000);
        assertThat(TransferEventsRecorder.published)
                .anyMatch(event -> event instanceof TransferReleased released1
                        && released1.paymentRequestId().toString().equals(id)
                        && released1.amount().equals(Money.of(112_475, "EUR")));

        transfers.deliveryConfirmed(
                PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
        retries.run();
        assertThat(transfersInGroup(id))
                .as("a second confirmation transfers nothing more")
                .hasSize(1);
    }

    @Test
    void aRefundAfterTheTransferTakesBackTheCarriersShareInProportion() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 30_000, "LD-TR-REFUND", load);
        paid(carrier.parties(), id, "pm_card_visa");
        TransferView sent = transfers
                .deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"))
                .getFirst();
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.amount().minor()).isEqualTo(29_375); // 30,000 - 2 % - 25
        String made = sent.stripeTransferId().orElseThrow();

        var partial = refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);

        // 29,375 x 10,000 / 30,000 = 9,791.67, rounded half up
        assertThat(retrieve(made).getAmountReversed()).isEqualTo(9_792);

        var rest = refund(carrier.parties().carrier(), id, "{}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);

        assertThat(retrieve(made).getAmountReversed())
                .as("a full refund leaves the carrier nothing")
                .isEqualTo(29_375);
        assertThat(retries.run()).isNotNull();
        assertThat(retrieve(made).getAmountReversed())
                .as("nothing is reversed twice")
                .isEqualTo(29_375);
    }

    @Test
    void anOpenDisputeHoldsTheTransferUntilItIsWon() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 55_000, "EUR", "LD-TR-DSP", false));
        paid(carrier.parties(), id, "pm_card_visa");
        String dispute = stripe.control()
                .createDispute(
                        apiKey,
                        null,
                        chargesOf(id).getFirst().getId(),
                        DisputeRequest.chargeback("product_not_received", "visa"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> transfer(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("HELD"));

        TransferView held = transfers.deliveryConfirmed(
                PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
        assertThat(held.status()).isEqualTo("HELD");
        assertThat(held.waitingFor()).containsExactly("DISPUTED", "HELD");
        assertThat(held.holds()).singleElement().satisfies(hold -> assertThat(hold.reason())
                .isEqualTo(TransferHoldReason.DISPUTE));
        retries.run();
        assertThat(transfersInGroup(id)).isEmpty();

        stripe.control().decideDispute(apiKey, null, dispute, true);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> transfer(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("SENT"));
        assertThat(transfersInGroup(id)).singleElement().satisfies(t -> assertThat(t.getAmount())
                .isEqualTo(55_000 - 1_100 - 25));
    }

    @Test
    void financeHoldsATransferAndOnlyASupervisorReleasesItWhichSendsIt() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 40_000, "EUR", "LD-TR-HOLD", false));
        paid(carrier.parties(), id, "pm_card_visa");

        var held = api.post(
                        "/api/v1/payment-requests/" + id + "/transfer/holds",
                        "{\"reason\":\"MANUAL\",\"note\":\"bank details being checked\"}")
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("status").asString()).isEqualTo("HELD");
        var twice = api.post("/api/v1/payment-requests/" + id + "/transfer/holds", "{\"reason\":\"MANUAL\"}")
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("/problems/state-conflict");
        assertThat(TransferEventsRecorder.published)
                .contains(new TransferHeld(
                        PaymentRequestId.of(id), carrier.parties().carrier(), TransferHoldReason.MANUAL));

        assertThat(transfers
                        .deliveryConfirmed(
                                PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"))
                        .status())
                .isEqualTo("HELD");
        retries.run();
        assertThat(transfersInGroup(id)).isEmpty();

        assertThat(release(id, Role.FINANCE_AGENT, "MANUAL").status()).isEqualTo(403);
        assertThat(release(id, callers.of(carrier.parties().carrier(), Role.CARRIER_ADMIN), "MANUAL")
                        .status())
                .isEqualTo(403);
        assertThat(release(id, Role.FINANCE_SUPERVISOR, "FRAUD_REVIEW").status())
                .isEqualTo(409);
        var released = release(id, Role.FINANCE_SUPERVISOR, "MANUAL");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("SENT");
        assertThat(released.json().get("holds").get(0).get("released_by").asString())
                .isNotBlank();
        assertThat(transfersInGroup(id)).hasSize(1);

        var late = api.post("/api/v1/payment-requests/" + id + "/transfer/holds", "{\"reason\":\"MANUAL\"}")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(late.status()).as("a transfer made is reversed, not held").isEqualTo(409);

        assertThat(api.get("/api/v1/payment-requests/" + id + "/transfer")
                        .token(callers.of(carrier.parties().shipper(), Role.SHIPPER_ADMIN))
                        .send()
                        .status())
                .isEqualTo(403);
        TenantId otherCarrier = organization("CARRIER");
        assertThat(api.get("/api/v1/payment-requests/" + id + "/transfer")
                        .token(callers.of(otherCarrier, Role.CARRIER_FINANCE))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPaymentScreeningSentToReviewIsHeldUntilRiskReleasesIt() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), BlockingScreening.REVIEWED_AMOUNT, "EUR", "LD-TR-REVIEW", false));
        // A card in review now keeps its authorization until the review is decided (ADR 0013, FraudReviewJourneysIT);
        // a SEPA debit, which cannot be authorized, is collected and its transfer held.
        var processing = pay(carrier.parties(), id, sepa("DE89370400440532013000"));
        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
        stripe.control().advanceClock(java.time.Duration.ofSeconds(15));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> read(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("PAID"));

        TransferView held = transfers.deliveryConfirmed(
                PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
        assertThat(held.status()).isEqualTo("HELD");
        assertThat(held.waitingFor()).containsExactly("SCREENING_REVIEW", "HELD");
        assertThat(transfersInGroup(id)).isEmpty();

        var released = release(id, Role.PLATFORM_ADMIN, "FRAUD_REVIEW");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("SENT");
        assertThat(transfersInGroup(id)).hasSize(1);
    }

    @Test
    void aRevokedVerificationHoldsTheCarriersPendingTransfersAndUnverifiedCarriersGetNone() {
        String name = "Quillfeather Spedition " + letters();
        Carrier carrier = carrierWithPayouts(name);
        String id = id(create(carrier.parties(), 61_000, "EUR", "LD-TR-KYC", false));
        paid(carrier.parties(), id, "pm_card_visa");
        assertThat(transfer(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("PENDING");

        importSanctions("reference,kind,name,aliases\nTR-1,entity," + name + ",\n");
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> transfer(carrier.parties().carrier(), id)
                            .get("status")
                            .asString()
                            .equals("HELD"));
            JsonNode held = transfer(carrier.parties().carrier(), id);
            assertThat(held.get("holds").get(0).get("reason").asString()).isEqualTo("KYC_REVOKED");
            assertThat(strings(held.get("waiting_for"))).contains("CARRIER_NOT_VERIFIED", "HELD");

            transfers.deliveryConfirmed(
                    PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
            var released = release(id, Role.FINANCE_SUPERVISOR, "KYC_REVOKED");
            assertThat(released.status()).as(released.body()).isEqualTo(200);
            assertThat(released.json().get("status").asString()).isEqualTo("PENDING");
            assertThat(strings(released.json().get("waiting_for"))).containsExactly("CARRIER_NOT_VERIFIED");
            retries.run();
            assertThat(transfersInGroup(id))
                    .as("an unverified carrier gets no transfer")
                    .isEmpty();
        } finally {
            importSanctions("reference,kind,name,aliases\nTR-0,entity,Nobody Of This Name Whatsoever,\n");
        }
    }

    @Test
    void aReversedTransferIsTakenBackAndARestoreSendsItAgainWithANewKey() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 30_000, "EUR", "LD-TR-REV", false));
        paid(carrier.parties(), id, "pm_card_bypassPending");
        TransferView sent = transfers.deliveryConfirmed(
                PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
        assertThat(sent.status()).isEqualTo("SENT");
        String first = sent.stripeTransferId().orElseThrow();

        String supervisor = callers.platformStaff(Role.FINANCE_SUPERVISOR);
        var reversal = api.post("/api/v1/payment-requests/" + id + "/transfer/reversal", "")
                .token(supervisor)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(reversal.status()).as(reversal.body()).isEqualTo(200);
        TransferView reversed =
                transfers.find(PaymentRequestId.of(id), ACROSS_TENANTS).orElseThrow();

        assertThat(reversed.status()).isEqualTo("REVERSED");
        assertThat(reversed.stripeReversalId())
                .hasValueSatisfying(r -> assertThat(r).startsWith("trr_"));
        assertThat(retrieve(first).getReversed()).isTrue();
        assertThat(retrieve(first).getAmountReversed()).isEqualTo(30_000 - 600 - 25);
        assertThat(TransferEventsRecorder.published)
                .anyMatch(event -> event instanceof TransferReversed r
                        && r.paymentRequestId().toString().equals(id)
                        && r.stripeTransferId().equals(first));

        var restoration = api.post("/api/v1/payment-requests/" + id + "/transfer/restoration", "")
                .token(supervisor)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(restoration.status()).as(restoration.body()).isEqualTo(200);
        TransferView restored =
                transfers.find(PaymentRequestId.of(id), ACROSS_TENANTS).orElseThrow();

        assertThat(restored.status()).isEqualTo("SENT");
        assertThat(restored.idempotencyKey()).contains("fg-transfer-" + id + "-2");
        assertThat(restored.stripeTransferId())
                .hasValueSatisfying(t -> assertThat(t).isNotEqualTo(first));
        List<Transfer> group = transfersInGroup(id);
        assertThat(group).hasSize(2);
        assertThat(group.stream()
                        .mapToLong(t -> t.getAmount() - t.getAmountReversed())
                        .sum())
                .as("what the carrier holds in the end")
                .isEqualTo(30_000 - 600 - 25);
    }

    @Test
    void aSendWhoseAnswerWasLostIsRepeatedByTheJobWithTheSameKeyAndTransfersOnce() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 47_000, "EUR", "LD-TR-LOST", false));
        paid(carrier.parties(), id, "pm_card_visa");
        stripe.control()
                .injectFault(FaultRule.slow("POST", "/v1/transfers", Duration.ofSeconds(10))
                        .times(1));

        TransferView unknown = transfers.deliveryConfirmed(
                PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"));

        assertThat(unknown.status()).isIn("SENDING", "SENT");
        assertThat(unknown.idempotencyKey()).contains("fg-transfer-" + id + "-1");
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    retries.run();
                    return transfer(carrier.parties().carrier(), id)
                            .get("status")
                            .asString()
                            .equals("SENT");
                });
        JsonNode sent = transfer(carrier.parties().carrier(), id);
        assertThat(sent.get("idempotency_key").asString()).isEqualTo("fg-transfer-" + id + "-1");
        assertThat(sent.get("attempt").asInt()).isEqualTo(1);
        assertThat(transfersInGroup(id)).singleElement().satisfies(t -> assertThat(t.getId())
                .isEqualTo(sent.get("stripe_transfer_id").asString()));

        String failing = id(create(carrier.parties(), 48_000, "EUR", "LD-TR-500", false));
        paid(carrier.parties(), failing, "pm_card_visa");
        stripe.control()
                .injectFault(FaultRule.serverError("POST", "/v1/transfers").times(3));
        assertThat(transfers
                        .deliveryConfirmed(
                                PaymentRequestId.of(failing),
                                new io.freightgate.billing.DeliveryProof.Sufficient("pod"))
                        .status())
                .isEqualTo("SENDING");
        assertThat(transfersInGroup(failing)).isEmpty();
        stripe.control().clearFaults();
        retries.run();
        JsonNode settled = transfer(carrier.parties().carrier(), failing);
        assertThat(settled.get("status").asString()).isEqualTo("SENT");
        assertThat(settled.get("idempotency_key").asString()).isEqualTo("fg-transfer-" + failing + "-1");
        assertThat(transfersInGroup(failing)).hasSize(1);
    }
}

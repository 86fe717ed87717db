package io.freightgate.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Charge;
import io.freightgate.billing.DeliveryProof;
import io.freightgate.disputes.DisputeDesk;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.DisputeView;
import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.emulator.stripe.WebhookBehaviour;
import io.freightgate.emulator.stripe.WebhookDelivery;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.LedgerChecks;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispute seam end to end: a chargeback raised in the Stripe emulator reaches the dispute engine as {@code
 * charge.dispute.*} webhooks, which keeps a dispute case in step with Stripe's dispute object and publishes {@code
 * DisputeOpened}, {@code DisputeFundsWithdrawn}, {@code DisputeFundsReinstated} and {@code DisputeClosed}; the flows
 * mark the payment request disputed, hold the carrier's transfer and journal the money, each once. Won, the request is
 * paid again and the transfer sent; lost (with webhooks delivered twice and out of order), the loss is journaled once
 * and the transfer stays held.
 */
class ChargebackJourneyIT extends TransferJourneys {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Autowired
    DisputeDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @AfterEach
    void normalWebhooks() {
        stripe.control().webhookBehaviour(WebhookBehaviour.normal());
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
        assertThat(opened.paymentIntentId()).isEqualTo(charge.getPaymentIntent());
        assertThat(opened.paymentRequestId()).isEqualTo(PaymentRequestId.of(id));
        assertThat(opened.carrier()).isEqualTo(carrier.parties().carrier());
        assertThat(opened.shipper()).isEqualTo(carrier.parties().shipper());
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

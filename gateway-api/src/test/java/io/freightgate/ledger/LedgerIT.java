package io.freightgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.param.RefundListParams;
import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.TransferJourneys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The double-entry ledger against the Stripe emulator: every movement of a payment request (payment, Stripe's fee,
 * transfer, refund, reversal, dispute withdrawal and reinstatement) is one balanced journal, and the entries on the
 * Stripe balance accounts match, source by source, the balance transactions the emulator recorded on the platform
 * account and on the carrier's connected account. Also the refund edge cases: a refund whose answer was lost is
 * repeated by the reconciliation and takes the carrier's share back, and a refund that fails after its reversal sends
 * the share to the carrier again. The database itself refuses an unbalanced journal and any change to a posted one.
 */
class LedgerIT extends TransferJourneys {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Test
    void everyMovementIsOneBalancedJournalAndMatchesStripesBalanceTransactions() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 100_000, "LD-LEDGER-1", load);
        paid(carrier.parties(), id, "pm_card_visa");
        String transferId = transfers
                .deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"))
                .getFirst()
                .stripeTransferId()
                .orElseThrow();
        assertThat(refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}")
                        .status())
                .isEqualTo(201);

        String charge = chargesOf(id).getFirst().getId();
        BalanceTransaction chargeTxn = balanceTransactions(null, charge).getFirst();
        Map<String, Long> journals = journalTotals(id);
        assertThat(journals)
                .containsOnlyKeys("PAYMENT", "STRIPE_FEE", "TRANSFER", "REFUND", "TRANSFER_REVERSAL")
                .allSatisfy(
                        (kind, sum) -> assertThat(sum).as(kind + " balances").isZero());
        // gross 100,000; fee 2 % + 25 = 2,025; carrier 97,975; refund 10,000 takes back 97,975 x 10 % = 9,797.5 ->
        // 9,798
        assertThat(entries(id, "PLATFORM_FEE_REVENUE")).containsExactly(-2_025L, 202L);
        assertThat(entries(id, "CARRIER_PAYABLE")).containsExactly(-97_975L, 97_975L, 9_798L, -9_798L);
        assertThat(entries(id, "STRIPE_FEES")).containsExactly(chargeTxn.getFee());
        assertThat(sum(id, "CARRIER_PAYABLE"))
                .as("the carrier is owed nothing more")
                .isZero();
        assertThat(retrieve(transferId).getAmountReversed()).isEqualTo(9_798);

        assertThat(mismatches(id, carrier.account())).isEmpty();
    }

    @Test
    void aDisputesWithdrawalAndReinstatementArePostedWithTheDisputeFee() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 40_000, "EUR", "LD-LEDGER-DSP", false));
        paid(carrier.parties(), id, "pm_card_visa");
        String dispute = stripe.control()
                .createDispute(
                        apiKey,
                        null,
                        chargesOf(id).getFirst().getId(),
                        DisputeRequest.chargeback("product_not_received", "visa"));
        await().atMost(Duration.ofSeconds(15)).until(() -> journalTotals(id).containsKey("DISPUTE_WITHDRAWAL"));
        assertThat(entries(id, "DISPUTE_RESERVE")).containsExactly(40_000L);

        stripe.control().decideDispute(apiKey, null, dispute, true);
        await().atMost(Duration.ofSeconds(15)).until(() -> journalTotals(id).containsKey("DISPUTE_REINSTATEMENT"));
        assertThat(sum(id, "DISPUTE_RESERVE")).isZero();
        assertThat(balanceTransactions(null, dispute)).hasSize(2);
        assertThat(mismatches(id, carrier.account())).isEmpty();
    }

    @Test
    void aRefundWhoseAnswerWasLostIsRepeatedOnceAndTakesBackTheCarriersShare() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 30_000, "LD-LEDGER-LOST", load);
        paid(carrier.parties(), id, "pm_card_visa");
        String transferId = transfers
                .deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"))
                .getFirst()
                .stripeTransferId()
                .orElseThrow();
        stripe.control()
                .injectFault(FaultRule.serverError("POST", "/v1/refunds").times(3));

        var lost = refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}");

        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        assertThat(retrieve(transferId).getAmountReversed()).isZero();
        assertThat(journalTotals(id)).doesNotContainKey("REFUND");

        reconciliation.reconcile();

        // 29,375 x 10,000 / 30,000 = 9,791.67 -> 9,792
        assertThat(retrieve(transferId).getAmountReversed()).isEqualTo(9_792);
        assertThat(stripeClient
                        .v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setCharge(chargesOf(id).getFirst().getId())
                                .build())
                        .getData())
                .as("the repeated call made one refund")
                .hasSize(1);
        assertThat(read(carrier.parties().carrier(), id)
                        .get("refunds")
                        .get(0)
                        .get("outcome")
                        .asString())
                .isEqualTo("APPROVED");
        reconciliation.reconcile();
        assertThat(retrieve(transferId).getAmountReversed()).as("nothing twice").isEqualTo(9_792);
        assertThat(sum(id, "CARRIER_PAYABLE")).isZero();
        assertThat(mismatches(id, carrier.account())).isEmpty();
    }

    @Test
    void aRefundThatFailsAfterItsReversalSendsTheShareBackToTheCarrier() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 30_000, "LD-LEDGER-FAIL", load);
        paid(carrier.parties(), id, "pm_card_refundFail");
        String transferId = transfers
                .deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"))
                .getFirst()
                .stripeTransferId()
                .orElseThrow();
        assertThat(refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}")
                        .status())
                .isEqualTo(201);
        assertThat(retrieve(transferId).getAmountReversed()).isEqualTo(9_792);

        stripe.control().advanceClock(Duration.ofSeconds(61));

        await().atMost(Duration.ofSeconds(15)).until(() -> transfersInGroup(id).size() == 2);
        assertThat(transfersInGroup(id))
                .extracting(com.stripe.model.Transfer::getAmount)
                .containsExactlyInAnyOrder(29_375L, 9_792L);
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(15)).until(() -> journalTotals(id).containsKey("REFUND_FAILURE"));
        assertThat(sum(id, "CARRIER_PAYABLE"))
                .as("the carrier has its whole share again")
                .isZero();
        assertThat(sum(id, "CARRIER_TRANSFERS_RECEIVED")).isEqualTo(-29_375L);
        retries.run();
        assertThat(transfersInGroup(id)).as("sent back once").hasSize(2);
        assertThat(mismatches(id, carrier.account())).isEmpty();
    }

    @Test
    void aRefundTheTransferDeductedThatFailsLaterIsSentToTheCarrier() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 30_000, "LD-LEDGER-TOPUP", load);
        paid(carrier.parties(), id, "pm_card_refundFail");
        assertThat(refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}")
                        .status())
                .isEqualTo(201);
        transfers.deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
        assertThat(transfersInGroup(id))
                .extracting(com.stripe.model.Transfer::getAmount)
                .containsExactly(19_375L);

        stripe.control().advanceClock(Duration.ofSeconds(61));

        await().atMost(Duration.ofSeconds(15)).until(() -> transfersInGroup(id).size() == 2);
        assertThat(transfersInGroup(id))
                .extracting(com.stripe.model.Transfer::getAmount)
                .containsExactlyInAnyOrder(19_375L, 10_000L);
        // the top-up reaches Stripe before its journal commits: the ledger follows within the same await as above
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(sum(id, "CARRIER_PAYABLE"))
                .as("the carrier has its whole share")
                .isZero());
        retries.run();
        assertThat(transfersInGroup(id)).as("sent once").hasSize(2);
        assertThat(mismatches(id, carrier.account())).isEmpty();
    }

    @Test
    void aRestoreAfterARefundSendsWhatTheCarrierIsStillOwed() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 30_000, "LD-LEDGER-RESTORE", load);
        paid(carrier.parties(), id, "pm_card_visa");
        transfers.deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
        assertThat(refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}")
                        .status())
                .isEqualTo(201);
        String supervisor = callers.platformStaff(io.freightgate.security.Role.FINANCE_SUPERVISOR);
        for (String step : List.of("reversal", "restoration")) {
            var response = api.post("/api/v1/payment-requests/" + id + "/transfer/" + step, "")
                    .token(supervisor)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }

        // 29,375 sent; the refund took back 9,792; the reversal the other 19,583, which the restore sends again
        assertThat(transfersInGroup(id))
                .extracting(com.stripe.model.Transfer::getAmount)
                .containsExactlyInAnyOrder(29_375L, 19_583L);
        assertThat(sum(id, "CARRIER_PAYABLE")).isZero();
        assertThat(mismatches(id, carrier.account())).isEmpty();
    }

    @Test
    void theDatabaseRefusesAnUnbalancedJournalAndAnyChangeToAPostedOne() {
        assertThatThrownBy(() -> systemAccess.transaction(ACROSS_TENANTS, "post an unbalanced journal", () -> {
                    UUID journal = UUID.randomUUID();
                    UUID account = jdbc.queryForObject(
                            "INSERT INTO ledger_accounts (id, currency, kind, created_at) VALUES (?, 'EUR',"
                                    + " 'STRIPE_FEES', now()) ON CONFLICT ON CONSTRAINT ledger_accounts_identity"
                                    + " DO UPDATE SET kind = EXCLUDED.kind RETURNING id",
                            UUID.class,
                            UUID.randomUUID());
                    jdbc.update(
                            "INSERT INTO ledger_journals (id, reference, kind, currency, occurred_at, recorded_at,"
                                    + " description) VALUES (?, ?, 'STRIPE_FEE', 'EUR', now(), now(), 'test')",
                            journal,
                            "unbalanced:" + journal);
                    jdbc.update(
                            "INSERT INTO ledger_entries (journal_id, account_id, kind, currency, amount_minor,"
                                    + " occurred_at) VALUES (?, ?, 'STRIPE_FEES', 'EUR', 100, now())",
                            journal,
                            account);
                    return null;
                }))
                .rootCause()
                .hasMessageContaining("does not balance");

        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 20_000, "EUR", "LD-LEDGER-RO", false));
        paid(carrier.parties(), id, "pm_card_visa");
        assertThatThrownBy(() -> systemAccess.transaction(
                        ACROSS_TENANTS,
                        "edit a posted entry",
                        () -> jdbc.update(
                                "UPDATE ledger_entries SET amount_minor = amount_minor + 1 WHERE payment_request_id = ?",
                                UUID.fromString(id))))
                .rootCause()
                .hasMessageFindingMatch("append-only|permission denied");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(journalTotals(id)).containsKeys("PAYMENT", "STRIPE_FEE"));
    }

    LedgerChecks ledger() {
        return new LedgerChecks(jdbc, systemAccess, stripeClient);
    }

    Map<String, Long> journalTotals(String paymentRequestId) {
        return ledger().journalTotals(paymentRequestId);
    }

    List<Long> entries(String paymentRequestId, String accountKind) {
        return ledger().entries(paymentRequestId, accountKind);
    }

    long sum(String paymentRequestId, String accountKind) {
        return ledger().sum(paymentRequestId, accountKind);
    }

    List<String> mismatches(String paymentRequestId, String connectedAccount) throws StripeException {
        List<String> found = new java.util.ArrayList<>(ledger().mismatches(List.of(paymentRequestId)));
        found.addAll(ledger().accountMismatches(connectedAccount));
        return found;
    }

    List<BalanceTransaction> balanceTransactions(String account, String source) throws StripeException {
        return ledger().balanceTransactions(account, source);
    }
}

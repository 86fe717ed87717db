package io.freightgate.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.disputes.DisputeReason;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.internal.domain.DisputeSnapshot;
import io.freightgate.kernel.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stripe's dispute object (the shape of Stripe's own fixture and of the emulator's) read into a snapshot. */
class StripeDisputeEventsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode dispute(String id, String status, String balanceTransactions, String paymentIntent) {
        return JSON.readTree("""
                {"id": "%s", "object": "dispute", "amount": 40000, "currency": "eur", "charge": "ch_1",
                 "payment_intent": %s, "created": 1764583200, "reason": "product_not_received",
                 "status": "%s", "evidence_details": {"due_by": 1766447999, "has_evidence": false},
                 "balance_transactions": [%s]}
                """.formatted(id, paymentIntent, status, balanceTransactions));
    }

    static final String WITHDRAWAL = """
            {"id": "txn_1", "amount": -40000, "fee": 1500, "currency": "eur", "reporting_category": "dispute"}""";
    static final String REVERSAL = """
            {"id": "txn_2", "amount": 40000, "fee": -1500, "currency": "eur",
             "reporting_category": "dispute_reversal"}""";

    @Test
    void readsTheDisputeWithItsMoneyAsPositiveAmounts() {
        DisputeSnapshot snapshot = StripeDisputeEvents.snapshot(
                        dispute("dp_1", "won", WITHDRAWAL + "," + REVERSAL, "\"pi_1\""))
                .orElseThrow();

        assertThat(snapshot.stripeDisputeId()).isEqualTo("dp_1");
        assertThat(snapshot.chargeId()).isEqualTo("ch_1");
        assertThat(snapshot.paymentIntentId()).contains("pi_1");
        assertThat(snapshot.status()).isEqualTo(DisputeStatus.WON);
        assertThat(snapshot.amount()).isEqualTo(Money.of(40_000, "EUR"));
        assertThat(snapshot.reason()).isEqualTo(DisputeReason.PRODUCT_NOT_RECEIVED);
        assertThat(snapshot.created()).isEqualTo(Instant.ofEpochSecond(1764583200));
        assertThat(snapshot.evidenceDueBy()).contains(Instant.ofEpochSecond(1766447999));
        assertThat(snapshot.withdrawal())
                .contains(new DisputeSnapshot.Movement(Money.of(40_000, "EUR"), Money.of(1_500, "EUR")));
        assertThat(snapshot.reinstatement())
                .contains(new DisputeSnapshot.Movement(Money.of(40_000, "EUR"), Money.of(1_500, "EUR")));
    }

    @Test
    void aDueDateOfZeroMeansNoResponseIsAllowed() {
        JsonNode object = JSON.readTree("""
                {"id": "dp_2", "amount": 100, "currency": "eur", "charge": "py_1", "payment_intent": "pi_2",
                 "created": 1, "reason": "general", "status": "needs_response",
                 "evidence_details": {"due_by": 0}, "balance_transactions": []}""");

        assertThat(StripeDisputeEvents.snapshot(object).orElseThrow().evidenceDueBy())
                .isEmpty();
    }

    @Test
    void aDisputeWithoutAPaymentIntentIsReadWithoutOneAndAnUnknownStatusNotAtAll() {
        assertThat(StripeDisputeEvents.snapshot(dispute("dp_3", "needs_response", "", "null")))
                .hasValueSatisfying(s -> assertThat(s.paymentIntentId()).isEmpty());
        assertThat(StripeDisputeEvents.snapshot(dispute("dp_4", "some_future_status", "", "\"pi_4\"")))
                .isEmpty();
    }

    @Test
    void readsTheNetworkAndThePaymentMethodOfACardAndOfASepaDebit() {
        JsonNode card = JSON.readTree("""
                {"id": "dp_6", "amount": 100, "currency": "eur", "charge": "ch_6", "payment_intent": "pi_6",
                 "created": 1, "reason": "fraudulent", "status": "needs_response",
                 "evidence_details": {"due_by": 1766447999},
                 "payment_method_details": {"type": "card", "card": {"brand": "visa", "network": "visa",
                                            "case_type": "chargeback"}},
                 "balance_transactions": []}""");
        JsonNode sepa = JSON.readTree("""
                {"id": "dp_7", "amount": 100, "currency": "eur", "charge": "py_7", "payment_intent": "pi_7",
                 "created": 1, "reason": "debit_not_authorized", "status": "needs_response",
                 "evidence_details": {"due_by": 0}, "payment_method_details": {"type": "sepa_debit"},
                 "balance_transactions": []}""");

        DisputeSnapshot onCard = StripeDisputeEvents.snapshot(card).orElseThrow();
        DisputeSnapshot onDebit = StripeDisputeEvents.snapshot(sepa).orElseThrow();

        assertThat(onCard.network()).contains("visa");
        assertThat(onCard.paymentMethodType()).contains("card");
        assertThat(onDebit.network()).contains("sepa_debit");
        assertThat(onDebit.paymentMethodType()).contains("sepa_debit");
        assertThat(onDebit.reason()).isEqualTo(DisputeReason.DEBIT_NOT_AUTHORIZED);
    }

    @Test
    void anUnknownReasonIsKeptAsGeneral() {
        JsonNode object = JSON.readTree("""
                {"id": "dp_8", "amount": 100, "currency": "eur", "charge": "ch_8", "payment_intent": "pi_8",
                 "created": 1, "reason": "some_future_reason", "status": "needs_response", "balance_transactions": []}""");

        assertThat(StripeDisputeEvents.snapshot(object).orElseThrow().reason()).isEqualTo(DisputeReason.GENERAL);
    }

    @Test
    void onlyStripesDisputeIdsMoveMoney() {
        DisputeSnapshot snapshot = StripeDisputeEvents.snapshot(dispute("xx_5", "lost", WITHDRAWAL, "\"pi_5\""))
                .orElseThrow();

        assertThat(snapshot.withdrawal()).isEmpty();
        assertThat(snapshot.status()).isEqualTo(DisputeStatus.LOST);
    }
}

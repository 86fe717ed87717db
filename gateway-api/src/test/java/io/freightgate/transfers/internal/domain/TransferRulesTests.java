package io.freightgate.transfers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.billing.DeliveryProof;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.kernel.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransferRulesTests {

    static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3_600);

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    static Transfer awaitingPayment() {
        return TransferTests.transferOf(TransferTests.request());
    }

    static Transfer paid() {
        Transfer transfer = awaitingPayment();
        transfer.paid(eur(100_000), eur(2_025), NOW);
        return transfer;
    }

    static Transfer sending() {
        Transfer transfer = paid();
        transfer.beginSending(eur(97_975), 0, "acct_1", "ch_1", NOW);
        return transfer;
    }

    static Transfer sent() {
        Transfer transfer = sending();
        transfer.sent("tr_1", NOW);
        return transfer;
    }

    @Test
    void aTransferBelongsToItsRequestsTenantAndCurrencyAndAwaitsPayment() {
        TransferId id = TransferId.random();
        PaymentRequest request = TransferTests.request();

        Transfer transfer = Transfer.of(
                id, request.id().value(), request.tenantId(), request.amount().currency(), NOW);

        assertThat(transfer.id()).isEqualTo(id);
        assertThat(transfer.paymentRequestId()).isEqualTo(request.id().value());
        assertThat(transfer.tenantId()).isEqualTo(request.tenantId());
        assertThat(transfer.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(transfer.status()).isEqualTo(TransferState.AWAITING_PAYMENT);
        assertThat(transfer.createdAt()).isEqualTo(NOW);
        assertThat(transfer.updatedAt()).isEqualTo(NOW);
        assertThat(transfer.attemptNumber()).isZero();
    }

    @Test
    void paymentFixesGrossAndFeeOnceAndAnyLaterPaymentChangesNothing() {
        Transfer transfer = awaitingPayment();

        transfer.paid(eur(100_000), eur(2_025), LATER);

        assertThat(transfer.status()).isEqualTo(TransferState.PENDING);
        assertThat(transfer.gross()).isEqualTo(eur(100_000));
        assertThat(transfer.fee()).isEqualTo(eur(2_025));
        assertThat(transfer.updatedAt()).isEqualTo(LATER);

        transfer.paid(eur(50_000), eur(1_000), LATER.plusSeconds(60));
        assertThat(transfer.gross()).isEqualTo(eur(100_000));
        assertThat(transfer.fee()).isEqualTo(eur(2_025));
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aPaymentInAnotherCurrencyIsRefused() {
        Transfer transfer = awaitingPayment();

        assertThatThrownBy(() -> transfer.paid(Money.of(100_000, "USD"), eur(2_025), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is in EUR");
        assertThatThrownBy(() -> transfer.paid(eur(100_000), Money.of(2_025, "USD"), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is in EUR");
        assertThat(transfer.status()).isEqualTo(TransferState.AWAITING_PAYMENT);
    }

    @Test
    void sendingRecordsTheAmountTheRefundedSumTheDestinationAndTheCharge() {
        Transfer transfer = paid();

        transfer.beginSending(eur(87_975), 10_000, "acct_1", "ch_1", LATER);

        assertThat(transfer.status()).isEqualTo(TransferState.SENDING);
        assertThat(transfer.attemptNumber()).isEqualTo(1);
        assertThat(transfer.amount()).isEqualTo(eur(87_975));
        assertThat(transfer.refunded()).isEqualTo(eur(10_000));
        assertThat(transfer.destinationAccount()).contains("acct_1");
        assertThat(transfer.sourceTransaction()).contains("ch_1");
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aSendInAnotherCurrencyOrOfNothingIsRefused() {
        Transfer transfer = paid();

        assertThatThrownBy(() -> transfer.beginSending(Money.of(97_975, "USD"), 0, "acct_1", "ch_1", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is in EUR");
        assertThatThrownBy(() -> transfer.beginSending(eur(0), 0, "acct_1", "ch_1", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A transfer moves a positive amount");
        assertThat(transfer.status()).isEqualTo(TransferState.PENDING);
        assertThat(transfer.attemptNumber()).isZero();
        assertThat(transfer.idempotencyKey()).isEmpty();
    }

    @Test
    void aTransferBeingSentCannotBeSentAgain() {
        Transfer transfer = sending();

        assertThatThrownBy(() -> transfer.beginSending(eur(97_975), 0, "acct_1", "ch_1", NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is SENDING; it cannot be sent");
        assertThat(transfer.attemptNumber()).isEqualTo(1);
    }

    @Test
    void aTransferMadeRecordsStripesIdAndWhenTheMoneyWasReleased() {
        Transfer transfer = sending();
        transfer.outcomeUnknown("timeout", NOW);
        assertThat(transfer.lastError()).contains("timeout");

        assertThat(transfer.sent("tr_1", LATER)).isTrue();

        assertThat(transfer.status()).isEqualTo(TransferState.SENT);
        assertThat(transfer.stripeTransferId()).contains("tr_1");
        assertThat(transfer.releasedAt()).contains(LATER);
        assertThat(transfer.lastError()).as("the transfer was made after all").isEmpty();
    }

    @Test
    void aRefusalKeepsStripesReasonUntilTheNextSendClearsIt() {
        Transfer transfer = sending();

        assertThat(transfer.failed("account_invalid", LATER)).isTrue();
        assertThat(transfer.lastError()).contains("account_invalid");
        assertThat(transfer.updatedAt()).isEqualTo(LATER);

        transfer.beginSending(eur(97_975), 0, "acct_1", "ch_1", LATER);
        assertThat(transfer.lastError()).isEmpty();
        assertThat(transfer.attemptNumber()).isEqualTo(2);
    }

    @Test
    void aRefusalOrApprovalForATransferNotBeingSentChangesNothing() {
        Transfer pending = paid();
        assertThat(pending.failed("late answer", LATER)).isFalse();
        assertThat(pending.status()).isEqualTo(TransferState.PENDING);
        assertThat(pending.lastError()).isEmpty();

        Transfer made = sent();
        assertThat(made.failed("late answer", LATER)).isFalse();
        assertThat(made.status()).isEqualTo(TransferState.SENT);
        assertThat(made.sent("tr_2", LATER)).isFalse();
        assertThat(made.stripeTransferId()).contains("tr_1");
    }

    @Test
    void aSendPointsToItsStripeCallWhoseChecksAndRepeatsAreCountedThere() {
        Transfer transfer = sending();
        java.util.UUID call = java.util.UUID.randomUUID();

        transfer.sendingThrough(call);

        assertThat(transfer.callId()).contains(call);
        assertThatThrownBy(() -> paid().sendingThrough(call)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaitingTransferWithNothingLeftForTheCarrierEndsWithoutASend() {
        Transfer transfer = paid();

        transfer.nothingToTransfer(100_000, LATER);

        assertThat(transfer.status()).isEqualTo(TransferState.NOTHING_TO_TRANSFER);
        assertThat(transfer.refunded()).isEqualTo(eur(100_000));
        assertThat(transfer.amount()).isEqualTo(eur(0));
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
        assertThatThrownBy(() -> transfer.beginSending(eur(1), 0, "acct_1", "ch_1", LATER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransferAlreadyMadeIsNotTurnedIntoNothingToTransfer() {
        Transfer transfer = sent();

        transfer.nothingToTransfer(100_000, LATER);

        assertThat(transfer.status()).isEqualTo(TransferState.SENT);
        assertThat(transfer.amount()).isEqualTo(eur(97_975));
        assertThat(transfer.refunded()).isEqualTo(eur(0));
        assertThat(transfer.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aRepeatedReversalIntentKeepsItsKey() {
        Transfer transfer = sent();

        String first = transfer.beginReversal(LATER);
        String again = transfer.beginReversal(LATER.plusSeconds(60));

        assertThat(again).isEqualTo(first).isEqualTo("fg-transfer-reversal-" + transfer.paymentRequestId() + "-1");
        assertThat(transfer.reversalKey()).contains(first);
        assertThat(transfer.status()).isEqualTo(TransferState.REVERSING);
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aReversalOfATransferNotMadeIsRefusedWithItsState() {
        Transfer transfer = sending();

        assertThatThrownBy(() -> transfer.beginReversal(NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Transfer of " + transfer.paymentRequestId()
                        + " is SENDING; only a transfer made can be reversed");
    }

    @Test
    void anApprovedReversalRecordsStripesReversalAndWhen() {
        Transfer transfer = sent();
        transfer.beginReversal(NOW);

        assertThat(transfer.reversed("trr_1", LATER)).isTrue();

        assertThat(transfer.status()).isEqualTo(TransferState.REVERSED);
        assertThat(transfer.stripeReversalId()).contains("trr_1");
        assertThat(transfer.reversedAt()).contains(LATER);
        assertThat(transfer.reversed("trr_2", LATER.plusSeconds(60)))
                .as("a replayed answer changes nothing")
                .isFalse();
        assertThat(transfer.stripeReversalId()).contains("trr_1");
    }

    @Test
    void aReversalAnswerForATransferNotBeingReversedChangesNothing() {
        Transfer transfer = sent();

        assertThat(transfer.reversed("trr_1", LATER)).isFalse();

        assertThat(transfer.status()).isEqualTo(TransferState.SENT);
        assertThat(transfer.stripeReversalId()).isEmpty();
        assertThat(transfer.reversedAt()).isEmpty();
    }

    @Test
    void aRefusedReversalLeavesTheTransferStandingAsMadeWithStripesReason() {
        Transfer transfer = sent();
        transfer.beginReversal(NOW);

        transfer.reversalRefused("balance_insufficient", LATER);

        assertThat(transfer.status()).isEqualTo(TransferState.SENT);
        assertThat(transfer.lastError()).contains("balance_insufficient");
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aReversalRefusalForATransferNotBeingReversedChangesNothing() {
        Transfer transfer = paid();

        transfer.reversalRefused("late answer", LATER);

        assertThat(transfer.status()).isEqualTo(TransferState.PENDING);
        assertThat(transfer.lastError()).isEmpty();
        assertThat(transfer.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aRestoredTransferForgetsTheTransferAndReversalItReplaces() {
        Transfer transfer = sent();
        transfer.beginReversal(NOW);
        transfer.reversed("trr_1", NOW);

        transfer.restore(LATER);

        assertThat(transfer.status()).isEqualTo(TransferState.PENDING);
        assertThat(transfer.stripeTransferId()).isEmpty();
        assertThat(transfer.stripeReversalId()).isEmpty();
        assertThat(transfer.reversalKey()).isEmpty();
        assertThat(transfer.releasedAt()).isEmpty();
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aRestoreOfATransferNotReversedIsRefusedWithItsState() {
        Transfer transfer = sent();

        assertThatThrownBy(() -> transfer.restore(LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is SENT; only a reversed transfer can be restored");
        assertThat(transfer.stripeTransferId()).contains("tr_1");
    }

    @Test
    void sufficientEvidenceFirstConfirmsTheDeliveryAtOnce() {
        Transfer transfer = paid();

        transfer.deliveryConfirmed(new DeliveryProof.Sufficient("shipper"), LATER);

        assertThat(transfer.delivery()).isEqualTo(new ReleasePolicy.Delivery.Confirmed());
        assertThat(transfer.deliveryConfirmedAt()).contains(LATER);
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void repeatedSufficientEvidenceKeepsTheFirstConfirmationAndChangesNothing() {
        Transfer transfer = paid();
        transfer.deliveryConfirmed(new DeliveryProof.Sufficient("shipper"), LATER);

        transfer.deliveryConfirmed(new DeliveryProof.Sufficient("carrier"), LATER.plusSeconds(60));

        assertThat(transfer.deliveryConfirmedAt()).contains(LATER);
        assertThat(transfer.updatedAt()).isEqualTo(LATER);
    }
}

package io.freightgate.transfers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.billing.DeliveryProof;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferTests {

    static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

    static Transfer transferOf(PaymentRequest request) {
        return Transfer.of(
                TransferId.random(),
                request.id().value(),
                request.tenantId(),
                request.amount().currency(),
                NOW);
    }

    static PaymentRequest request() {
        return PaymentRequest.open(
                PaymentRequestId.random(),
                UUID.randomUUID(),
                new PaymentRequest.Details(
                        UUID.randomUUID(),
                        "LD-1",
                        Optional.empty(),
                        "A",
                        "B",
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 2),
                        LocalDate.of(2026, 12, 20),
                        Optional.empty(),
                        Optional.empty(),
                        100_000,
                        "EUR",
                        false),
                "hash",
                "test",
                NOW);
    }

    Transfer paid() {
        Transfer transfer = transferOf(request());
        transfer.paid(Money.of(100_000, "EUR"), Money.of(2_025, "EUR"), NOW);
        return transfer;
    }

    @Test
    void weakDeliveryEvidenceWaitsUntilSufficientEvidenceClearsItAndNeverUndoesIt() {
        Transfer transfer = paid();
        assertThat(transfer.delivery()).isEqualTo(new ReleasePolicy.Delivery.NotConfirmed());

        transfer.deliveryConfirmed(new DeliveryProof.NeedsSecondSignal("no position"), NOW);
        transfer.deliveryConfirmed(new DeliveryProof.NeedsSecondSignal("dated in the future"), NOW.plusSeconds(5));
        assertThat(transfer.delivery()).isEqualTo(new ReleasePolicy.Delivery.AwaitsSecondSignal("no position"));
        assertThat(transfer.deliveryConfirmedAt()).contains(NOW);

        transfer.deliveryConfirmed(new DeliveryProof.Sufficient("shipper"), NOW.plusSeconds(60));
        assertThat(transfer.delivery()).isEqualTo(new ReleasePolicy.Delivery.Confirmed());
        assertThat(transfer.deliveryConfirmedAt()).contains(NOW);

        transfer.deliveryConfirmed(new DeliveryProof.NeedsSecondSignal("no position"), NOW.plusSeconds(120));
        assertThat(transfer.delivery()).isEqualTo(new ReleasePolicy.Delivery.Confirmed());
    }

    @Test
    void theShareIsGrossMinusFeeMinusRefunded() {
        assertThat(paid().share(10_000)).isEqualTo(Money.of(87_975, "EUR"));
        assertThat(paid().share(100_000)).isEqualTo(Money.of(0, "EUR"));
    }

    @Test
    void eachSendIsNumberedAndAnUnknownOutcomeKeepsItsKey() {
        Transfer transfer = paid();
        String first = transfer.beginSending(Money.of(97_975, "EUR"), 0, "acct_1", "ch_1", NOW);
        assertThat(first).isEqualTo("fg-transfer-" + transfer.paymentRequestId() + "-1");
        transfer.outcomeUnknown("timeout", NOW);
        assertThat(transfer.status()).isEqualTo(TransferState.SENDING);
        assertThat(transfer.idempotencyKey()).contains(first);
        assertThat(transfer.sent("tr_1", NOW)).isTrue();
        assertThat(transfer.sent("tr_1", NOW))
                .as("a replayed answer changes nothing")
                .isFalse();
    }

    @Test
    void aRefusalWaitsAgainAndTheNextSendTakesANewKey() {
        Transfer transfer = paid();
        transfer.beginSending(Money.of(97_975, "EUR"), 0, "acct_1", "ch_1", NOW);
        assertThat(transfer.failed("insufficient_capabilities_for_transfer", NOW))
                .isTrue();
        assertThat(transfer.status()).isEqualTo(TransferState.FAILED);
        String second = transfer.beginSending(Money.of(97_975, "EUR"), 0, "acct_1", "ch_1", NOW);
        assertThat(second).endsWith("-2");
    }

    @Test
    void onlyATransferMadeIsReversedAndOnlyAReversedOneRestored() {
        Transfer transfer = paid();
        assertThatThrownBy(() -> transfer.beginReversal(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transfer.restore(NOW)).isInstanceOf(IllegalStateException.class);
        transfer.beginSending(Money.of(97_975, "EUR"), 0, "acct_1", "ch_1", NOW);
        transfer.sent("tr_1", NOW);
        assertThat(transfer.beginReversal(NOW)).isEqualTo("fg-transfer-reversal-" + transfer.paymentRequestId() + "-1");
        assertThat(transfer.reversed("trr_1", NOW)).isTrue();
        transfer.restore(NOW);
        assertThat(transfer.status()).isEqualTo(TransferState.PENDING);
        assertThat(transfer.beginSending(Money.of(97_975, "EUR"), 0, "acct_1", "ch_1", NOW))
                .endsWith("-2");
    }

    @Test
    void aSendBeforePaymentIsRefused() {
        Transfer transfer = transferOf(request());
        assertThatThrownBy(() -> transfer.beginSending(Money.of(1, "EUR"), 0, "acct_1", "ch_1", NOW))
                .isInstanceOf(IllegalStateException.class);
    }
}

package io.freightgate.transfers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.kernel.Money;
import io.freightgate.transfers.TransferHoldReason;
import io.freightgate.transfers.internal.domain.ReleasePolicy.Wait;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleasePolicyTests {

    static final Money SHARE = Money.of(97_475, "EUR");

    static ReleasePolicy.Facts releasable() {
        return new ReleasePolicy.Facts(
                TransferState.PENDING,
                PaymentRequestStatus.PAID,
                true,
                new ReleasePolicy.Delivery.Confirmed(),
                false,
                true,
                true,
                Set.of(),
                SHARE);
    }

    static final ReleasePolicy.Delivery NO_POSITION =
            new ReleasePolicy.Delivery.AwaitsSecondSignal("the proof of delivery has no position");

    static ReleasePolicy.Facts with(
            TransferState state,
            PaymentRequestStatus request,
            boolean screening,
            boolean delivery,
            boolean trusted,
            boolean payout,
            boolean verified,
            Set<TransferHoldReason> holds,
            Money share) {
        return new ReleasePolicy.Facts(
                state,
                request,
                screening,
                delivery ? new ReleasePolicy.Delivery.Confirmed() : new ReleasePolicy.Delivery.NotConfirmed(),
                trusted,
                payout,
                verified,
                holds,
                share);
    }

    static ReleasePolicy.Facts paidWith(ReleasePolicy.Delivery delivery, PaymentRequestStatus request) {
        return new ReleasePolicy.Facts(
                request == PaymentRequestStatus.PAYMENT_PENDING
                        ? TransferState.AWAITING_PAYMENT
                        : TransferState.PENDING,
                request,
                true,
                delivery,
                false,
                true,
                true,
                Set.of(),
                SHARE);
    }

    @Test
    void theCarriersUnplacedProofAloneWaitsForASecondDeliverySignalAndNamesWhatItLacks() {
        var decision = ReleasePolicy.decide(paidWith(NO_POSITION, PaymentRequestStatus.PAID));

        assertThat(decision).isInstanceOfSatisfying(ReleasePolicy.Hold.class, hold -> {
            assertThat(hold.reasons()).containsExactly(Wait.SECOND_DELIVERY_SIGNAL);
            assertThat(hold.deliveryWait()).hasValueSatisfying(wait -> assertThat(wait)
                    .startsWith("waits for a second delivery signal")
                    .endsWith(": the proof of delivery has no position"));
        });
    }

    @Test
    void aSecondSignalReleasesWhatWeakEvidenceHeld() {
        assertThat(ReleasePolicy.decide(paidWith(new ReleasePolicy.Delivery.Confirmed(), PaymentRequestStatus.PAID)))
                .isEqualTo(new ReleasePolicy.Release(SHARE));
    }

    @Test
    void weakEvidenceIsNamedAmongEveryOtherWait() {
        var facts = new ReleasePolicy.Facts(
                TransferState.PENDING,
                PaymentRequestStatus.PAID,
                false,
                new ReleasePolicy.Delivery.AwaitsSecondSignal("the proof of delivery is dated in the future"),
                false,
                true,
                false,
                Set.of(),
                SHARE);

        assertThat(ReleasePolicy.decide(facts))
                .isEqualTo(new ReleasePolicy.Hold(
                        java.util.List.of(
                                Wait.SCREENING_REVIEW, Wait.SECOND_DELIVERY_SIGNAL, Wait.CARRIER_NOT_VERIFIED),
                        java.util.Optional.of("waits for a second delivery signal (the shipper's confirmation, a"
                                + " telematics arrival at the consignee or a platform release): the proof of delivery"
                                + " is dated in the future")));
    }

    @Test
    void aSepaDebitNotYetSettledIsNotReleasedWhateverProvesTheDelivery() {
        for (ReleasePolicy.Delivery delivery : java.util.List.of(new ReleasePolicy.Delivery.Confirmed(), NO_POSITION)) {
            var pendingTransfer = paidWith(delivery, PaymentRequestStatus.PAYMENT_PENDING);
            var waitingTransfer = new ReleasePolicy.Facts(
                    TransferState.PENDING,
                    PaymentRequestStatus.PAYMENT_PENDING,
                    true,
                    delivery,
                    true,
                    true,
                    true,
                    Set.of(),
                    SHARE);

            assertThat(ReleasePolicy.decide(pendingTransfer))
                    .as("%s while the debit is processing", delivery)
                    .isInstanceOfSatisfying(ReleasePolicy.Hold.class, hold -> assertThat(hold.reasons())
                            .contains(Wait.AWAITING_PAYMENT));
            assertThat(ReleasePolicy.decide(waitingTransfer))
                    .as("%s, trusted carrier, while the debit is processing", delivery)
                    .isEqualTo(new ReleasePolicy.Hold(java.util.List.of(Wait.AWAITING_PAYMENT)));
        }
        assertThat(ReleasePolicy.decide(paidWith(new ReleasePolicy.Delivery.Confirmed(), PaymentRequestStatus.PAID)))
                .as("settled")
                .isEqualTo(new ReleasePolicy.Release(SHARE));
    }

    @Test
    void releasesTheShareWhenEveryConditionIsMet() {
        assertThat(ReleasePolicy.decide(releasable())).isEqualTo(new ReleasePolicy.Release(SHARE));
    }

    @Test
    void waitsForDeliveryUnlessTheCarrierIsTrusted() {
        var undelivered =
                with(TransferState.PENDING, PaymentRequestStatus.PAID, true, false, false, true, true, Set.of(), SHARE);
        assertThat(ReleasePolicy.decide(undelivered))
                .isEqualTo(new ReleasePolicy.Hold(java.util.List.of(Wait.DELIVERY_NOT_CONFIRMED)));
        var trusted =
                with(TransferState.PENDING, PaymentRequestStatus.PAID, true, false, true, true, true, Set.of(), SHARE);
        assertThat(ReleasePolicy.decide(trusted)).isEqualTo(new ReleasePolicy.Release(SHARE));
    }

    @Test
    void waitsWhileASepaDebitIsStillProcessingOrThePaymentIsDisputed() {
        var processing = with(
                TransferState.AWAITING_PAYMENT,
                PaymentRequestStatus.PAYMENT_PENDING,
                true,
                true,
                false,
                true,
                true,
                Set.of(),
                SHARE);
        assertThat(ReleasePolicy.decide(processing))
                .isEqualTo(new ReleasePolicy.Hold(java.util.List.of(Wait.AWAITING_PAYMENT)));
        var disputed = with(
                TransferState.PENDING,
                PaymentRequestStatus.DISPUTED,
                true,
                true,
                false,
                true,
                true,
                Set.of(TransferHoldReason.DISPUTE),
                SHARE);
        assertThat(ReleasePolicy.decide(disputed))
                .isEqualTo(new ReleasePolicy.Hold(java.util.List.of(Wait.DISPUTED, Wait.HELD)));
    }

    @Test
    void namesEveryUnmetConditionAtOnce() {
        var everything = with(
                TransferState.PENDING,
                PaymentRequestStatus.PAID,
                false,
                false,
                false,
                false,
                false,
                Set.of(TransferHoldReason.MANUAL),
                SHARE);
        assertThat(ReleasePolicy.decide(everything))
                .isEqualTo(new ReleasePolicy.Hold(java.util.List.of(
                        Wait.SCREENING_REVIEW,
                        Wait.DELIVERY_NOT_CONFIRMED,
                        Wait.PAYOUT_ACCOUNT_NOT_READY,
                        Wait.CARRIER_NOT_VERIFIED,
                        Wait.HELD)));
    }

    @Test
    void anUnverifiedCarrierOrOneWithoutAnActivePayoutAccountGetsNothing() {
        var unverified =
                with(TransferState.PENDING, PaymentRequestStatus.PAID, true, true, true, true, false, Set.of(), SHARE);
        assertThat(ReleasePolicy.decide(unverified)).isInstanceOf(ReleasePolicy.Hold.class);
        var restricted =
                with(TransferState.FAILED, PaymentRequestStatus.PAID, true, true, true, false, true, Set.of(), SHARE);
        assertThat(ReleasePolicy.decide(restricted))
                .isEqualTo(new ReleasePolicy.Hold(java.util.List.of(Wait.PAYOUT_ACCOUNT_NOT_READY)));
    }

    @Test
    void aFullyRefundedRequestLeavesNothingToTransfer() {
        var refunded = with(
                TransferState.PENDING, PaymentRequestStatus.REFUNDED, true, true, false, true, true, Set.of(), SHARE);
        assertThat(ReleasePolicy.decide(refunded)).isInstanceOf(ReleasePolicy.NothingToTransfer.class);
        var eatenByFees = with(
                TransferState.PENDING,
                PaymentRequestStatus.PARTIALLY_REFUNDED,
                true,
                true,
                false,
                true,
                true,
                Set.of(),
                Money.of(0, "EUR"));
        assertThat(ReleasePolicy.decide(eatenByFees)).isInstanceOf(ReleasePolicy.NothingToTransfer.class);
    }

    @Test
    void aTransferAlreadySentOrOnItsWayIsNeverReleasedAgain() {
        for (TransferState state : new TransferState[] {
            TransferState.SENDING, TransferState.SENT, TransferState.REVERSING, TransferState.REVERSED
        }) {
            var facts = with(state, PaymentRequestStatus.PAID, true, true, true, true, true, Set.of(), SHARE);
            assertThat(ReleasePolicy.decide(facts))
                    .as(state.name())
                    .isEqualTo(new ReleasePolicy.Hold(java.util.List.of(Wait.NOT_WAITING_STATE)));
        }
    }
}

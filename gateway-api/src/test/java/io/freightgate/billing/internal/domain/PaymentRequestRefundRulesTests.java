package io.freightgate.billing.internal.domain;

import static io.freightgate.billing.internal.domain.PaymentRequestTests.open;
import static io.freightgate.billing.internal.domain.PaymentRequestTests.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The payment request's rules for refunds, disputes, the rate confirmation and the mails (split from
 * {@link PaymentRequestRulesTests}, whose instants and ids they share).
 */
class PaymentRequestRefundRulesTests {

    static final Instant NOW = PaymentRequestRulesTests.NOW;
    static final Instant LATER = PaymentRequestRulesTests.LATER;

    static final PaymentRequestId ID = PaymentRequestRulesTests.ID;
    static final UUID CARRIER = PaymentRequestRulesTests.CARRIER;
    static final UUID SHIPPER = PaymentRequestRulesTests.SHIPPER;
    static final UUID LOAD = PaymentRequestRulesTests.LOAD;

    // --- refunds and disputes

    @Test
    void aRefundOnAnUnpaidRequestSaysThereIsNothingToRefund() {
        PaymentRequest request = open(false);

        assertThatThrownBy(() -> request.reserveRefund(1, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Payment request " + request.id() + " is OPEN; nothing to refund");
    }

    @Test
    void aRefundBeyondWhatIsLeftNamesWhatIsLeft() {
        PaymentRequest request = paid(10_000);
        request.reserveRefund(4_000, NOW);

        assertThatThrownBy(() -> request.reserveRefund(6_001, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The refund exceeds what is left to refund (6000 minor units of EUR)");
        assertThatThrownBy(() -> request.reserveRefund(-1, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The refund amount must be positive");
        assertThat(request.amountRefundedMinor()).isEqualTo(4_000);
        assertThat(request.refundableMinor()).isEqualTo(6_000);
    }

    @Test
    void aRefundedRequestCanStillBeDisputedButNotTwice() {
        PaymentRequest request = paid(10_000);
        request.reserveRefund(10_000, NOW);

        assertThat(request.disputed(LATER)).isTrue();
        assertThat(request.status()).isEqualTo(PaymentRequestState.DISPUTED);
        assertThat(request.updatedAt()).isEqualTo(LATER);
        assertThat(request.disputed(LATER)).as("already disputed").isFalse();
    }

    @Test
    void aRequestThatReceivedNoMoneyCannotBeDisputed() {
        PaymentRequest open = open(false);
        assertThat(open.disputed(LATER)).isFalse();
        assertThat(open.status()).isEqualTo(PaymentRequestState.OPEN);

        PaymentRequest canceled = open(false);
        canceled.cancel(NOW);
        assertThat(canceled.disputed(LATER)).isFalse();
        assertThat(canceled.status()).isEqualTo(PaymentRequestState.CANCELED);
    }

    @Test
    void aWonDisputeRestoresTheRefundStateTheRequestHadBefore() {
        PaymentRequest refunded = paid(10_000);
        refunded.reserveRefund(10_000, NOW);
        refunded.disputed(NOW);
        assertThat(refunded.disputeWon(LATER)).isTrue();
        assertThat(refunded.status()).isEqualTo(PaymentRequestState.REFUNDED);
        assertThat(refunded.updatedAt()).isEqualTo(LATER);

        PaymentRequest partly = paid(10_000);
        partly.reserveRefund(2_500, NOW);
        partly.disputed(NOW);
        assertThat(partly.disputeWon(LATER)).isTrue();
        assertThat(partly.status()).isEqualTo(PaymentRequestState.PARTIALLY_REFUNDED);
        assertThat(partly.refundableMinor()).isEqualTo(7_500);
    }

    @Test
    void onlyADisputedRequestCanWinADispute() {
        PaymentRequest request = paid(10_000);

        assertThat(request.disputeWon(LATER)).isFalse();
        assertThat(request.status()).isEqualTo(PaymentRequestState.PAID);
        assertThat(request.updatedAt()).isEqualTo(NOW);
    }

    // --- rate confirmation and notifications

    @Test
    void aRateConfirmationIsAttachedToALiveRequestButNotToACanceledOne() {
        PaymentRequest request = open(false);
        UUID document = UUID.randomUUID();
        request.attachRateConfirmation(document, LATER);
        assertThat(request.rateConfirmationId()).contains(document);
        assertThat(request.updatedAt()).isEqualTo(LATER);

        PaymentRequest canceled = open(false);
        canceled.cancel(NOW);
        assertThatThrownBy(() -> canceled.attachRateConfirmation(UUID.randomUUID(), LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Payment request " + canceled.id() + " is canceled");
        assertThat(canceled.rateConfirmationId()).isEmpty();
    }

    @Test
    void eachMailToTheShipperIsRecordedOnceSent() {
        PaymentRequest request = open(false);
        assertThat(request.notifiedAt()).isEmpty();

        request.notified(NOW.plusSeconds(1));
        request.remindedBeforeDue(NOW.plusSeconds(2));
        request.remindedOverdue(NOW.plusSeconds(3));
        request.expiryAlerted(NOW.plusSeconds(4));

        assertThat(request.notifiedAt()).contains(NOW.plusSeconds(1));
        assertThat(request.reminderBeforeSentAt()).contains(NOW.plusSeconds(2));
        assertThat(request.reminderOverdueSentAt()).contains(NOW.plusSeconds(3));
        assertThat(request.expiryAlertedAt()).contains(NOW.plusSeconds(4));
    }
}

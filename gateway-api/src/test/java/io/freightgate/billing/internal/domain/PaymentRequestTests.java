package io.freightgate.billing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payment request's state machine, refund reservations and the billing limits. */
class PaymentRequestTests {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aCardPaymentMovesFromOpenThroughPendingToPaidOnceOnly() {
        PaymentRequest request = open(false);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        assertThat(request.beginAttempt(attempt, "CARD", NOW)).isEqualTo(1);
        assertThat(request.status()).isEqualTo(PaymentRequestState.PAYMENT_PENDING);
        assertThatThrownBy(() -> request.beginAttempt(PaymentAttemptId.random(), "CARD", NOW))
                .isInstanceOf(IllegalStateException.class);

        assertThat(request.apply(attempt, intent("requires_action", 0, Optional.empty()), false, NOW))
                .isEqualTo(PaymentRequest.Change.PENDING);
        assertThat(request.apply(attempt, intent("succeeded", 10_000, Optional.empty()), false, NOW))
                .isEqualTo(PaymentRequest.Change.PAID);
        assertThat(request.apply(attempt, intent("succeeded", 10_000, Optional.empty()), false, NOW))
                .as("the same snapshot again")
                .isEqualTo(PaymentRequest.Change.NONE);
        assertThat(request.status()).isEqualTo(PaymentRequestState.PAID);
        assertThat(request.amountPaidMinor()).isEqualTo(10_000);
        assertThat(request.reclaimableUntil()).isEmpty();
    }

    @Test
    void aSnapshotOfAnOlderAttemptDoesNotTouchTheRequest() {
        PaymentRequest request = open(false);
        PaymentAttemptId first = PaymentAttemptId.random();
        request.beginAttempt(first, "CARD", NOW);
        assertThat(request.attemptFailed(first, NOW)).isTrue();
        PaymentAttemptId second = PaymentAttemptId.random();
        request.beginAttempt(second, "CARD", NOW);

        assertThat(request.apply(first, intent("succeeded", 10_000, Optional.empty()), false, NOW))
                .isEqualTo(PaymentRequest.Change.NONE);
        assertThat(request.status()).isEqualTo(PaymentRequestState.PAYMENT_PENDING);
        assertThat(request.attemptFailed(first, NOW)).as("a stale failure").isFalse();
    }

    @Test
    void theRequestNamesThePaymentIntentOfTheAttemptThatPaidNotOfADeclinedOne() {
        PaymentRequest request = open(false);
        PaymentAttemptId declined = PaymentAttemptId.random();
        request.beginAttempt(declined, "CARD", NOW);
        var failed = declined("pi_declined");
        assertThat(request.apply(declined, failed, false, NOW)).isEqualTo(PaymentRequest.Change.FAILED);
        PaymentAttemptId paying = PaymentAttemptId.random();
        request.beginAttempt(paying, "CARD", NOW);

        assertThat(request.apply(paying, intent("succeeded", 10_000, Optional.empty()), false, NOW))
                .isEqualTo(PaymentRequest.Change.PAID);

        assertThat(request.stripePaymentIntentId()).contains("pi_1");
    }

    @Test
    void aFailedDebitReopensAndASettledOneIsReclaimableForEightWeeks() {
        PaymentRequest failing = open(false);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        failing.beginAttempt(attempt, "SEPA_DEBIT", NOW);
        var failed = declined("pi_1");
        assertThat(failing.apply(attempt, failed, true, NOW)).isEqualTo(PaymentRequest.Change.FAILED);
        assertThat(failing.status()).isEqualTo(PaymentRequestState.OPEN);

        PaymentRequest settling = open(false);
        PaymentAttemptId debit = PaymentAttemptId.random();
        settling.beginAttempt(debit, "SEPA_DEBIT", NOW);
        settling.apply(debit, intent("processing", 0, Optional.empty()), true, NOW);
        settling.apply(debit, intent("succeeded", 10_000, Optional.empty()), true, NOW);
        assertThat(settling.reclaimableUntil()).contains(NOW.plus(56, ChronoUnit.DAYS));
    }

    @Test
    void anAuthorizationIsCapturedOrReleased() {
        PaymentRequest request = open(true);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "CARD", NOW);
        Instant captureBefore = NOW.plus(7, ChronoUnit.DAYS);
        assertThat(request.apply(attempt, intent("requires_capture", 0, Optional.of(captureBefore)), false, NOW))
                .isEqualTo(PaymentRequest.Change.AUTHORIZED);
        assertThat(request.captureBefore()).contains(captureBefore);
        assertThat(request.apply(attempt, intent("canceled", 0, Optional.empty()), false, NOW))
                .isEqualTo(PaymentRequest.Change.AUTHORIZATION_RELEASED);
        assertThat(request.status()).isEqualTo(PaymentRequestState.OPEN);
        assertThat(request.captureBefore()).isEmpty();
    }

    @Test
    void refundsAreReservedNeverBeyondWhatWasPaidAndNeverOnDisputes() {
        PaymentRequest request = paid(10_000);
        assertThatThrownBy(() -> request.reserveRefund(10_001, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request.reserveRefund(0, NOW)).isInstanceOf(IllegalArgumentException.class);
        request.reserveRefund(4_000, NOW);
        assertThat(request.status()).isEqualTo(PaymentRequestState.PARTIALLY_REFUNDED);
        assertThat(request.refundableMinor()).isEqualTo(6_000);
        request.reserveRefund(6_000, NOW);
        assertThat(request.status()).isEqualTo(PaymentRequestState.REFUNDED);
        request.releaseRefund(6_000, NOW);
        assertThat(request.status()).isEqualTo(PaymentRequestState.PARTIALLY_REFUNDED);

        PaymentRequest disputed = paid(10_000);
        assertThat(disputed.disputed(NOW)).isTrue();
        assertThatThrownBy(() -> disputed.reserveRefund(1_000, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disputed");
        assertThat(disputed.disputeWon(NOW)).isTrue();
        assertThat(disputed.status()).isEqualTo(PaymentRequestState.PAID);

        assertThatThrownBy(() -> open(false).reserveRefund(1, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPartialRefundThatFailsMakesItsAmountRefundableAgainAndTheRequestPaid() {
        PaymentRequest request = paid(10_000);
        request.reserveRefund(4_000, NOW);
        assertThat(request.status()).isEqualTo(PaymentRequestState.PARTIALLY_REFUNDED);

        request.releaseRefund(4_000, NOW.plusSeconds(60));

        assertThat(request.status()).isEqualTo(PaymentRequestState.PAID);
        assertThat(request.amountRefundedMinor()).isZero();
        assertThat(request.refundableMinor()).isEqualTo(10_000);
        assertThat(request.updatedAt()).isEqualTo(NOW.plusSeconds(60));

        request.reserveRefund(3_000, NOW);
        request.reserveRefund(2_000, NOW);
        request.releaseRefund(2_000, NOW);
        assertThat(request.status())
                .as("one of two partial refunds failed")
                .isEqualTo(PaymentRequestState.PARTIALLY_REFUNDED);
        assertThat(request.refundableMinor()).isEqualTo(7_000);

        request.releaseRefund(9_000, NOW);
        assertThat(request.amountRefundedMinor()).as("never below zero").isZero();
        assertThat(request.status()).isEqualTo(PaymentRequestState.PAID);
    }

    @Test
    void onlyOpenOrAuthorizedRequestsCanBeCanceled() {
        PaymentRequest request = open(false);
        request.cancel(NOW);
        assertThat(request.status()).isEqualTo(PaymentRequestState.CANCELED);
        assertThatThrownBy(() -> request.beginAttempt(PaymentAttemptId.random(), "CARD", NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> paid(5_000).cancel(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void billingLimitsFollowEachCurrency() {
        assertThat(PaymentCurrencies.problemWith(Money.of(50, "EUR"))).isEmpty();
        assertThat(PaymentCurrencies.problemWith(Money.of(49, "EUR")))
                .get()
                .asString()
                .contains("minimum");
        assertThat(PaymentCurrencies.problemWith(Money.of(17_500, "HUF"))).isEmpty();
        assertThat(PaymentCurrencies.problemWith(Money.of(100_000_000, "EUR")))
                .get()
                .asString()
                .contains("maximum");
        assertThat(PaymentCurrencies.problemWith(Money.of(1_000, "JPY")))
                .get()
                .asString()
                .contains("not supported");
        assertThat(PaymentCurrencies.sepaSupported(java.util.Currency.getInstance("EUR")))
                .isTrue();
        assertThat(PaymentCurrencies.sepaSupported(java.util.Currency.getInstance("PLN")))
                .isFalse();
    }

    @Test
    void theStatementDescriptorSuffixCarriesTheLoadReferenceWithinStripesRules() {
        assertThat(StripePayments.statementDescriptorSuffix("ld-4711")).isEqualTo("LOAD LD-4711");
        assertThat(StripePayments.statementDescriptorSuffix("<b>\"x'*9</b>")).isEqualTo("LOAD BX9B");
        assertThat(StripePayments.statementDescriptorSuffix("HAMBURG-LYON-2026-12-0000042"))
                .hasSizeLessThanOrEqualTo(22)
                .startsWith("LOAD HAMBURG");
    }

    static PaymentRequest paid(long amount) {
        PaymentRequest request = open(false);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "CARD", NOW);
        request.apply(attempt, intent("succeeded", amount, Optional.empty()), false, NOW);
        return request;
    }

    static PaymentRequest open(boolean captureOnDelivery) {
        return PaymentRequest.open(
                PaymentRequestId.random(),
                UUID.randomUUID(),
                new PaymentRequest.Details(
                        UUID.randomUUID(),
                        "LD-1",
                        Optional.empty(),
                        "Hamburg",
                        "Lyon",
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 2),
                        LocalDate.of(2026, 12, 16),
                        Optional.empty(),
                        Optional.empty(),
                        10_000,
                        "EUR",
                        captureOnDelivery),
                "hash",
                "test",
                NOW);
    }

    /** A PaymentIntent whose payment the bank declined. */
    private static PaymentIntentSnapshot declined(String id) {
        return new PaymentIntentSnapshot(
                id,
                "requires_payment_method",
                10_000,
                0,
                0,
                "EUR",
                Optional.empty(),
                Optional.empty(),
                Optional.of("insufficient_funds"),
                Optional.of("declined"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static PaymentIntentSnapshot intent(String status, long received, Optional<Instant> captureBefore) {
        return new PaymentIntentSnapshot(
                "pi_1",
                status,
                10_000,
                received,
                0,
                "EUR",
                Optional.of("ch_1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                captureBefore,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}

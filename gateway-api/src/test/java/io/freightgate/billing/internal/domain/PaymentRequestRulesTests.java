package io.freightgate.billing.internal.domain;

import static io.freightgate.billing.internal.domain.PaymentRequestTests.intent;
import static io.freightgate.billing.internal.domain.PaymentRequestTests.open;
import static io.freightgate.billing.internal.domain.PaymentRequestTests.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.transfers.internal.domain.FeePolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The payment request's rules beyond the happy path: the payment link, attempts, Stripe snapshots that change nothing,
 * cancellation, disputes and the records a carrier's details leave; plus the billing limits' and fee terms' edges.
 */
class PaymentRequestRulesTests {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3_600);

    static final PaymentRequestId ID = PaymentRequestId.of("00000000-0000-0000-0000-0000000000a1");
    static final UUID CARRIER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID SHIPPER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID LOAD = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

    // --- opening

    @Test
    void anOpenedRequestKeepsTheCarriersDetailsAndStartsOpenWithoutAnyPayment() {
        PaymentRequest request = PaymentRequest.open(
                ID,
                CARRIER,
                new PaymentRequest.Details(
                        SHIPPER,
                        "LD-4711",
                        Optional.of(LOAD),
                        "Hamburg",
                        "Lyon",
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 2),
                        LocalDate.of(2026, 12, 16),
                        Optional.of("14 days net"),
                        Optional.of("Steel coils"),
                        125_000,
                        "EUR",
                        true),
                "token-hash",
                "carrier-user",
                NOW);

        assertThat(request.id()).isEqualTo(ID);
        assertThat(request.tenantId()).as("owned by the carrier").isEqualTo(CARRIER);
        assertThat(request.shipperId()).isEqualTo(SHIPPER);
        assertThat(request.loadReference()).isEqualTo("LD-4711");
        assertThat(request.loadId()).contains(LOAD);
        assertThat(request.origin()).isEqualTo("Hamburg");
        assertThat(request.destination()).isEqualTo("Lyon");
        assertThat(request.pickupDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(request.deliveryDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(request.terms()).contains("14 days net");
        assertThat(request.description()).contains("Steel coils");
        assertThat(request.amountMinor()).isEqualTo(125_000);
        assertThat(request.currency()).isEqualTo("EUR");
        assertThat(request.captureOnDelivery()).isTrue();
        assertThat(request.payTokenHash()).isEqualTo("token-hash");
        assertThat(request.createdBy()).isEqualTo("carrier-user");
        assertThat(request.createdAt()).isEqualTo(NOW);
        assertThat(request.updatedAt()).isEqualTo(NOW);

        assertThat(request.status()).isEqualTo(PaymentRequestState.OPEN);
        assertThat(request.attemptCount()).isZero();
        assertThat(request.currentAttemptId()).isEmpty();
        assertThat(request.amountPaidMinor()).isZero();
        assertThat(request.amountRefundedMinor()).isZero();
        assertThat(request.paidAt()).isEmpty();
        assertThat(request.canceledAt()).isEmpty();
        assertThat(request.paymentLinkExpiresAt()).isEmpty();
    }

    @Test
    void aRequestCapturedAtOnceHasNoLoadTermsOrDescriptionWhenTheCarrierGaveNone() {
        PaymentRequest request = open(false);

        assertThat(request.captureOnDelivery()).isFalse();
        assertThat(request.loadId()).isEmpty();
        assertThat(request.terms()).isEmpty();
        assertThat(request.description()).isEmpty();
    }

    // --- the payment link

    @Test
    void anIssuedLinkOpensTheRequestUntilItExpiresAndReplacesTheTokenHash() {
        PaymentRequest request = open(false);
        Instant expires = NOW.plus(14, ChronoUnit.DAYS);
        byte[] ciphertext = {1, 2, 3};

        request.issuePaymentLink("new-hash", ciphertext, expires, LATER);
        ciphertext[0] = 9;

        assertThat(request.payTokenHash()).isEqualTo("new-hash");
        assertThat(request.paymentLinkExpiresAt()).contains(expires);
        assertThat(request.updatedAt()).isEqualTo(LATER);
        assertThat(request.paymentLinkEnded(LATER)).isEmpty();
        assertThat(request.currentPaymentToken(LATER))
                .as("a copy of the token as issued")
                .hasValueSatisfying(token -> assertThat(token).containsExactly(1, 2, 3));
        assertThat(request.paymentLinkEnded(expires.minusMillis(1))).isEmpty();

        assertThat(request.paymentLinkEnded(expires))
                .as("at the expiry instant the link is over")
                .get()
                .asString()
                .contains("expired");
        assertThat(request.currentPaymentToken(expires)).isEmpty();
        assertThat(request.currentPaymentToken(expires.plusSeconds(1))).isEmpty();
    }

    @Test
    void aRequestWithoutALinkHasNoTokenAndItsLinkCountsAsExpired() {
        PaymentRequest request = open(false);

        assertThat(request.currentPaymentToken(NOW)).isEmpty();
        assertThat(request.paymentLinkEnded(NOW))
                .contains("This payment link expired and is no longer valid. Ask the carrier for a new link.");
    }

    @Test
    void aCanceledRequestsLinkEndsEvenBeforeItExpires() {
        PaymentRequest request = open(false);
        request.issuePaymentLink("h", new byte[] {7}, NOW.plus(14, ChronoUnit.DAYS), NOW);

        request.cancel(LATER);

        assertThat(request.paymentLinkEnded(LATER))
                .contains("This payment request was cancelled by the carrier, so this link is no longer valid.");
    }

    @Test
    void aLinkIsIssuedOnlyWhileTheRequestIsOpen() {
        PaymentRequest pending = open(false);
        pending.beginAttempt(PaymentAttemptId.random(), "CARD", NOW);

        assertThatThrownBy(() -> pending.issuePaymentLink("h", new byte[] {1}, LATER, LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAYMENT_PENDING")
                .hasMessageContaining("a payment link is issued only while it is open");
        assertThat(pending.payTokenHash()).isEqualTo("hash");
        assertThat(pending.paymentLinkExpiresAt()).isEmpty();
    }

    // --- attempts and Stripe's snapshots

    @Test
    void everyAttemptIsCountedAndBecomesTheCurrentOne() {
        PaymentRequest request = open(false);
        PaymentAttemptId first = PaymentAttemptId.random();
        assertThat(request.beginAttempt(first, "CARD", NOW)).isEqualTo(1);
        assertThat(request.currentAttemptId()).contains(first);
        assertThat(request.paymentMethodType()).contains("CARD");
        assertThat(request.attemptFailed(first, LATER)).isTrue();
        assertThat(request.updatedAt()).isEqualTo(LATER);

        PaymentAttemptId second = PaymentAttemptId.random();
        assertThat(request.beginAttempt(second, "SEPA_DEBIT", NOW)).isEqualTo(2);
        assertThat(request.attemptCount()).isEqualTo(2);
        assertThat(request.currentAttemptId()).contains(second);
        assertThat(request.paymentMethodType()).contains("SEPA_DEBIT");
    }

    @Test
    void aPendingAttemptCannotBeStartedOverAndNamesTheState() {
        PaymentRequest request = open(false);
        request.beginAttempt(PaymentAttemptId.random(), "CARD", NOW);

        assertThatThrownBy(() -> request.beginAttempt(PaymentAttemptId.random(), "CARD", NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Payment request " + request.id() + " is PAYMENT_PENDING and cannot be paid");
        assertThat(request.attemptCount()).isEqualTo(1);
    }

    @Test
    void aPaidAttemptRecordsItsChargeAndWhenItWasPaid() {
        PaymentRequest request = open(false);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "CARD", NOW);

        assertThat(request.apply(attempt, intent("succeeded", 10_000, Optional.empty()), false, LATER))
                .isEqualTo(PaymentRequest.Change.PAID);

        assertThat(request.stripeChargeId()).contains("ch_1");
        assertThat(request.paidAt()).contains(LATER);
        assertThat(request.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aProcessingDebitKeepsTheRequestPendingAndIsRecordedAsAChange() {
        PaymentRequest request = open(false);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "SEPA_DEBIT", NOW);

        assertThat(request.apply(attempt, intent("processing", 0, Optional.empty()), true, LATER))
                .isEqualTo(PaymentRequest.Change.PENDING);

        assertThat(request.status()).isEqualTo(PaymentRequestState.PAYMENT_PENDING);
        assertThat(request.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void anIntentWaitingForAPaymentMethodWithoutAnErrorChangesNothing() {
        PaymentRequest request = open(false);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "CARD", NOW);

        assertThat(request.apply(attempt, intent("requires_payment_method", 0, Optional.empty()), false, LATER))
                .isEqualTo(PaymentRequest.Change.NONE);

        assertThat(request.status()).isEqualTo(PaymentRequestState.PAYMENT_PENDING);
        assertThat(request.updatedAt()).as("nothing changed").isEqualTo(NOW);
    }

    @Test
    void aPendingAttemptWhoseIntentWasCanceledFailsAndReopensTheRequest() {
        PaymentRequest request = open(false);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "CARD", NOW);

        assertThat(request.apply(attempt, intent("canceled", 0, Optional.empty()), false, LATER))
                .isEqualTo(PaymentRequest.Change.FAILED);

        assertThat(request.status()).isEqualTo(PaymentRequestState.OPEN);
        assertThat(request.updatedAt()).isEqualTo(LATER);
        assertThat(request.apply(attempt, intent("canceled", 0, Optional.empty()), false, LATER.plusSeconds(1)))
                .as("the same cancellation again")
                .isEqualTo(PaymentRequest.Change.NONE);
        assertThat(request.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aProcessingSnapshotArrivingAfterThePaymentChangesNothing() {
        PaymentRequest request = paid(10_000);

        assertThat(request.apply(
                        request.currentAttemptId().orElseThrow(),
                        intent("processing", 0, Optional.empty()),
                        false,
                        LATER))
                .isEqualTo(PaymentRequest.Change.NONE);

        assertThat(request.status()).isEqualTo(PaymentRequestState.PAID);
        assertThat(request.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aFailureOfAnAttemptThatIsNoLongerPendingChangesNothing() {
        PaymentRequest request = paid(10_000);

        assertThat(request.attemptFailed(request.currentAttemptId().orElseThrow(), LATER))
                .isFalse();

        assertThat(request.status()).isEqualTo(PaymentRequestState.PAID);
    }

    // --- cancellation

    @Test
    void aCanceledRequestRecordsWhenAndCanNoLongerBePaid() {
        PaymentRequest request = open(false);

        request.cancel(LATER);

        assertThat(request.status()).isEqualTo(PaymentRequestState.CANCELED);
        assertThat(request.canceledAt()).contains(LATER);
        assertThat(request.updatedAt()).isEqualTo(LATER);
        assertThatThrownBy(() -> request.cancel(LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Payment request " + request.id() + " is CANCELED and cannot be canceled");
    }

    @Test
    void cancelingAnAuthorizedRequestDropsItsCaptureDeadline() {
        PaymentRequest request = open(true);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "CARD", NOW);
        request.apply(attempt, intent("requires_capture", 0, Optional.of(NOW.plus(7, ChronoUnit.DAYS))), false, NOW);

        request.cancel(LATER);

        assertThat(request.status()).isEqualTo(PaymentRequestState.CANCELED);
        assertThat(request.captureBefore()).isEmpty();
    }

    @Test
    void aPendingRequestCannotBeCanceled() {
        PaymentRequest request = open(false);
        request.beginAttempt(PaymentAttemptId.random(), "CARD", NOW);

        assertThatThrownBy(() -> request.cancel(LATER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAYMENT_PENDING");
    }

    // --- the states

    @Test
    void onlyAnOpenRequestIsPayableAndOnlyAPaidOrPartlyRefundedOneIsRefundable() {
        assertThat(Arrays.stream(PaymentRequestState.values()).filter(PaymentRequestState::payable))
                .containsExactly(PaymentRequestState.OPEN);
        assertThat(Arrays.stream(PaymentRequestState.values()).filter(PaymentRequestState::refundable))
                .containsExactly(PaymentRequestState.PAID, PaymentRequestState.PARTIALLY_REFUNDED);
    }

    // --- billing limits and fee terms

    @Test
    void cardsAreSupportedInTheListedCurrenciesOnly() {
        assertThat(PaymentCurrencies.cardSupported(Currency.getInstance("EUR"))).isTrue();
        assertThat(PaymentCurrencies.cardSupported(Currency.getInstance("BGN"))).isTrue();
        assertThat(PaymentCurrencies.cardSupported(Currency.getInstance("JPY"))).isFalse();
    }

    @Test
    void aZeroOrNegativeAmountIsRefusedAsNotPositive() {
        assertThat(PaymentCurrencies.problemWith(Money.of(0, "EUR"))).contains("The amount must be positive");
        assertThat(PaymentCurrencies.problemWith(Money.of(-100, "EUR"))).contains("The amount must be positive");
    }

    @Test
    void theMaximumItselfCanBeBilledAndTheLimitsAreNamedInTheCurrency() {
        assertThat(PaymentCurrencies.problemWith(Money.of(PaymentCurrencies.MAXIMUM_MINOR, "EUR")))
                .isEmpty();
        assertThat(PaymentCurrencies.problemWith(Money.of(PaymentCurrencies.MAXIMUM_MINOR + 1, "EUR")))
                .contains("The amount exceeds the maximum of 999999.99 EUR");
        assertThat(PaymentCurrencies.problemWith(Money.of(29, "GBP")))
                .contains("The amount is below the minimum of 0.30 GBP");
        assertThat(PaymentCurrencies.problemWith(Money.of(1_000, "JPY")))
                .contains("Currency JPY is not supported; supported: "
                        + "[BGN, CHF, CZK, DKK, EUR, GBP, HUF, NOK, PLN, RON, SEK, USD]");
    }

    @Test
    void feeTermsRangeFromNothingToTheWholeAmount() {
        FeePolicy free = new FeePolicy(new FeePolicy.Terms(0, 0), Map.of());
        assertThat(free.feeOn(Money.of(10_000, "EUR"))).isEqualTo(Money.of(0, "EUR"));

        FeePolicy everything = new FeePolicy(
                new FeePolicy.Terms(10_000, 0), Map.of(Currency.getInstance("EUR"), new FeePolicy.Terms(10_000, 0)));
        assertThat(everything.feeOn(Money.of(10_000, "EUR"))).isEqualTo(Money.of(10_000, "EUR"));

        assertThatThrownBy(() -> new FeePolicy.Terms(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A fee percentage is 0 to 10000 basis points, not -1");
        assertThatThrownBy(() -> new FeePolicy.Terms(10_001, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A fee percentage is 0 to 10000 basis points, not 10001");
    }
}

package io.freightgate.billing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.billing.internal.domain.PaymentAttempt.Mandate;
import io.freightgate.billing.internal.domain.PaymentAttempt.Method;
import io.freightgate.billing.internal.domain.PaymentAttempt.Verdict;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A payment attempt: what it records before Stripe is called, how screening, Stripe's answers, refusals and lost
 * answers settle its outcome, and how Stripe's PaymentIntent statuses are read.
 */
class PaymentAttemptTests {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(90);

    static final PaymentRequestId REQUEST = PaymentRequestId.of("00000000-0000-0000-0000-00000000a001");
    static final UUID CARRIER = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final UUID SHIPPER = UUID.fromString("00000000-0000-0000-0000-00000000d001");

    @Test
    void anAttemptRecordsEveryParameterOfItsCallAndAKeyDerivedFromItsRequestAndNumber() {
        PaymentAttemptId id = PaymentAttemptId.random();
        Instant accepted = NOW.minusSeconds(5);
        PaymentAttempt attempt = PaymentAttempt.begin(
                id,
                request(false),
                3,
                Method.SEPA_DEBIT,
                Optional.of("pm_sepa"),
                Optional.of("https://pay.example/return"),
                Optional.of(new Mandate("203.0.113.7", "Firefox/140", accepted)),
                "shipper@example.com",
                NOW);

        assertThat(attempt.id()).isEqualTo(id);
        assertThat(attempt.paymentRequestId()).isEqualTo(REQUEST);
        assertThat(attempt.tenantId()).isEqualTo(CARRIER);
        assertThat(attempt.shipperId()).isEqualTo(SHIPPER);
        assertThat(attempt.number()).isEqualTo(3);
        assertThat(attempt.method()).isEqualTo(Method.SEPA_DEBIT);
        assertThat(attempt.amountMinor()).isEqualTo(12_345);
        assertThat(attempt.currency()).isEqualTo("EUR");
        assertThat(attempt.stripePaymentMethodId()).contains("pm_sepa");
        assertThat(attempt.returnUrl()).contains("https://pay.example/return");
        assertThat(attempt.mandate()).contains(new Mandate("203.0.113.7", "Firefox/140", accepted));
        assertThat(attempt.idempotencyKey()).isEqualTo("fg-payment-request-" + REQUEST + "-attempt-3");
        assertThat(attempt.createdAt()).isEqualTo(NOW);
        assertThat(attempt.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyAnAuthorizationScreeningAllowedOrAReviewApprovedIsClearedForCapture() {
        PaymentAttempt attempt = card(false);
        assertThat(attempt.clearedForCapture()).as("never screened").isFalse();
        for (var verdict : PaymentAttempt.AuthorizationVerdict.values()) {
            attempt.authorizationScreened(verdict, NOW);
            assertThat(attempt.clearedForCapture())
                    .as(verdict.name())
                    .isEqualTo(verdict == PaymentAttempt.AuthorizationVerdict.ALLOW
                            || verdict == PaymentAttempt.AuthorizationVerdict.APPROVED);
        }
    }

    @Test
    void aNewAttemptIsAllowedAndPendingWithNothingFromStripeYet() {
        PaymentAttempt attempt = card(false);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(attempt.screeningVerdict()).isEqualTo(Verdict.ALLOW);
        assertThat(attempt.screeningReasons()).isEmpty();
        assertThat(attempt.stripePaymentMethodId()).isEmpty();
        assertThat(attempt.returnUrl()).isEmpty();
        assertThat(attempt.mandate()).as("a card payment has no mandate").isEmpty();
        assertThat(attempt.stripePaymentIntentId()).isEmpty();
        assertThat(attempt.stripeStatus()).isEmpty();
        assertThat(attempt.declineCode()).isEmpty();
        assertThat(attempt.failureMessage()).isEmpty();
        assertThat(attempt.callId()).as("no Stripe call recorded yet").isEmpty();
    }

    @Test
    void everyCardPaymentIsManuallyCapturedAndNoDebitIs() {
        // ADR 0013: every card is authorized first and captured after the Radar outcome was screened
        assertThat(card(true).manualCapture()).isTrue();
        assertThat(card(false).manualCapture()).isTrue();
        PaymentAttempt debit = PaymentAttempt.begin(
                PaymentAttemptId.random(),
                request(true),
                1,
                Method.SEPA_DEBIT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "shipper",
                NOW);
        assertThat(debit.manualCapture())
                .as("a SEPA debit cannot be authorized and captured later")
                .isFalse();
    }

    @Test
    void anAttemptBlockedByScreeningIsNeverAttempted() {
        PaymentAttempt attempt = card(false);

        attempt.screened(Verdict.BLOCK, "sanctioned country", LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.NOT_ATTEMPTED);
        assertThat(attempt.outcome().settled()).isTrue();
        assertThat(attempt.screeningVerdict()).isEqualTo(Verdict.BLOCK);
        assertThat(attempt.screeningReasons()).isEqualTo("sanctioned country");
        assertThat(attempt.failureMessage()).contains("Blocked by payment screening");
        assertThat(attempt.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void anAttemptScreenedForReviewStaysPendingWithItsReasons() {
        PaymentAttempt attempt = card(false);

        attempt.screened(Verdict.REVIEW, "new shipper, large amount", LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(attempt.screeningVerdict()).isEqualTo(Verdict.REVIEW);
        assertThat(attempt.screeningReasons()).isEqualTo("new shipper, large amount");
        assertThat(attempt.failureMessage()).isEmpty();
        assertThat(attempt.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aCardScreenedForThreeDSecureKeepsTheRequestTheFingerprintAndTheDecision() {
        PaymentAttempt attempt = card(false);
        UUID decision = UUID.randomUUID();

        attempt.screened(Verdict.REQUEST_3DS, "request_3ds rule", LATER);
        attempt.screenedWith(Optional.of("fp_card"), Optional.of(decision), LATER);

        assertThat(attempt.requestThreeDSecure()).isTrue();
        assertThat(attempt.cardFingerprint()).contains("fp_card");
        assertThat(attempt.screeningDecisionId()).contains(decision);
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(attempt.screeningVerdict().clears()).isTrue();
    }

    @Test
    void anAllowedOrSepaAttemptIsConfirmedWithoutThreeDSecureAndItsScreeningIsFixedOnceItsCallIsRecorded() {
        PaymentAttempt allowed = card(false);
        allowed.screened(Verdict.ALLOW, "", LATER);
        allowed.screenedWith(Optional.empty(), Optional.empty(), LATER);
        PaymentAttempt sepa = PaymentAttempt.begin(
                PaymentAttemptId.random(),
                request(false),
                2,
                Method.SEPA_DEBIT,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Mandate("203.0.113.7", "Firefox/140", NOW)),
                "shipper@example.com",
                NOW);
        sepa.screened(Verdict.REQUEST_3DS, "request_3ds rule", LATER);
        sepa.screenedWith(Optional.empty(), Optional.empty(), LATER);

        assertThat(allowed.requestThreeDSecure()).isFalse();
        assertThat(allowed.cardFingerprint()).isEmpty();
        assertThat(sepa.requestThreeDSecure()).as("3-D Secure is for cards").isFalse();
        assertThat(Verdict.REVIEW.clears()).isFalse();
        assertThat(Verdict.BLOCK.clears()).isFalse();

        allowed.sendingThrough(UUID.randomUUID());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> allowed.screenedWith(Optional.of("fp"), Optional.empty(), LATER))
                .isInstanceOf(IllegalStateException.class);
        assertThat(allowed.requestThreeDSecure()).isFalse();
    }

    @Test
    void aPaymentMethodCreatedForTheAttemptIsKeptForItsCall() {
        PaymentAttempt attempt = card(false);

        attempt.paymentMethodCreated("pm_created", LATER);

        assertThat(attempt.stripePaymentMethodId()).contains("pm_created");
        assertThat(attempt.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aSucceededPaymentIntentApprovesTheAttemptAndRecordsItsCharge() {
        PaymentAttempt attempt = card(false);

        attempt.observed(intent("succeeded", Optional.of("ch_1"), Optional.empty(), Optional.empty()), LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.APPROVED);
        assertThat(attempt.stripePaymentIntentId()).contains("pi_1");
        assertThat(attempt.stripeStatus()).contains("succeeded");
        assertThat(attempt.stripeChargeId()).contains("ch_1");
        assertThat(attempt.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void anAuthorizationAwaitingCaptureApprovesTheAttempt() {
        PaymentAttempt attempt = card(true);

        attempt.observed(intent("requires_capture", Optional.of("ch_1"), Optional.empty(), Optional.empty()), NOW);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.APPROVED);
        assertThat(attempt.stripeStatus()).contains("requires_capture");
    }

    @Test
    void aPaymentIntentStillProcessingLeavesTheAttemptPending() {
        PaymentAttempt attempt = card(false);

        attempt.observed(intent("processing", Optional.empty(), Optional.empty(), Optional.empty()), LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(attempt.stripeStatus()).contains("processing");
        assertThat(attempt.stripeChargeId()).isEmpty();
        assertThat(attempt.declineCode()).isEmpty();
    }

    @Test
    void aPaymentIntentAwaitingThreeDSecureKeepsTheUrlTheShipperMustVisit() {
        PaymentAttempt attempt = card(false);
        var challenge = new PaymentIntentSnapshot(
                "pi_1",
                "requires_action",
                12_345,
                0,
                0,
                "eur",
                Optional.empty(),
                Optional.of("https://hooks.stripe.com/3ds/pi_1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        attempt.observed(challenge, NOW);
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(attempt.nextActionUrl()).contains("https://hooks.stripe.com/3ds/pi_1");

        attempt.observed(intent("succeeded", Optional.of("ch_1"), Optional.empty(), Optional.empty()), LATER);
        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.APPROVED);
        assertThat(attempt.nextActionUrl()).as("nothing left to do").isEmpty();
    }

    @Test
    void aDeclinedPaymentIntentDeclinesTheAttemptWithTheBanksCodeAndMessage() {
        PaymentAttempt attempt = card(false);

        attempt.observed(
                intent(
                        "requires_payment_method",
                        Optional.of("ch_declined"),
                        Optional.of("insufficient_funds"),
                        Optional.of("Your card has insufficient funds.")),
                LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(attempt.declineCode()).contains("insufficient_funds");
        assertThat(attempt.failureMessage()).contains("Your card has insufficient funds.");
        assertThat(attempt.stripeChargeId()).contains("ch_declined");
    }

    @Test
    void aFailureWithOnlyAMessageDeclinesTheAttemptWithoutInventingACode() {
        PaymentAttempt attempt = card(false);

        attempt.observed(
                intent(
                        "requires_payment_method",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("Authentication failed.")),
                LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(attempt.declineCode()).isEmpty();
        assertThat(attempt.failureMessage()).contains("Authentication failed.");
    }

    @Test
    void aPaymentIntentWaitingForAFirstPaymentMethodIsNotADecline() {
        PaymentAttempt attempt = card(false);

        attempt.observed(
                intent("requires_payment_method", Optional.empty(), Optional.empty(), Optional.empty()), LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(attempt.declineCode()).isEmpty();
    }

    @Test
    void aCanceledPaymentIntentDeclinesTheAttemptAsCanceled() {
        PaymentAttempt attempt = card(true);

        attempt.observed(intent("canceled", Optional.empty(), Optional.empty(), Optional.empty()), LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(attempt.declineCode()).contains("canceled");
        assertThat(attempt.failureMessage()).isEmpty();
    }

    @Test
    void anApprovalAfterADeclineForgetsTheDecline() {
        PaymentAttempt attempt = card(false);
        attempt.observed(
                intent(
                        "requires_payment_method",
                        Optional.of("ch_1"),
                        Optional.of("card_declined"),
                        Optional.of("Your card was declined.")),
                NOW);

        attempt.observed(intent("succeeded", Optional.of("ch_2"), Optional.empty(), Optional.empty()), LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.APPROVED);
        assertThat(attempt.declineCode()).isEmpty();
        assertThat(attempt.failureMessage()).isEmpty();
        assertThat(attempt.stripeChargeId()).contains("ch_2");
    }

    @Test
    void aSnapshotWithoutAChargeKeepsTheChargeAlreadyKnown() {
        PaymentAttempt attempt = card(false);
        attempt.observed(intent("succeeded", Optional.of("ch_1"), Optional.empty(), Optional.empty()), NOW);

        attempt.observed(intent("succeeded", Optional.empty(), Optional.empty(), Optional.empty()), LATER);

        assertThat(attempt.stripeChargeId()).contains("ch_1");
    }

    @Test
    void aCallStripeRefusedDeclinesTheAttemptAndNamesItsPaymentIntentWhenThereIsOne() {
        PaymentAttempt withIntent = card(false);
        withIntent.declined(Optional.of("pi_refused"), "card_declined", "Your card was declined.", LATER);

        assertThat(withIntent.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(withIntent.stripePaymentIntentId()).contains("pi_refused");
        assertThat(withIntent.declineCode()).contains("card_declined");
        assertThat(withIntent.failureMessage()).contains("Your card was declined.");
        assertThat(withIntent.updatedAt()).isEqualTo(LATER);

        PaymentAttempt withoutIntent = card(false);
        withoutIntent.declined(Optional.empty(), "invalid_request", "No such PaymentMethod", LATER);
        assertThat(withoutIntent.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(withoutIntent.stripePaymentIntentId()).isEmpty();
    }

    static PaymentIntentSnapshot status(String status) {
        return intent(status, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static PaymentAttempt card(boolean captureOnDelivery) {
        return PaymentAttempt.begin(
                PaymentAttemptId.random(),
                request(captureOnDelivery),
                1,
                Method.CARD,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "shipper@example.com",
                NOW);
    }

    static PaymentRequest request(boolean captureOnDelivery) {
        return PaymentRequest.open(
                REQUEST,
                CARRIER,
                new PaymentRequest.Details(
                        SHIPPER,
                        "LD-1",
                        Optional.empty(),
                        "Hamburg",
                        "Lyon",
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 2),
                        LocalDate.of(2026, 12, 16),
                        Optional.empty(),
                        Optional.empty(),
                        12_345,
                        "EUR",
                        captureOnDelivery),
                "hash",
                "carrier@example.com",
                NOW);
    }

    static PaymentIntentSnapshot intent(
            String status, Optional<String> charge, Optional<String> declineCode, Optional<String> failureMessage) {
        return new PaymentIntentSnapshot(
                "pi_1",
                status,
                12_345,
                "succeeded".equals(status) ? 12_345 : 0,
                "requires_capture".equals(status) ? 12_345 : 0,
                "eur",
                charge,
                Optional.empty(),
                declineCode,
                failureMessage,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}

package io.freightgate.billing.internal.domain;

import static io.freightgate.billing.internal.domain.PaymentAttemptTests.card;
import static io.freightgate.billing.internal.domain.PaymentAttemptTests.intent;
import static io.freightgate.billing.internal.domain.PaymentAttemptTests.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** More of the payment attempt's rules (split from {@link PaymentAttemptTests}, whose instants and fixtures they share). */
class PaymentAttemptOutcomeTests {

    static final Instant NOW = PaymentAttemptTests.NOW;
    static final Instant LATER = PaymentAttemptTests.LATER;

    @Test
    void aLostAnswerMakesAPendingAttemptUnknownForReconciliation() {
        PaymentAttempt attempt = card(false);

        attempt.unknown("Stripe timed out", LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.UNKNOWN);
        assertThat(attempt.outcome().settled()).isFalse();
        assertThat(attempt.failureMessage()).contains("Stripe timed out");
        assertThat(attempt.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aLostAnswerNeverUnsettlesAnApprovedAttempt() {
        PaymentAttempt attempt = card(false);
        attempt.observed(intent("succeeded", Optional.of("ch_1"), Optional.empty(), Optional.empty()), NOW);

        attempt.unknown("a late timeout", LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.APPROVED);
        assertThat(attempt.failureMessage()).isEmpty();
        assertThat(attempt.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void anAttemptNeverSentIsNotAttemptedWithItsReason() {
        PaymentAttempt attempt = card(false);

        attempt.notAttempted("The SEPA payment method could not be created", LATER);

        assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.NOT_ATTEMPTED);
        assertThat(attempt.failureMessage()).contains("The SEPA payment method could not be created");
        assertThat(attempt.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void onlyApprovedDeclinedAndNotAttemptedOutcomesAreSettled() {
        assertThat(AttemptOutcome.APPROVED.settled()).isTrue();
        assertThat(AttemptOutcome.DECLINED.settled()).isTrue();
        assertThat(AttemptOutcome.NOT_ATTEMPTED.settled()).isTrue();
        assertThat(AttemptOutcome.PENDING.settled()).isFalse();
        assertThat(AttemptOutcome.UNKNOWN.settled()).isFalse();
    }

    @Test
    void aPaymentIntentAwaitsTheCustomerOnlyWhileItNeedsAnActionOrAConfirmation() {
        assertThat(status("requires_action").awaitingCustomer()).isTrue();
        assertThat(status("requires_confirmation").awaitingCustomer()).isTrue();
        assertThat(status("processing").awaitingCustomer()).isFalse();
        assertThat(status("succeeded").awaitingCustomer()).isFalse();
    }

    @Test
    void onlyAProcessingPaymentIntentIsProcessing() {
        assertThat(status("processing").processing()).isTrue();
        assertThat(status("requires_action").processing()).isFalse();
        assertThat(status("succeeded").processing()).isFalse();
    }
}

package io.freightgate.billing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A refund of a paid request: what it records before Stripe is called and how Stripe's answers settle it. */
class PaymentRefundTests {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(90);

    static final PaymentRequestId REQUEST = PaymentRequestId.of("00000000-0000-0000-0000-00000000a002");
    static final UUID CARRIER = UUID.fromString("00000000-0000-0000-0000-00000000c002");

    @Test
    void aRefundIsRecordedPendingForItsRequestWithAKeyDerivedFromItsIdentity() {
        PaymentRefundId id = PaymentRefundId.of("00000000-0000-0000-0000-0000000000f1");

        PaymentRefund refund =
                PaymentRefund.intend(id, paid(10_000), 4_000, Optional.of("damaged goods"), "carrier@example.com", NOW);

        assertThat(refund.id()).isEqualTo(id);
        assertThat(refund.idempotencyKey()).isEqualTo("fg-refund-00000000-0000-0000-0000-0000000000f1");
        assertThat(refund.paymentRequestId()).isEqualTo(REQUEST);
        assertThat(refund.tenantId()).isEqualTo(CARRIER);
        assertThat(refund.amountMinor()).isEqualTo(4_000);
        assertThat(refund.currency()).isEqualTo("EUR");
        assertThat(refund.reason()).contains("damaged goods");
        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(refund.stripeRefundId()).isEmpty();
        assertThat(refund.stripeStatus()).isEmpty();
        assertThat(refund.failureMessage()).isEmpty();
        assertThat(refund.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aRefundWithoutAReasonHasNone() {
        assertThat(refund().reason()).isEmpty();
    }

    @Test
    void aSucceededRefundIsApproved() {
        PaymentRefund refund = refund();

        refund.observed("re_1", "succeeded", Optional.empty(), LATER);

        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.APPROVED);
        assertThat(refund.stripeRefundId()).contains("re_1");
        assertThat(refund.stripeStatus()).contains("succeeded");
        assertThat(refund.failureMessage()).isEmpty();
    }

    @Test
    void aPendingRefundStaysPendingUntilStripeSettlesIt() {
        PaymentRefund refund = refund();

        refund.observed("re_1", "pending", Optional.empty(), LATER);

        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.PENDING);
        assertThat(refund.stripeRefundId()).contains("re_1");
        assertThat(refund.stripeStatus()).contains("pending");

        refund.observed("re_1", "succeeded", Optional.empty(), LATER.plusSeconds(60));
        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.APPROVED);
    }

    @Test
    void aFailedRefundIsDeclinedWithStripesReason() {
        PaymentRefund refund = refund();

        refund.observed("re_1", "failed", Optional.of("expired_or_canceled_card"), LATER);

        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(refund.stripeStatus()).contains("failed");
        assertThat(refund.failureMessage()).contains("expired_or_canceled_card");
    }

    @Test
    void aCanceledRefundIsDeclined() {
        PaymentRefund refund = refund();

        refund.observed("re_1", "canceled", Optional.empty(), LATER);

        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(refund.stripeStatus()).contains("canceled");
    }

    @Test
    void aFailedRefundIsFinalSoALateOrReplayedReportChangesNothing() {
        PaymentRefund refund = refund();
        refund.observed("re_1", "failed", Optional.of("charge_for_pending_refund_disputed"), NOW);

        refund.observed("re_1", "succeeded", Optional.empty(), LATER);
        refund.observed("re_1", "pending", Optional.empty(), LATER);

        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(refund.stripeStatus()).contains("failed");
        assertThat(refund.failureMessage()).contains("charge_for_pending_refund_disputed");
    }

    @Test
    void aRefundStripeRefusedIsDeclinedWithTheMessage() {
        PaymentRefund refund = refund();

        refund.declined("Charge ch_1 has already been refunded.", LATER);

        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.DECLINED);
        assertThat(refund.failureMessage()).contains("Charge ch_1 has already been refunded.");
        assertThat(refund.stripeRefundId()).isEmpty();
    }

    @Test
    void aRefundWhoseAnswerWasLostIsUnknownUntilReconciled() {
        PaymentRefund refund = refund();

        refund.unknown("Stripe did not answer; the refund will be reconciled", LATER);

        assertThat(refund.outcome()).isEqualTo(AttemptOutcome.UNKNOWN);
        assertThat(refund.outcome().settled()).isFalse();
        assertThat(refund.failureMessage()).contains("Stripe did not answer; the refund will be reconciled");

        refund.observed("re_1", "succeeded", Optional.empty(), LATER.plusSeconds(600));
        assertThat(refund.outcome()).as("reconciled").isEqualTo(AttemptOutcome.APPROVED);
        assertThat(refund.failureMessage()).isEmpty();
    }

    private static PaymentRefund refund() {
        return PaymentRefund.intend(PaymentRefundId.random(), paid(10_000), 10_000, Optional.empty(), "carrier", NOW);
    }

    private static PaymentRequest paid(long amount) {
        PaymentRequest request = PaymentRequest.open(
                REQUEST,
                CARRIER,
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
                        amount,
                        "EUR",
                        false),
                "hash",
                "carrier@example.com",
                NOW);
        PaymentAttemptId attempt = PaymentAttemptId.random();
        request.beginAttempt(attempt, "CARD", NOW);
        request.apply(
                attempt,
                new PaymentIntentSnapshot(
                        "pi_1",
                        "succeeded",
                        amount,
                        amount,
                        0,
                        "eur",
                        Optional.of("ch_1"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                false,
                NOW);
        return request;
    }
}

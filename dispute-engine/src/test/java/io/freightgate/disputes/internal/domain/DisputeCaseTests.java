package io.freightgate.disputes.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.freightgate.disputes.DisputeClosed;
import io.freightgate.disputes.DisputeEvent;
import io.freightgate.disputes.DisputeFundsReinstated;
import io.freightgate.disputes.DisputeFundsWithdrawn;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeOutcome;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.DisputeUpdated;
import io.freightgate.disputes.DisputedPayments.DisputedPayment;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DisputeCaseTests {

    static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-01T10:00:05Z");
    static final Instant LATER = Instant.parse("2026-12-20T08:00:00Z");
    static final Instant DUE = Instant.parse("2026-12-22T23:59:59Z");
    static final DisputedPayment PAYMENT = new DisputedPayment(
            PaymentRequestId.of("00000000-0000-0000-0000-0000000000a1"),
            new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000c1")),
            new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000b1")));

    static final DisputeSnapshot.Movement WITHDRAWAL =
            new DisputeSnapshot.Movement(Money.of(40_000, "EUR"), Money.of(1_500, "EUR"));
    static final DisputeSnapshot.Movement REINSTATEMENT =
            new DisputeSnapshot.Movement(Money.of(40_000, "EUR"), Money.of(1_500, "EUR"));

    static DisputeSnapshot snapshot(
            DisputeStatus status,
            Optional<DisputeSnapshot.Movement> withdrawal,
            Optional<DisputeSnapshot.Movement> reinstatement) {
        return new DisputeSnapshot(
                "dp_test1",
                "ch_test1",
                "pi_test1",
                status,
                Money.of(40_000, "EUR"),
                "product_not_received",
                Optional.of(DUE),
                CREATED,
                withdrawal,
                reinstatement);
    }

    static DisputeSnapshot created() {
        return snapshot(DisputeStatus.NEEDS_RESPONSE, Optional.empty(), Optional.empty());
    }

    static DisputeSnapshot withdrawn(DisputeStatus status) {
        return snapshot(status, Optional.of(WITHDRAWAL), Optional.empty());
    }

    static DisputeSnapshot reinstated(DisputeStatus status) {
        return snapshot(status, Optional.of(WITHDRAWAL), Optional.of(REINSTATEMENT));
    }

    /** An open chargeback whose money was withdrawn. */
    static DisputeCase anOpenChargeback() {
        DisputeCase dispute =
                DisputeCase.open(DisputeId.random(), created(), PAYMENT, NOW).dispute();
        dispute.apply(withdrawn(DisputeStatus.NEEDS_RESPONSE), NOW);
        return dispute;
    }

    static List<Class<?>> kinds(List<DisputeEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void theFirstNewsOpensTheCaseWithStripesViewOfTheDispute() {
        DisputeId id = DisputeId.random();
        DisputeCase.Opened opened = DisputeCase.open(id, created(), PAYMENT, NOW);

        assertThat(opened.events())
                .singleElement()
                .isEqualTo(new DisputeOpened(
                        id,
                        "dp_test1",
                        "pi_test1",
                        PAYMENT.paymentRequestId(),
                        PAYMENT.carrier(),
                        DisputeStatus.NEEDS_RESPONSE,
                        Money.of(40_000, "EUR"),
                        "product_not_received",
                        Optional.of(DUE),
                        NOW));
        var view = opened.dispute().view();
        assertThat(view.id()).isEqualTo(id);
        assertThat(view.chargeId()).isEqualTo("ch_test1");
        assertThat(view.shipper()).contains(PAYMENT.shipper());
        assertThat(view.openedAt()).isEqualTo(CREATED);
        assertThat(view.open()).isTrue();
        assertThat(view.withdrawn()).isEmpty();
        assertThat(view.closedAt()).isEmpty();
    }

    @Test
    void aWithdrawalIsPublishedOnceWithItsAmountAndFee() {
        DisputeCase dispute =
                DisputeCase.open(DisputeId.random(), created(), PAYMENT, NOW).dispute();

        List<DisputeEvent> first = dispute.apply(withdrawn(DisputeStatus.NEEDS_RESPONSE), NOW);
        List<DisputeEvent> again = dispute.apply(withdrawn(DisputeStatus.NEEDS_RESPONSE), LATER);

        assertThat(first).singleElement().isInstanceOfSatisfying(DisputeFundsWithdrawn.class, w -> {
            assertThat(w.amount()).isEqualTo(Money.of(40_000, "EUR"));
            assertThat(w.fee()).isEqualTo(Money.of(1_500, "EUR"));
            assertThat(w.at()).isEqualTo(NOW);
        });
        assertThat(again).isEmpty();
        assertThat(dispute.view().withdrawn()).contains(Money.of(40_000, "EUR"));
    }

    @Test
    void theSameNewsTwiceChangesNothing() {
        DisputeCase dispute = anOpenChargeback();

        assertThat(dispute.apply(created(), LATER)).isEmpty();
        assertThat(dispute.apply(withdrawn(DisputeStatus.NEEDS_RESPONSE), LATER))
                .isEmpty();
        assertThat(dispute.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
    }

    @Test
    void lateNewsOfAnEarlierStatusDoesNotMoveTheStatusBack() {
        DisputeCase dispute = anOpenChargeback();
        dispute.apply(withdrawn(DisputeStatus.UNDER_REVIEW), NOW);

        assertThat(dispute.apply(created(), LATER)).isEmpty();

        assertThat(dispute.status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
    }

    @Test
    void aWonDisputeReinstatesAndClosesOnceInThatOrder() {
        DisputeCase dispute = anOpenChargeback();

        List<DisputeEvent> decided = dispute.apply(reinstated(DisputeStatus.WON), LATER);
        List<DisputeEvent> repeated = dispute.apply(reinstated(DisputeStatus.WON), LATER);

        assertThat(kinds(decided)).containsExactly(DisputeFundsReinstated.class, DisputeClosed.class);
        assertThat(decided.getLast()).isInstanceOfSatisfying(DisputeClosed.class, closed -> {
            assertThat(closed.outcome()).isEqualTo(DisputeOutcome.WON);
            assertThat(closed.withdrawn()).contains(Money.of(40_000, "EUR"));
            assertThat(closed.at()).isEqualTo(LATER);
        });
        assertThat(repeated).isEmpty();
        assertThat(dispute.view().closedAt()).contains(LATER);
        assertThat(dispute.view().reinstated()).contains(Money.of(40_000, "EUR"));
    }

    @Test
    void aLostChargebackClosesWithWhatWasWithdrawn() {
        DisputeCase dispute = anOpenChargeback();

        List<DisputeEvent> decided = dispute.apply(withdrawn(DisputeStatus.LOST), LATER);

        assertThat(decided).singleElement().isInstanceOfSatisfying(DisputeClosed.class, closed -> {
            assertThat(closed.outcome()).isEqualTo(DisputeOutcome.LOST);
            assertThat(closed.amount()).isEqualTo(Money.of(40_000, "EUR"));
            assertThat(closed.withdrawn()).contains(Money.of(40_000, "EUR"));
        });
    }

    @Test
    void theOutcomeComesFromTheStatusNotFromTheMoneyThatMoved() {
        DisputeCase dispute = anOpenChargeback();

        List<DisputeEvent> decided = dispute.apply(reinstated(DisputeStatus.LOST), LATER);

        assertThat(kinds(decided)).containsExactly(DisputeFundsReinstated.class, DisputeClosed.class);
        assertThat(((DisputeClosed) decided.getLast()).outcome()).isEqualTo(DisputeOutcome.LOST);
    }

    @Test
    void aDecisionHeardBeforeTheOpeningIsAppliedOnceAndTheLateOpeningChangesNothing() {
        DisputeCase.Opened opened = DisputeCase.open(DisputeId.random(), reinstated(DisputeStatus.WON), PAYMENT, NOW);

        assertThat(kinds(opened.events()))
                .containsExactly(
                        DisputeOpened.class,
                        DisputeFundsWithdrawn.class,
                        DisputeFundsReinstated.class,
                        DisputeClosed.class);
        DisputeCase dispute = opened.dispute();
        assertThat(dispute.apply(created(), LATER)).isEmpty();
        assertThat(dispute.apply(withdrawn(DisputeStatus.NEEDS_RESPONSE), LATER))
                .isEmpty();
        assertThat(dispute.status()).isEqualTo(DisputeStatus.WON);
    }

    @Test
    void aClosedDisputeNeverReopensNorChangesItsOutcome() {
        DisputeCase dispute = anOpenChargeback();
        dispute.apply(withdrawn(DisputeStatus.LOST), NOW);

        assertThat(dispute.apply(withdrawn(DisputeStatus.UNDER_REVIEW), LATER)).isEmpty();
        assertThat(dispute.apply(reinstated(DisputeStatus.WON), LATER))
                .singleElement()
                .isInstanceOf(DisputeFundsReinstated.class);

        assertThat(dispute.status()).isEqualTo(DisputeStatus.LOST);
    }

    @Test
    void anInquiryMovesNoMoneyAndMayEscalateToAChargeback() {
        DisputeCase dispute = DisputeCase.open(
                        DisputeId.random(),
                        snapshot(DisputeStatus.WARNING_NEEDS_RESPONSE, Optional.empty(), Optional.empty()),
                        PAYMENT,
                        NOW)
                .dispute();

        assertThat(kinds(dispute.apply(
                        snapshot(DisputeStatus.WARNING_UNDER_REVIEW, Optional.empty(), Optional.empty()), NOW)))
                .containsExactly(DisputeUpdated.class);
        assertThat(kinds(dispute.apply(withdrawn(DisputeStatus.NEEDS_RESPONSE), LATER)))
                .containsExactly(DisputeUpdated.class, DisputeFundsWithdrawn.class);
        assertThat(dispute.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
    }

    @Test
    void aClosedInquiryClosesWithoutMoney() {
        DisputeCase dispute = DisputeCase.open(
                        DisputeId.random(),
                        snapshot(DisputeStatus.WARNING_NEEDS_RESPONSE, Optional.empty(), Optional.empty()),
                        PAYMENT,
                        NOW)
                .dispute();

        List<DisputeEvent> closed =
                dispute.apply(snapshot(DisputeStatus.WARNING_CLOSED, Optional.empty(), Optional.empty()), LATER);

        assertThat(closed).singleElement().isInstanceOfSatisfying(DisputeClosed.class, c -> {
            assertThat(c.outcome()).isEqualTo(DisputeOutcome.INQUIRY_CLOSED);
            assertThat(c.withdrawn()).isEmpty();
        });
    }

    @Test
    void refusesNewsOfAnotherDispute() {
        DisputeCase dispute = anOpenChargeback();
        DisputeSnapshot other = new DisputeSnapshot(
                "dp_other",
                "ch_test1",
                "pi_test1",
                DisputeStatus.WON,
                Money.of(40_000, "EUR"),
                "general",
                Optional.empty(),
                CREATED,
                Optional.empty(),
                Optional.empty());

        assertThatIllegalArgumentException().isThrownBy(() -> dispute.apply(other, LATER));
        assertThat(dispute.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
    }
}

package io.freightgate.disputes.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.disputes.DisputeClosed;
import io.freightgate.disputes.DisputeEvent;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeReason;
import io.freightgate.disputes.DisputeResponse;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.DisputeUpdated;
import io.freightgate.disputes.DisputedPayments.DisputedPayment;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The case's lifecycle over every status pair and every reason, and what response each allows. */
class DisputeStateMachineTests {

    static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-01T10:00:05Z");
    static final Instant DUE = Instant.parse("2026-12-22T23:59:59Z");
    static final DisputedPayment PAYMENT = new DisputedPayment(
            PaymentRequestId.of("00000000-0000-0000-0000-0000000000a1"),
            new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000c1")),
            new TenantId(UUID.fromString("00000000-0000-0000-0000-0000000000b1")),
            "LD-1",
            Optional.of(UUID.fromString("00000000-0000-0000-0000-0000000000d1")));

    static DisputeSnapshot snapshot(
            DisputeStatus status, DisputeReason reason, Optional<Instant> due, Optional<String> method) {
        return new DisputeSnapshot(
                "dp_sm1",
                "ch_sm1",
                Optional.of("pi_sm1"),
                status,
                Money.of(25_000, "EUR"),
                reason,
                due,
                CREATED,
                Optional.empty(),
                Optional.empty(),
                method.map(m -> m.equals("card") ? "visa" : m),
                method);
    }

    static DisputeSnapshot snapshot(DisputeStatus status) {
        return snapshot(status, DisputeReason.PRODUCT_NOT_RECEIVED, Optional.of(DUE), Optional.of("card"));
    }

    static List<Class<?>> kinds(List<DisputeEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    @ParameterizedTest
    @EnumSource(DisputeStatus.class)
    void everyStatusOpensACaseInThatStatusAndAClosedOneClosesAtOnce(DisputeStatus status) {
        DisputeCase.Opened opened = DisputeCase.open(DisputeId.random(), snapshot(status), PAYMENT, NOW);

        assertThat(opened.dispute().status()).isEqualTo(status);
        assertThat(opened.events().getFirst()).isInstanceOf(DisputeOpened.class);
        assertThat(kinds(opened.events()).contains(DisputeClosed.class)).isEqualTo(status.closed());
        assertThat(opened.dispute().view().loadReference()).contains("LD-1");
        assertThat(opened.dispute().view().network()).contains("visa");
    }

    @Test
    void everyPairOfStatusesMovesForwardOnlyAndAClosedCaseNeverChanges() {
        for (DisputeStatus from : DisputeStatus.values()) {
            for (DisputeStatus to : DisputeStatus.values()) {
                DisputeCase dispute = DisputeCase.open(DisputeId.random(), snapshot(from), PAYMENT, NOW)
                        .dispute();

                List<DisputeEvent> news = dispute.apply(snapshot(to), NOW);

                String pair = from + " -> " + to;
                if (from.closed()) {
                    assertThat(dispute.status()).as(pair).isEqualTo(from);
                    assertThat(news).as(pair).isEmpty();
                } else if (from.mayBeFollowedBy(to) && from != to) {
                    assertThat(dispute.status()).as(pair).isEqualTo(to);
                    assertThat(kinds(news))
                            .as(pair)
                            .containsExactly(to.closed() ? DisputeClosed.class : DisputeUpdated.class);
                    assertThat(dispute.isStale(snapshot(from))).as(pair).isEqualTo(from != to);
                } else {
                    assertThat(dispute.status()).as(pair).isEqualTo(from);
                    assertThat(news).as(pair).isEmpty();
                    assertThat(dispute.isStale(snapshot(to))).as(pair).isEqualTo(from != to);
                }
            }
        }
    }

    @Test
    void aLateCreatedAfterClosedChangesNothing() {
        DisputeCase dispute = DisputeCase.open(
                        DisputeId.random(), snapshot(DisputeStatus.WARNING_NEEDS_RESPONSE), PAYMENT, NOW)
                .dispute();
        dispute.apply(snapshot(DisputeStatus.WARNING_CLOSED), NOW);

        assertThat(dispute.apply(snapshot(DisputeStatus.WARNING_NEEDS_RESPONSE), NOW))
                .isEmpty();
        assertThat(dispute.status()).isEqualTo(DisputeStatus.WARNING_CLOSED);
        assertThat(dispute.isStale(snapshot(DisputeStatus.WARNING_NEEDS_RESPONSE)))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(DisputeReason.class)
    void everyReasonOnACardWithADueDateCanBeAnsweredWithEvidence(DisputeReason reason) {
        DisputeCase dispute = DisputeCase.open(
                        DisputeId.random(),
                        snapshot(DisputeStatus.NEEDS_RESPONSE, reason, Optional.of(DUE), Optional.of("card")),
                        PAYMENT,
                        NOW)
                .dispute();

        assertThat(dispute.view().reason()).isEqualTo(reason.stripe());
        assertThat(dispute.response()).isEqualTo(DisputeResponse.EVIDENCE_BY_DUE_DATE);
        assertThat(dispute.response().recovery()).isFalse();
        assertThat(DisputeReason.ofStripe(reason.stripe())).contains(reason);
    }

    @ParameterizedTest
    @EnumSource(DisputeReason.class)
    void aDueDateOfZeroAllowsNoResponseAndGoesToRecoveryWhateverTheReason(DisputeReason reason) {
        DisputeCase dispute = DisputeCase.open(
                        DisputeId.random(),
                        snapshot(DisputeStatus.NEEDS_RESPONSE, reason, Optional.empty(), Optional.of("card")),
                        PAYMENT,
                        NOW)
                .dispute();

        assertThat(dispute.response()).isEqualTo(DisputeResponse.NO_RESPONSE_ALLOWED);
        assertThat(dispute.response().recovery()).isTrue();
        assertThat(dispute.view().evidenceDueBy()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DisputeReason.class)
    void onASepaDebitOnlyAnUnauthorizedDebitHasNoEvidenceProcess(DisputeReason reason) {
        DisputeCase dispute = DisputeCase.open(
                        DisputeId.random(),
                        snapshot(DisputeStatus.NEEDS_RESPONSE, reason, Optional.of(DUE), Optional.of("sepa_debit")),
                        PAYMENT,
                        NOW)
                .dispute();

        assertThat(dispute.response())
                .isEqualTo(
                        reason == DisputeReason.DEBIT_NOT_AUTHORIZED
                                ? DisputeResponse.NO_EVIDENCE_PROCESS
                                : DisputeResponse.EVIDENCE_BY_DUE_DATE);
        assertThat(dispute.view().paymentMethodType()).contains("sepa_debit");
    }

    @Test
    void thereAreStripesFifteenReasonsAndEightStatuses() {
        assertThat(Arrays.stream(DisputeReason.values()).map(DisputeReason::stripe))
                .containsExactlyInAnyOrder(
                        "bank_cannot_process",
                        "check_returned",
                        "credit_not_processed",
                        "customer_initiated",
                        "debit_not_authorized",
                        "duplicate",
                        "fraudulent",
                        "general",
                        "incorrect_account_details",
                        "insufficient_funds",
                        "noncompliant",
                        "product_not_received",
                        "product_unacceptable",
                        "subscription_canceled",
                        "unrecognized");
        assertThat(Arrays.stream(DisputeStatus.values()).map(DisputeStatus::stripe))
                .containsExactlyInAnyOrder(
                        "warning_needs_response",
                        "warning_under_review",
                        "warning_closed",
                        "needs_response",
                        "under_review",
                        "won",
                        "lost",
                        "prevented");
    }

    @Test
    void anOrphanCaseLinksToNothingAndPublishesNothingButFollowsStripe() {
        DisputeSnapshot first = new DisputeSnapshot(
                "dp_orphan",
                "ch_unknown",
                Optional.empty(),
                DisputeStatus.NEEDS_RESPONSE,
                Money.of(5_000, "EUR"),
                DisputeReason.GENERAL,
                Optional.of(DUE),
                CREATED,
                Optional.of(new DisputeSnapshot.Movement(Money.of(5_000, "EUR"), Money.of(1_500, "EUR"))),
                Optional.empty(),
                Optional.of("visa"),
                Optional.of("card"));
        DisputeCase orphan = DisputeCase.orphan(DisputeId.random(), first, NOW);

        assertThat(orphan.view().orphan()).isTrue();
        assertThat(orphan.view().carrier()).isEmpty();
        assertThat(orphan.view().withdrawn()).contains(Money.of(5_000, "EUR"));
        assertThat(orphan.view().fee()).contains(Money.of(1_500, "EUR"));
        DisputeSnapshot lost = new DisputeSnapshot(
                "dp_orphan",
                "ch_unknown",
                Optional.empty(),
                DisputeStatus.LOST,
                Money.of(5_000, "EUR"),
                DisputeReason.GENERAL,
                Optional.of(DUE),
                CREATED,
                first.withdrawal(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        assertThat(orphan.apply(lost, NOW)).isEmpty();
        assertThat(orphan.status()).isEqualTo(DisputeStatus.LOST);
        assertThat(orphan.view().closedAt()).contains(NOW);
    }

    @Test
    void anAssignmentToTheSameAgentTwiceIsOneAssignment() {
        DisputeCase dispute = DisputeCase.open(DisputeId.random(), snapshot(DisputeStatus.NEEDS_RESPONSE), PAYMENT, NOW)
                .dispute();
        UUID agent = UUID.randomUUID();

        assertThat(dispute.assign(agent, NOW)).isTrue();
        assertThat(dispute.assign(agent, NOW)).isFalse();
        assertThat(dispute.view().owner()).contains(agent);
    }
}

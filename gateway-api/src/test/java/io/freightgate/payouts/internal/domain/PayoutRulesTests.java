package io.freightgate.payouts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payout states only move forward, and remittances pick the right balance transactions. */
class PayoutRulesTests {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void statesMoveForwardOnlyAndAPaidPayoutCanStillFail() {
        assertThat(PayoutState.REQUESTED.advancesTo(PayoutState.PENDING)).isTrue();
        assertThat(PayoutState.REQUEST_UNKNOWN.advancesTo(PayoutState.IN_TRANSIT))
                .isTrue();
        assertThat(PayoutState.PENDING.advancesTo(PayoutState.IN_TRANSIT)).isTrue();
        assertThat(PayoutState.IN_TRANSIT.advancesTo(PayoutState.PAID)).isTrue();
        assertThat(PayoutState.IN_TRANSIT.advancesTo(PayoutState.PENDING))
                .as("a stale event")
                .isFalse();
        assertThat(PayoutState.PAID.advancesTo(PayoutState.IN_TRANSIT)).isFalse();
        assertThat(PayoutState.PAID.advancesTo(PayoutState.PAID)).isFalse();
        assertThat(PayoutState.PAID.advancesTo(PayoutState.FAILED))
                .as("returned by the bank later")
                .isTrue();
        assertThat(PayoutState.PAID.advancesTo(PayoutState.CANCELED)).isFalse();
        assertThat(PayoutState.FAILED.advancesTo(PayoutState.PAID)).isFalse();
        assertThat(PayoutState.CANCELED.advancesTo(PayoutState.IN_TRANSIT)).isFalse();
        assertThat(PayoutState.DECLINED.advancesTo(PayoutState.PENDING)).isFalse();
    }

    @Test
    void stripesStatusesMapAndUnknownOnesAreRefused() {
        assertThat(PayoutState.fromStripe("in_transit")).isEqualTo(PayoutState.IN_TRANSIT);
        assertThat(PayoutState.fromStripe("paid")).isEqualTo(PayoutState.PAID);
        assertThatThrownBy(() -> PayoutState.fromStripe("lost")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAutomaticPayoutHoldsWhatStripeSweptExceptPayoutMovements() {
        var lines = Remittances.ofAutomaticPayout(List.of(
                line("txn_2", "payment", 500, "available", 2),
                line("txn_po", "payout", -1400, "available", 3),
                line("txn_1", "payment", 1000, "available", 1),
                line("txn_3", "payment_refund", -100, "available", 2)));

        assertThat(lines).extracting(BalanceLine::id).containsExactly("txn_1", "txn_2", "txn_3");
        assertThat(Remittances.total(lines)).isEqualTo(1400);
    }

    @Test
    void anOnDemandPayoutTakesAvailableUnremittedLinesOldestFirstWithinItsAmount() {
        var balance = List.of(
                line("txn_old", "payment", 300, "available", 1),
                line("txn_done", "payment", 700, "available", 0),
                line("txn_a", "payment", 500, "available", 2),
                line("txn_pending", "payment", 900, "pending", 2),
                line("txn_b", "payment", 400, "available", 3),
                line("txn_late", "payment", 100, "available", 9),
                line("txn_po", "payout", -700, "available", 1));

        var lines = Remittances.ofOnDemandPayout(balance, Set.of("txn_done"), 800, "EUR", T0.plusSeconds(5));

        assertThat(lines).extracting(BalanceLine::id).containsExactly("txn_old", "txn_a");
        assertThat(Remittances.total(lines)).isEqualTo(800);
    }

    @Test
    void aPayoutOfTheWholeBalanceTakesAReversalThatFollowsItsPayment() {
        var balance = List.of(
                line("txn_a", "payment", 500, "available", 1),
                line("txn_b", "payment", 400, "available", 2),
                line("txn_a_back", "payment_refund", -500, "available", 3),
                line("txn_a_again", "payment", 500, "available", 4));

        var lines = Remittances.ofOnDemandPayout(balance, Set.of(), 900, "EUR", T0.plusSeconds(5));

        assertThat(lines).extracting(BalanceLine::id).containsExactly("txn_a", "txn_b", "txn_a_back", "txn_a_again");
    }

    @Test
    void anOnDemandPayoutThatCannotBeMatchedExactlyStopsBeforeOvershooting() {
        var balance =
                List.of(line("txn_a", "payment", 500, "available", 1), line("txn_b", "payment", 400, "available", 2));

        var lines = Remittances.ofOnDemandPayout(balance, Set.of(), 700, "EUR", T0.plusSeconds(5));

        assertThat(lines).extracting(BalanceLine::id).containsExactly("txn_a");
        assertThat(700 - Remittances.total(lines))
                .as("the difference the remittance reports")
                .isEqualTo(200);
    }

    @Test
    void anOnDemandPayoutTakesOnlyLinesOfItsOwnCurrency() {
        var balance = List.of(
                line("txn_eur", "payment", 500, "available", 1),
                withCurrency(line("txn_gbp", "payment", 300, "available", 2), "GBP"),
                line("txn_eur_2", "payment", 300, "available", 3));

        var lines = Remittances.ofOnDemandPayout(balance, Set.of(), 800, "eur", T0.plusSeconds(5));

        assertThat(lines)
                .as("the whole EUR balance, matched case-insensitively, without the GBP line")
                .extracting(BalanceLine::id)
                .containsExactly("txn_eur", "txn_eur_2");
    }

    @Test
    void aLineCreatedAfterThePayoutIsNeverInItWhateverItsAvailabilitySays() {
        BalanceLine late = line("txn_late", "payment", 300, "available", 9);
        BalanceLine lateButMarkedAvailableEarly = new BalanceLine(
                late.id(),
                late.type(),
                late.amountMinor(),
                late.feeMinor(),
                late.netMinor(),
                late.currency(),
                late.status(),
                late.created(),
                T0,
                late.sourceId(),
                late.transferId(),
                late.description());
        var balance = List.of(line("txn_a", "payment", 500, "available", 1), lateButMarkedAvailableEarly);

        var lines = Remittances.ofOnDemandPayout(balance, Set.of(), 800, "EUR", T0.plusSeconds(5));

        assertThat(lines).extracting(BalanceLine::id).containsExactly("txn_a");
    }

    @Test
    void aLineWhoseFundsBecameAvailableAfterThePayoutIsNotInIt() {
        var balance = List.of(
                line("txn_a", "payment", 500, "available", 1),
                new BalanceLine(
                        "txn_slow",
                        "payment",
                        300,
                        0,
                        300,
                        "EUR",
                        "available",
                        T0.plusSeconds(2),
                        T0.plusSeconds(6),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));

        var lines = Remittances.ofOnDemandPayout(balance, Set.of(), 800, "EUR", T0.plusSeconds(5));

        assertThat(lines).extracting(BalanceLine::id).containsExactly("txn_a");
    }

    @Test
    void aLineAnEarlierRemittanceHoldsIsNeverTakenAgainEvenWhenItWouldMatchExactly() {
        var balance =
                List.of(line("txn_a", "payment", 500, "available", 1), line("txn_b", "payment", 300, "available", 2));

        var lines = Remittances.ofOnDemandPayout(balance, Set.of("txn_a"), 500, "EUR", T0.plusSeconds(5));

        assertThat(lines).extracting(BalanceLine::id).containsExactly("txn_b");
    }

    @Test
    void kindsAndTransferGroups() {
        assertThat(Remittances.kindOf("payment")).isEqualTo(Remittances.Kind.PAYMENT);
        assertThat(Remittances.kindOf("payment_refund")).isEqualTo(Remittances.Kind.REVERSAL);
        assertThat(Remittances.kindOf("adjustment")).isEqualTo(Remittances.Kind.ADJUSTMENT);
        assertThat(Remittances.kindOf("application_fee")).isEqualTo(Remittances.Kind.OTHER);
        UUID id = UUID.randomUUID();
        assertThat(Remittances.paymentRequestOf("payment_request_" + id)).contains(id);
        assertThat(Remittances.paymentRequestOf("payment_request_nope")).isEmpty();
        assertThat(Remittances.paymentRequestOf("someone_elses_group")).isEmpty();
        assertThat(Remittances.paymentRequestOf(null)).isEmpty();
    }

    private static BalanceLine withCurrency(BalanceLine line, String currency) {
        return new BalanceLine(
                line.id(),
                line.type(),
                line.amountMinor(),
                line.feeMinor(),
                line.netMinor(),
                currency,
                line.status(),
                line.created(),
                line.availableOn(),
                line.sourceId(),
                line.transferId(),
                line.description());
    }

    private static BalanceLine line(String id, String type, long net, String status, long secondsAfterT0) {
        return new BalanceLine(
                id,
                type,
                net,
                0,
                net,
                "EUR",
                status,
                T0.plusSeconds(secondsAfterT0),
                "available".equals(status)
                        ? T0.plusSeconds(secondsAfterT0)
                        : T0.plusSeconds(secondsAfterT0).plus(java.time.Duration.ofDays(2)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}

package io.freightgate.ledger.internal.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.ledger.ReconciliationView.DifferenceKind;
import io.freightgate.ledger.internal.domain.BalanceTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

class BalanceComparisonTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
    static final Instant DAY_BEFORE = Instant.parse("2026-12-01T18:00:00Z");
    static final Instant LAST_SECOND = Instant.parse("2026-12-02T23:59:59Z");
    static final Instant NEXT_DAY = Instant.parse("2026-12-03T00:00:00Z");
    static final StripeAccount PLATFORM = StripeAccount.platform();
    static final StripeAccount CARRIER = StripeAccount.connected("acct_carrier1");

    int ids;

    @Test
    void aCleanDayHasNoDifferencesAndNeedsNoFetchBySource() {
        var charge = txn("ch_1", "charge", 125_000, 3_650, NOON);
        var transfer = txn("tr_1", "transfer", -122_475, 0, NOON);
        List<BalanceTransaction> stripe = List.of(charge, transfer);
        List<LedgerMovement> ledger =
                List.of(entry("ch_1", 125_000, NOON), entry("ch_1", -3_650, NOON), entry("tr_1", -122_475, NOON));

        var outcome = reconcile(PLATFORM, stripe, ledger, stripe);

        assertThat(outcome.sources()).containsExactly("ch_1", "tr_1");
        assertThat(outcome.fetched()).isEmpty();
        assertThat(outcome.differences()).isEmpty();
    }

    @Test
    void aMovementOnlyStripeKnowsIsMissingInTheLedger() {
        var refund = txn("re_1", "refund", -5_000, 0, NOON);

        var outcome = reconcile(PLATFORM, List.of(refund), List.of(), List.of(refund));

        assertThat(outcome.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.MISSING_IN_LEDGER);
            assertThat(difference.source()).isEqualTo("re_1");
            assertThat(difference.currency()).isEqualTo("EUR");
            assertThat(difference.stripeNetMinor()).isEqualTo(-5_000);
            assertThat(difference.ledgerNetMinor()).isZero();
            assertThat(difference.account()).isEqualTo(PLATFORM);
            assertThat(difference.detail())
                    .isEqualTo("Stripe's balance transaction (refund) for re_1 on the platform account net -50.00 EUR;"
                            + " the ledger has no entry for it");
        });
    }

    @Test
    void aMovementOnlyTheLedgerKnowsIsMissingAtStripe() {
        var outcome = reconcile(CARRIER, List.of(), List.of(entry("py_1", 29_375, NOON)), List.of());

        assertThat(outcome.fetched())
                .as("a source the day's list lacks is looked up")
                .containsExactly("py_1");
        assertThat(outcome.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.MISSING_AT_STRIPE);
            assertThat(difference.account()).isEqualTo(CARRIER);
            assertThat(difference.stripeNetMinor()).isZero();
            assertThat(difference.ledgerNetMinor()).isEqualTo(29_375);
            assertThat(difference.detail())
                    .isEqualTo("The ledger's 1 entry for py_1 on connected account acct_carrier1 net 293.75 EUR;"
                            + " Stripe has no balance transaction for it");
        });
    }

    @Test
    void differentNetsOfTheSameSourceDiffer() {
        var charge = txn("ch_2", "charge", 10_000, 310, NOON);
        List<LedgerMovement> withoutFee = List.of(entry("ch_2", 10_000, NOON));

        var outcome = reconcile(PLATFORM, List.of(charge), withoutFee, List.of(charge));

        assertThat(outcome.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.AMOUNT_DIFFERS);
            assertThat(difference.stripeNetMinor()).isEqualTo(9_690);
            assertThat(difference.ledgerNetMinor()).isEqualTo(10_000);
            assertThat(difference.detail())
                    .isEqualTo("Stripe's balance transaction (charge) for ch_2 on the platform account net 96.90 EUR,"
                            + " the ledger's 1 entry 100.00 EUR (Stripe minus ledger: -3.10 EUR)");
        });
    }

    @Test
    void aSourceSpanningTwoDaysIsComparedOverAllItsTransactions() {
        var withdrawal = txn("dp_1", "adjustment", -5_000, 1_500, DAY_BEFORE);
        var reinstatement = txn("dp_1", "adjustment", 5_000, -1_500, NOON);
        List<LedgerMovement> ledger = List.of(entry("dp_1", -6_500, DAY_BEFORE), entry("dp_1", 6_500, NOON));

        var outcome = reconcile(PLATFORM, List.of(reinstatement), ledger, List.of(withdrawal, reinstatement));

        assertThat(outcome.fetched()).containsExactly("dp_1");
        assertThat(outcome.differences()).isEmpty();
    }

    @Test
    void aSourceSpanningTwoDaysDiffersWhenTheLedgerMissedOneOfItsDays() {
        var withdrawal = txn("dp_1", "adjustment", -5_000, 1_500, DAY_BEFORE);
        var reinstatement = txn("dp_1", "adjustment", 5_000, -1_500, NOON);

        var outcome = reconcile(
                PLATFORM,
                List.of(reinstatement),
                List.of(entry("dp_1", -6_500, DAY_BEFORE)),
                List.of(withdrawal, reinstatement));

        assertThat(outcome.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.AMOUNT_DIFFERS);
            assertThat(difference.stripeNetMinor()).isZero();
            assertThat(difference.ledgerNetMinor()).isEqualTo(-6_500);
            assertThat(difference.detail()).contains("2 balance transactions (adjustment)");
        });
    }

    @Test
    void aLedgerEntryOfTheDayBringsInAStripeTransactionOfTheDayBefore() {
        // The charge was created late on the day before; its Stripe fee was posted to the ledger on the day.
        var charge = txn("ch_3", "charge", 20_000, 605, DAY_BEFORE);
        List<LedgerMovement> ledger = List.of(entry("ch_3", 20_000, DAY_BEFORE), entry("ch_3", -605, NOON));

        var outcome = reconcile(PLATFORM, List.of(), ledger, List.of(charge));

        assertThat(outcome.sources()).containsExactly("ch_3");
        assertThat(outcome.fetched()).containsExactly("ch_3");
        assertThat(outcome.differences()).isEmpty();
    }

    @Test
    void theDayEndsAtMidnightUtc() {
        var lastSecond = txn("ch_4", "charge", 1_000, 0, LAST_SECOND);
        var nextDay = txn("ch_5", "charge", 1_000, 0, NEXT_DAY);
        List<LedgerMovement> ledger = List.of(entry("ch_4", 1_000, LAST_SECOND), entry("ch_5", 1_000, NEXT_DAY));

        SortedSet<String> sources = BalanceComparison.sources(
                List.of(lastSecond),
                ledger.stream()
                        .filter(e -> e.occurredAt().isBefore(BalanceComparison.end(DAY)))
                        .toList());

        assertThat(sources).containsExactly("ch_4");
        assertThat(BalanceComparison.end(DAY)).isEqualTo(NEXT_DAY);
        assertThat(BalanceComparison.start(DAY)).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(nextDay.created()).isEqualTo(BalanceComparison.end(DAY));
    }

    @Test
    void aSourceTheLedgerNeverHeardOfIsMissingEvenWhenItNetsToZero() {
        var payout = txn("po_1", "payout", -29_375, 0, NOON);
        var failure = txn("po_1", "payout_failure", 29_375, 0, NOON);

        var outcome = reconcile(CARRIER, List.of(payout, failure), List.of(), List.of(payout, failure));

        assertThat(outcome.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(DifferenceKind.MISSING_IN_LEDGER);
            assertThat(difference.stripeNetMinor()).isZero();
            assertThat(difference.detail()).contains("2 balance transactions (payout, payout_failure)");
        });
    }

    @Test
    void eachCurrencyOfASourceIsComparedOnItsOwn() {
        var inDollars = txn("ch_6", "charge", 10_000, 320, "USD", NOON);
        List<LedgerMovement> inEuros = List.of(new LedgerMovement("ch_6", "EUR", 9_680, NOON));

        var outcome = reconcile(PLATFORM, List.of(inDollars), inEuros, List.of(inDollars));

        assertThat(outcome.differences())
                .extracting(Difference::currency, Difference::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EUR", DifferenceKind.MISSING_AT_STRIPE),
                        org.assertj.core.groups.Tuple.tuple("USD", DifferenceKind.MISSING_IN_LEDGER));
    }

    @Test
    void differencesComeInSourceOrder() {
        var b = txn("re_b", "refund", -100, 0, NOON);
        var a = txn("re_a", "refund", -200, 0, NOON);

        var outcome = reconcile(PLATFORM, List.of(b, a), List.of(), List.of(b, a));

        assertThat(outcome.differences()).extracting(Difference::source).containsExactly("re_a", "re_b");
    }

    /** Reconciles {@link #DAY}, Stripe answering by source from {@code history} (every transaction it has). */
    private static BalanceComparison.AccountDay reconcile(
            StripeAccount account,
            List<BalanceTransaction> stripeOfDay,
            List<LedgerMovement> ledgerAllDays,
            List<BalanceTransaction> history) {
        List<LedgerMovement> ledgerOfDay = ledgerAllDays.stream()
                .filter(entry -> !entry.occurredAt().isBefore(BalanceComparison.start(DAY))
                        && entry.occurredAt().isBefore(BalanceComparison.end(DAY)))
                .toList();
        return BalanceComparison.reconcile(
                account,
                DAY,
                stripeOfDay,
                ledgerOfDay,
                sources -> ledgerAllDays.stream()
                        .filter(entry -> sources.contains(entry.source()))
                        .toList(),
                source -> history.stream()
                        .filter(transaction -> transaction.source().equals(source))
                        .toList());
    }

    private BalanceTransaction txn(String source, String type, long amount, long fee, Instant created) {
        return txn(source, type, amount, fee, "EUR", created);
    }

    private BalanceTransaction txn(
            String source, String type, long amount, long fee, String currency, Instant created) {
        return new BalanceTransaction(
                "txn_" + (++ids), source, type, type, amount, fee, amount - fee, currency, created);
    }

    private static LedgerMovement entry(String source, long amount, Instant occurredAt) {
        return new LedgerMovement(source, "EUR", amount, occurredAt);
    }
}

package io.freightgate.ledger.internal.reconciliation;

import io.freightgate.kernel.Money;
import io.freightgate.ledger.ReconciliationView.DifferenceKind;
import io.freightgate.ledger.internal.domain.BalanceTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reconciliation rule for one Stripe account and one day D (UTC), as plain functions:
 *
 * <ol>
 *   <li>{@link #sources}: the day concerns the sources of Stripe's balance transactions created on D and the sources of
 *       the ledger's entries on the account's balance that occurred on D;
 *   <li>{@link #needingHistory}: for most sources the day's transactions are all Stripe has (a charge, a transfer, a
 *       destination payment move a balance once); a source needs all its balance transactions fetched from Stripe when
 *       the day has none of them, when the ledger has entries for it on another day, or when the day's transactions do
 *       not add up to the ledger's entries (a dispute withdrawn one day and reinstated the next, a payout that failed
 *       after it was paid);
 *   <li>{@link #compare}: per source and currency, the net of all of Stripe's balance transactions against the sum of
 *       all the ledger's entries: {@code MISSING_IN_LEDGER} when only Stripe has it, {@code MISSING_AT_STRIPE} when only
 *       the ledger has it, {@code AMOUNT_DIFFERS} when both have it and the nets differ.
 * </ol>
 *
 * A difference is about presence as much as amount: a source whose transactions add up to zero at Stripe (a payout and
 * its failure) but that the ledger never heard of is still missing in the ledger.
 */
public final class BalanceComparison {

    private BalanceComparison() {}

    /** The first instant of {@code day} (UTC). */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after {@code day} (UTC). */
    public static Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** What reconciling one account for one day found: the sources it compared, those it fetched by source, and the differences. */
    public record AccountDay(SortedSet<String> sources, SortedSet<String> fetched, List<Difference> differences) {}

    /**
     * Reconciles one account for one day: the sources of the day, the ledger's entries of those sources (asked of
     * {@code ledgerOfSources}), the full Stripe history of the sources that need it (asked of {@code stripeOfSource},
     * one source at a time), and the comparison.
     *
     * @param stripeOfDay Stripe's balance transactions on the account created on the day
     * @param ledgerOfDay the ledger's entries on the account's balance that occurred on the day
     */
    public static AccountDay reconcile(
            StripeAccount account,
            LocalDate day,
            List<BalanceTransaction> stripeOfDay,
            List<LedgerMovement> ledgerOfDay,
            Function<SortedSet<String>, List<LedgerMovement>> ledgerOfSources,
            Function<String, List<BalanceTransaction>> stripeOfSource) {
        SortedSet<String> sources = sources(stripeOfDay, ledgerOfDay);
        List<LedgerMovement> ledger = ledgerOfSources.apply(sources);
        SortedSet<String> needing = needingHistory(day, sources, stripeOfDay, ledger);
        List<BalanceTransaction> stripe = new ArrayList<>(stripeOfDay.stream()
                .filter(transaction -> !needing.contains(transaction.source()))
                .toList());
        for (String source : needing) {
            stripeOfSource.apply(source).stream()
                    .filter(transaction -> transaction.source().equals(source))
                    .forEach(stripe::add);
        }
        return new AccountDay(sources, needing, compare(account, sources, stripe, ledger));
    }

    /** The sources the day concerns on one account, in order. */
    public static SortedSet<String> sources(List<BalanceTransaction> stripeOfDay, List<LedgerMovement> ledgerOfDay) {
        SortedSet<String> sources = new TreeSet<>();
        stripeOfDay.forEach(transaction -> sources.add(transaction.source()));
        ledgerOfDay.forEach(entry -> sources.add(entry.source()));
        return sources;
    }

    /**
     * The sources whose balance transactions must be fetched from Stripe by source, because the day's may not be all of
     * them.
     *
     * @param ledgerOfSources every ledger entry (of any day) on the account's balance for the given sources
     */
    public static SortedSet<String> needingHistory(
            LocalDate day,
            Collection<String> sources,
            List<BalanceTransaction> stripeOfDay,
            List<LedgerMovement> ledgerOfSources) {
        Instant start = start(day);
        Instant end = end(day);
        Map<String, List<BalanceTransaction>> stripe = bySource(stripeOfDay, BalanceTransaction::source);
        Map<String, List<LedgerMovement>> ledger = bySource(ledgerOfSources, LedgerMovement::source);
        SortedSet<String> needing = new TreeSet<>();
        for (String source : sources) {
            List<BalanceTransaction> ofDay = stripe.getOrDefault(source, List.of());
            List<LedgerMovement> entries = ledger.getOrDefault(source, List.of());
            boolean ledgerOnOtherDays = entries.stream()
                    .anyMatch(entry -> entry.occurredAt().isBefore(start)
                            || !entry.occurredAt().isBefore(end));
            if (ofDay.isEmpty() || ledgerOnOtherDays || !stripeNets(ofDay).equals(ledgerNets(entries))) {
                needing.add(source);
            }
        }
        return needing;
    }

    /**
     * The differences on one account for the given sources, ordered by source and currency.
     *
     * @param stripe every one of Stripe's balance transactions of those sources on the account (others are ignored)
     * @param ledger every ledger entry of those sources on the account's balance (others are ignored)
     */
    public static List<Difference> compare(
            StripeAccount account,
            Collection<String> sources,
            List<BalanceTransaction> stripe,
            List<LedgerMovement> ledger) {
        Map<String, List<BalanceTransaction>> stripeBySource = bySource(stripe, BalanceTransaction::source);
        Map<String, List<LedgerMovement>> ledgerBySource = bySource(ledger, LedgerMovement::source);
        List<Difference> differences = new ArrayList<>();
        for (String source : new TreeSet<>(sources)) {
            List<BalanceTransaction> transactions = stripeBySource.getOrDefault(source, List.of());
            List<LedgerMovement> entries = ledgerBySource.getOrDefault(source, List.of());
            SortedMap<String, Long> stripeNets = stripeNets(transactions);
            SortedMap<String, Long> ledgerNets = ledgerNets(entries);
            SortedSet<String> currencies = new TreeSet<>(stripeNets.keySet());
            currencies.addAll(ledgerNets.keySet());
            for (String currency : currencies) {
                List<BalanceTransaction> atStripe = transactions.stream()
                        .filter(transaction -> transaction.currency().equals(currency))
                        .toList();
                long ledgerCount = entries.stream()
                        .filter(entry -> entry.currency().equals(currency))
                        .count();
                long stripeNet = stripeNets.getOrDefault(currency, 0L);
                long ledgerNet = ledgerNets.getOrDefault(currency, 0L);
                if (!atStripe.isEmpty() && ledgerCount == 0) {
                    differences.add(new Difference(
                            account,
                            source,
                            currency,
                            DifferenceKind.MISSING_IN_LEDGER,
                            stripeNet,
                            0,
                            "Stripe's %s for %s on %s net %s; the ledger has no entry for it"
                                    .formatted(
                                            describe(atStripe), source, account.label(), money(stripeNet, currency))));
                } else if (atStripe.isEmpty() && ledgerCount > 0) {
                    differences.add(new Difference(
                            account,
                            source,
                            currency,
                            DifferenceKind.MISSING_AT_STRIPE,
                            0,
                            ledgerNet,
                            "The ledger's %d %s for %s on %s net %s; Stripe has no balance transaction for it"
                                    .formatted(
                                            ledgerCount,
                                            ledgerCount == 1 ? "entry" : "entries",
                                            source,
                                            account.label(),
                                            money(ledgerNet, currency))));
                } else if (stripeNet != ledgerNet) {
                    differences.add(new Difference(
                            account,
                            source,
                            currency,
                            DifferenceKind.AMOUNT_DIFFERS,
                            stripeNet,
                            ledgerNet,
                            "Stripe's %s for %s on %s net %s, the ledger's %d %s %s (Stripe minus ledger: %s)"
                                    .formatted(
                                            describe(atStripe),
                                            source,
                                            account.label(),
                                            money(stripeNet, currency),
                                            ledgerCount,
                                            ledgerCount == 1 ? "entry" : "entries",
                                            money(ledgerNet, currency),
                                            money(Math.subtractExact(stripeNet, ledgerNet), currency))));
                }
            }
        }
        return List.copyOf(differences);
    }

    private static SortedMap<String, Long> stripeNets(List<BalanceTransaction> transactions) {
        SortedMap<String, Long> nets = new TreeMap<>();
        transactions.forEach(transaction -> nets.merge(transaction.currency(), transaction.netMinor(), Math::addExact));
        return nets;
    }

    private static SortedMap<String, Long> ledgerNets(List<LedgerMovement> entries) {
        SortedMap<String, Long> nets = new TreeMap<>();
        entries.forEach(entry -> nets.merge(entry.currency(), entry.amountMinor(), Math::addExact));
        return nets;
    }

    private static <T> Map<String, List<T>> bySource(List<T> items, Function<T, String> source) {
        return items.stream().collect(Collectors.groupingBy(item -> Objects.requireNonNull(source.apply(item))));
    }

    private static String describe(List<BalanceTransaction> transactions) {
        String types =
                transactions.stream().map(BalanceTransaction::type).distinct().collect(Collectors.joining(", "));
        return transactions.size() == 1
                ? "balance transaction (" + types + ")"
                : transactions.size() + " balance transactions (" + types + ")";
    }

    static String money(long minor, String currency) {
        try {
            return Money.of(minor, currency).toString();
        } catch (IllegalArgumentException e) {
            return minor + " (minor units) " + currency;
        }
    }
}

package io.freightgate.ledger.internal.statements;

import io.freightgate.kernel.Money;
import io.freightgate.ledger.FeeStatementView.Line;
import io.freightgate.ledger.FeeStatementView.Total;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How journals become statement lines and totals. The fee revenue account is credit-normal, so a fee charged is a
 * credit (negative entry) and shows as a positive fee; what a journal moved between shipper and platform (the gross) is
 * the opposite of what it credited to the carrier's payable and the fee revenue together. Totals are per currency and
 * never mix currencies.
 */
public final class FeeStatementLines {

    private FeeStatementLines() {}

    /** The first instant of the month and the first of the next one, in UTC. */
    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    public static Line line(FeeJournal journal) {
        Money fee = journal.feeRevenue().negate();
        Money gross = journal.feeRevenue().plus(journal.carrierPayable()).negate();
        return new Line(
                journal.occurredAt(),
                journal.kind(),
                journal.reference(),
                journal.paymentRequestId(),
                journal.loadReference(),
                gross,
                fee);
    }

    /** The lines in order of time (then journal reference). */
    public static List<Line> lines(List<FeeJournal> journals) {
        return journals.stream()
                .map(FeeStatementLines::line)
                .sorted(Comparator.comparing(Line::occurredAt).thenComparing(Line::journalReference))
                .toList();
    }

    /** One total per currency that has lines, in order of the currency code. */
    public static List<Total> totals(List<Line> lines) {
        Map<String, List<Line>> byCurrency = new TreeMap<>();
        for (Line line : lines) {
            byCurrency
                    .computeIfAbsent(line.fee().currency().getCurrencyCode(), code -> new ArrayList<>())
                    .add(line);
        }
        List<Total> totals = new ArrayList<>();
        byCurrency.forEach((code, group) -> {
            var currency = group.getFirst().fee().currency();
            Money gross = Money.zero(currency);
            Money charged = Money.zero(currency);
            Money returned = Money.zero(currency);
            for (Line line : group) {
                gross = gross.plus(line.gross());
                if (line.fee().isNegative()) {
                    returned = returned.plus(line.fee());
                } else {
                    charged = charged.plus(line.fee());
                }
            }
            totals.add(new Total(currency, group.size(), gross, charged, returned, charged.plus(returned)));
        });
        return List.copyOf(totals);
    }
}

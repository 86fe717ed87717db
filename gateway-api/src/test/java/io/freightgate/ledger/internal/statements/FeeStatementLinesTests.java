package io.freightgate.ledger.internal.statements;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.FeeStatementView.Line;
import io.freightgate.ledger.FeeStatementView.Total;
import io.freightgate.ledger.JournalKind;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Journals as the ledger posts them become statement lines with the fee's sign as a carrier reads it. */
class FeeStatementLinesTests {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency GBP = Currency.getInstance("GBP");

    /** PAYMENT of 1250.00 with a fee of 25.25: -1224.75 payable, -25.25 fee revenue. */
    static FeeJournal payment(String ref, Currency currency, long amount, long fee, String at) {
        return new FeeJournal(
                "charge:" + ref,
                JournalKind.PAYMENT,
                Instant.parse(at),
                Optional.of(new PaymentRequestId(UUID.nameUUIDFromBytes(ref.getBytes()))),
                Optional.of("LD-" + ref),
                new Money(-fee, currency),
                new Money(-(amount - fee), currency));
    }

    /** REFUND of {@code amount}: the carrier's share {@code carrierPart} and the fee's part come back (debits). */
    static FeeJournal refund(String ref, long amount, long carrierPart, String at) {
        return new FeeJournal(
                "refund:" + ref,
                JournalKind.REFUND,
                Instant.parse(at),
                Optional.of(new PaymentRequestId(UUID.nameUUIDFromBytes(ref.getBytes()))),
                Optional.of("LD-" + ref),
                new Money(amount - carrierPart, EUR),
                new Money(carrierPart, EUR));
    }

    @Test
    void aPaymentIsItsGrossAndThePositiveFeeCharged() {
        Line line = FeeStatementLines.line(payment("ch_1", EUR, 125_000, 2_525, "2026-11-03T10:00:00Z"));

        assertThat(line.kind()).isEqualTo(JournalKind.PAYMENT);
        assertThat(line.gross()).isEqualTo(Money.of(125_000, "EUR"));
        assertThat(line.fee()).isEqualTo(Money.of(2_525, "EUR"));
        assertThat(line.loadReference()).contains("LD-ch_1");
        assertThat(line.journalReference()).isEqualTo("charge:ch_1");
    }

    @Test
    void aRefundIsANegativeGrossAndTheFeeGivenBack() {
        Line line = FeeStatementLines.line(refund("re_1", 50_000, 48_990, "2026-11-04T10:00:00Z"));

        assertThat(line.gross()).isEqualTo(Money.of(-50_000, "EUR"));
        assertThat(line.fee()).isEqualTo(Money.of(-1_010, "EUR"));
    }

    @Test
    void aRefundFailureTakesTheFeeAgain() {
        FeeJournal refund = refund("re_2", 10_000, 9_800, "2026-11-05T10:00:00Z");
        FeeJournal failure = new FeeJournal(
                "refund-failure:re_2",
                JournalKind.REFUND_FAILURE,
                Instant.parse("2026-11-06T10:00:00Z"),
                refund.paymentRequestId(),
                refund.loadReference(),
                refund.feeRevenue().negate(),
                refund.carrierPayable().negate());

        Line line = FeeStatementLines.line(failure);

        assertThat(line.gross()).isEqualTo(Money.of(10_000, "EUR"));
        assertThat(line.fee()).isEqualTo(Money.of(200, "EUR"));
    }

    @Test
    void totalsArePerCurrencyAndSeparateFeesChargedFromFeesGivenBack() {
        List<Line> lines = FeeStatementLines.lines(List.of(
                refund("re_1", 50_000, 48_990, "2026-11-04T10:00:00Z"),
                payment("ch_2", GBP, 10_000, 220, "2026-11-02T10:00:00Z"),
                payment("ch_1", EUR, 125_000, 2_525, "2026-11-03T10:00:00Z"),
                payment("ch_3", EUR, 20_000, 425, "2026-11-30T23:59:59Z")));

        assertThat(lines)
                .extracting(Line::journalReference)
                .containsExactly("charge:ch_2", "charge:ch_1", "refund:re_1", "charge:ch_3");
        List<Total> totals = FeeStatementLines.totals(lines);

        assertThat(totals)
                .extracting(total -> total.currency().getCurrencyCode())
                .containsExactly("EUR", "GBP");
        Total eur = totals.getFirst();
        assertThat(eur.lines()).isEqualTo(3);
        assertThat(eur.gross()).isEqualTo(Money.of(95_000, "EUR"));
        assertThat(eur.feesCharged()).isEqualTo(Money.of(2_950, "EUR"));
        assertThat(eur.feesReturned()).isEqualTo(Money.of(-1_010, "EUR"));
        assertThat(eur.netFees()).isEqualTo(Money.of(1_940, "EUR"));
        Total gbp = totals.get(1);
        assertThat(gbp.netFees()).isEqualTo(Money.of(220, "GBP"));
        assertThat(gbp.feesReturned()).isEqualTo(Money.of(0, "GBP"));
    }

    @Test
    void anEmptyMonthHasNoTotals() {
        assertThat(FeeStatementLines.totals(List.of())).isEmpty();
    }

    @Test
    void aMonthRunsFromItsFirstInstantToTheNextMonthsInUtc() {
        assertThat(FeeStatementLines.start(YearMonth.of(2026, 11))).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(FeeStatementLines.end(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}

package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.JournalKind;
import io.freightgate.ledger.LedgerAccountKind;
import io.freightgate.ledger.LedgerEntryView;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger export is RFC 4180 CSV that no spreadsheet runs as a formula. */
class CsvTests {

    @Test
    void plainCellsAreWrittenAsTheyAre() {
        assertThat(Csv.row(List.of("charge:ch_1", "PAYMENT", "125000"))).isEqualTo("charge:ch_1,PAYMENT,125000\r\n");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(Csv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void cellsThatLookLikeFormulasArePrefixedWithAQuote() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void negativeNumbersStayNumbers() {
        assertThat(Csv.cell("-1225")).isEqualTo("-1225");
        assertThat(Csv.cell("-12.25")).isEqualTo("-12.25");
        assertThat(Csv.cell("-12.25.1")).isEqualTo("'-12.25.1");
    }

    @Test
    void emptyAndMissingCellsAreEmpty() {
        assertThat(Csv.row(Arrays.asList("a", null, "", "b"))).isEqualTo("a,,,b\r\n");
    }

    @Test
    void aLedgerEntryBecomesOneRowWithItsAmountInMinorUnitsAndDecimals() {
        UUID carrier = UUID.fromString("00000000-0000-0000-0000-000000000001");
        var entry = new LedgerEntryView(
                7,
                "charge:ch_1",
                JournalKind.PAYMENT,
                Instant.parse("2026-11-03T10:00:00Z"),
                LedgerAccountKind.PLATFORM_FEE_REVENUE,
                Optional.of(new TenantId(carrier)),
                Money.of(-2_525, "EUR"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(Csv.row(LedgerController.csvRow(entry)))
                .isEqualTo("7,2026-11-03T10:00:00Z,charge:ch_1,PAYMENT,PLATFORM_FEE_REVENUE," + carrier
                        + ",EUR,-2525,-25.25,,,\r\n");
        assertThat(LedgerController.decimal(Money.of(-5, "JPY"))).isEqualTo("-5");
        assertThat(LedgerController.decimal(Money.of(1, "KWD"))).isEqualTo("0.001");
        assertThat(Csv.row(LedgerController.CSV_HEADER)).startsWith("entry_id,occurred_at,journal_reference,");
    }
}

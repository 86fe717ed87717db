package io.freightgate.ledger.internal.statements;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.CarrierVatStatus.VatStanding;
import io.freightgate.ledger.FeeStatementView;
import io.freightgate.ledger.FeeStatementView.VatTreatment;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF says what the statement says: lines, totals per currency, and the reverse-charge note only when it applies. */
class FeeStatementPdfTests {

    final FeeStatementPdf pdf = new FeeStatementPdf();

    static FeeStatementView statement(List<FeeJournal> journals, Optional<VatStanding> vat) {
        var lines = FeeStatementLines.lines(journals);
        YearMonth month = YearMonth.of(2026, 11);
        return new FeeStatementView(
                TenantId.random(),
                month,
                FeeStatementLines.start(month),
                FeeStatementLines.end(month),
                true,
                Instant.parse("2026-12-03T08:00:00Z"),
                new FeeStatementView.Platform("FreightGate GmbH", "DE", "DE136695976"),
                vat,
                ReverseChargePolicy.decide(vat, ReverseChargePolicyTests.GERMAN_PLATFORM),
                lines,
                FeeStatementLines.totals(lines));
    }

    static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aReverseChargedStatementCarriesTheNoteAndBothVatNumbers() throws IOException {
        var statement = statement(
                List.of(
                        FeeStatementLinesTests.payment(
                                "ch_1", FeeStatementLinesTests.EUR, 125_000, 2_525, "2026-11-03T10:00:00Z"),
                        FeeStatementLinesTests.refund("re_1", 50_000, 48_990, "2026-11-04T10:00:00Z")),
                Optional.of(new VatStanding("FR83404833048", "FR", true)));
        assertThat(statement.vat()).isInstanceOf(VatTreatment.ReverseCharge.class);

        String text = text(pdf.render("Transports Dupont SARL", statement)).replaceAll("\\s+", " ");

        assertThat(text)
                .contains("Platform fee statement 2026-11")
                .contains("FreightGate GmbH, VAT DE136695976")
                .contains("Transports Dupont SARL, VAT FR83404833048")
                .contains("LD-ch_1")
                .contains("1250.00 EUR")
                .contains("25.25 EUR")
                .contains("-500.00 EUR")
                .contains("-10.10 EUR")
                .contains("Total EUR: fees charged 25.25 EUR, given back -10.10 EUR, net fees 15.15 EUR (2 lines)")
                .contains("Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive"
                        + " 2006/112/EC)")
                .contains("Supplier VAT number: DE136695976 Recipient VAT number: FR83404833048");
    }

    @Test
    void aStatementWithoutReverseChargeHasNoNote() throws IOException {
        var statement = statement(
                List.of(FeeStatementLinesTests.payment(
                        "ch_1", FeeStatementLinesTests.EUR, 125_000, 2_525, "2026-11-03T10:00:00Z")),
                Optional.of(new VatStanding("DE811907980", "DE", true)));

        String text = text(pdf.render("Spedition Muster GmbH", statement));

        assertThat(text).contains("net fees 25.25 EUR").doesNotContain("Reverse charge");
    }

    @Test
    void anEmptyMonthSaysSo() throws IOException {
        assertThat(text(pdf.render("Carrier", statement(List.of(), Optional.empty()))))
                .contains("No platform fees in this month.");
    }

    @Test
    void manyLinesFlowOntoMorePagesAndHostileTextIsDefused() throws IOException {
        List<FeeJournal> journals = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            journals.add(FeeStatementLinesTests.payment(
                    "ch_" + i, FeeStatementLinesTests.GBP, 10_000 + i, 220, "2026-11-02T10:00:00Z"));
        }
        byte[] bytes = pdf.render("Evil\u0000 Carrier\n货运 ) Tj (", statement(journals, Optional.empty()));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Evil? Carrier???").contains("Total GBP:").contains("(120 lines)");
        }
    }
}

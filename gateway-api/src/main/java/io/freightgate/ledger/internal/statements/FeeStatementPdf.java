package io.freightgate.ledger.internal.statements;

import io.freightgate.kernel.Money;
import io.freightgate.ledger.FeeStatementView;
import io.freightgate.ledger.FeeStatementView.VatTreatment;
import io.freightgate.platform.documents.PdfText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * A fee statement as an A4 PDF: the platform and the carrier with their VAT numbers, a line per journal (date, kind,
 * load, payment request, gross, fee), the totals per currency and, when it applies, the reverse-charge note. Every
 * string goes through {@link PdfText#printable}, so a load reference or a name can neither break the content
 * stream nor fail the rendering.
 */
@Component
public class FeeStatementPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float[] COLUMNS = {50, 115, 205, 315, 385, 475};

    public byte[] render(String carrierName, FeeStatementView statement) {
        var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(PdfText.printable(font, "Fee statement " + statement.month() + " " + carrierName));
            info.setProducer("FreightGate");
            document.setDocumentInformation(info);

            List<String> header = new ArrayList<>();
            header.add("Platform fee statement " + statement.month() + (statement.complete() ? "" : " (preliminary)"));
            header.add("From: " + statement.platform().legalName() + ", VAT "
                    + statement.platform().vatNumber());
            header.add("To: " + carrierName
                    + statement
                            .carrierVat()
                            .map(vat -> ", VAT " + vat.vatNumber())
                            .orElse(""));
            header.add("Period: " + DATE.format(statement.from()) + " to "
                    + DATE.format(statement.until().minusSeconds(1)) + " (UTC)   Made: "
                    + DATE.format(statement.generatedAt()));
            header.add("");

            List<String[]> rows = new ArrayList<>();
            for (FeeStatementView.Line line : statement.lines()) {
                rows.add(new String[] {
                    DATE.format(line.occurredAt()),
                    line.kind().name(),
                    line.loadReference().orElse("-"),
                    line.paymentRequestId()
                            .map(id -> id.toString().substring(0, 8))
                            .orElse("-"),
                    amount(line.gross()),
                    amount(line.fee())
                });
            }
            List<String> footer = new ArrayList<>();
            footer.add("");
            if (statement.totals().isEmpty()) {
                footer.add("No platform fees in this month.");
            }
            for (FeeStatementView.Total total : statement.totals()) {
                footer.add("Total " + total.currency().getCurrencyCode() + ": fees charged "
                        + amount(total.feesCharged()) + ", given back " + amount(total.feesReturned())
                        + ", net fees " + amount(total.netFees()) + " (" + total.lines() + " lines)");
            }
            switch (statement.vat()) {
                case VatTreatment.ReverseCharge reverse -> {
                    footer.add("");
                    footer.add(reverse.note());
                    footer.add("Supplier VAT number: " + reverse.platformVatNumber() + "   Recipient VAT number: "
                            + reverse.carrierVatNumber());
                }
                case VatTreatment.NoReverseCharge none -> {}
            }

            int row = 0;
            int footerLine = 0;
            boolean first = true;
            while (first || row < rows.size() || footerLine < footer.size()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    float y = page.getMediaBox().getHeight() - MARGIN;
                    if (first) {
                        for (String text : header) {
                            var face = text.startsWith("Platform fee") ? bold : font;
                            for (String part : wrap(face, 11, text)) {
                                write(content, face, 11, MARGIN, y, part);
                                y -= LEADING;
                            }
                        }
                    }
                    if (first || row < rows.size()) {
                        String[] titles = {"Date", "Kind", "Load", "Request", "Gross", "Fee"};
                        for (int c = 0; c < titles.length; c++) {
                            write(content, bold, 9, COLUMNS[c], y, titles[c]);
                        }
                        y -= LEADING;
                    }
                    first = false;
                    while (row < rows.size() && y > MARGIN + LEADING) {
                        String[] cells = rows.get(row++);
                        for (int c = 0; c < cells.length; c++) {
                            write(content, font, 9, COLUMNS[c], y, clip(cells[c], c == 2 ? 20 : 18));
                        }
                        y -= LEADING;
                    }
                    while (row >= rows.size() && footerLine < footer.size() && y > MARGIN + LEADING) {
                        for (String text : wrap(font, 10, footer.get(footerLine++))) {
                            write(content, font, 10, MARGIN, y, text);
                            y -= LEADING;
                        }
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        PdfText.write(content, font, size, x, y, text);
    }

    /** The text broken at spaces into lines that fit the page's width. */
    static List<String> wrap(PDType1Font font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(PdfText.printable(font, candidate)) / 1000 * size > WIDTH) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String amount(Money money) {
        return money.toString();
    }
}

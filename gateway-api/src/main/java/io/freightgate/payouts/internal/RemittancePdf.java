package io.freightgate.payouts.internal;

import io.freightgate.kernel.Money;
import io.freightgate.payouts.RemittanceView;
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
 * A payout's remittance as a one-or-more-page A4 PDF: the payout, a line per balance transaction (date, kind, load,
 * invoice amount, platform fee, net), the total and whether it matches. Text written into the PDF passes through
 * {@link #printable}: control characters and anything the standard font cannot encode become {@code ?}, so a load
 * reference can neither break the content stream nor fail the rendering.
 */
@Component
public class RemittancePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final float[] COLUMNS = {50, 120, 205, 330, 410, 480};

    public byte[] render(String carrierName, RemittanceView remittance) {
        var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Remittance " + remittance.payout().id());
            info.setProducer("FreightGate");
            document.setDocumentInformation(info);
            List<String[]> rows = new ArrayList<>();
            for (RemittanceView.Line line : remittance.lines()) {
                rows.add(new String[] {
                    DATE.format(line.occurredAt()),
                    line.kind().name(),
                    line.loadReference().orElse(line.description().orElse(line.stripeType())),
                    line.invoiceAmount().map(RemittancePdf::amount).orElse(""),
                    line.platformFee().map(RemittancePdf::amount).orElse(""),
                    amount(line.net())
                });
            }
            var payout = remittance.payout();
            List<String> header = List.of(
                    "Remittance advice",
                    "Carrier: " + carrierName,
                    "Payout: " + payout.stripePayoutId().orElse(payout.id().toString()) + " ("
                            + (payout.automatic() ? "scheduled" : "on demand") + ")",
                    "Amount: " + amount(payout.amount()) + "   Arrival: "
                            + payout.arrivalDate().map(Object::toString).orElse("-"),
                    "");
            int row = 0;
            while (row < rows.size() || row == 0) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    float y = page.getMediaBox().getHeight() - MARGIN;
                    if (document.getNumberOfPages() == 1) {
                        for (String text : header) {
                            write(content, text.startsWith("Remittance") ? bold : font, 11, MARGIN, y, text);
                            y -= LEADING;
                        }
                    }
                    String[] titles = {"Date", "Kind", "Load / description", "Invoice", "Platform fee", "Net"};
                    for (int c = 0; c < titles.length; c++) {
                        write(content, bold, 9, COLUMNS[c], y, titles[c]);
                    }
                    y -= LEADING;
                    while (row < rows.size() && y > MARGIN + 3 * LEADING) {
                        String[] cells = rows.get(row++);
                        for (int c = 0; c < cells.length; c++) {
                            write(content, font, 9, COLUMNS[c], y, clip(cells[c], c == 2 ? 22 : 16));
                        }
                        y -= LEADING;
                    }
                    if (row >= rows.size()) {
                        y -= LEADING;
                        write(content, bold, 10, MARGIN, y, "Total of lines: " + amount(remittance.total()));
                        y -= LEADING;
                        write(
                                content,
                                font,
                                10,
                                MARGIN,
                                y,
                                remittance.balanced()
                                        ? "The lines add up to the payout."
                                        : "Difference to the payout: " + amount(remittance.difference()));
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of text at ({@code x}, {@code y}), made printable for the font first ({@link PdfText}). */
    public static void write(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        PdfText.write(content, font, size, x, y, text);
    }

    /** The text with control characters and characters the font cannot encode replaced by {@code ?}. */
    public static String printable(PDType1Font font, String text) {
        return PdfText.printable(font, text);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String amount(Money money) {
        return money.toString();
    }
}

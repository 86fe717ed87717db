package io.freightgate.platform.documents;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * Text on the PDFs FreightGate writes (remittances, fee statements): every string goes through {@link #printable}, so a
 * load reference or a name can neither break the content stream nor fail the document on a character the standard
 * font cannot encode.
 */
public final class PdfText {

    private PdfText() {}

    /** One line of text at ({@code x}, {@code y}), made printable for the font first. */
    public static void write(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(font, text));
        content.endText();
    }

    /** The text with control characters and characters the font cannot encode replaced by {@code ?}. */
    public static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                out.append('?');
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}

package io.freightgate.loads.internal;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF, read with PDFBox (at most the first pages; a scanned PDF without text yields nothing). */
public final class PdfText {

    static final int MAX_PAGES = 20;

    private PdfText() {}

    /** The text, or empty when the PDF cannot be read. */
    public static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(MAX_PAGES, document.getNumberOfPages()));
            return stripper.getText(document);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Whether PDFBox can open it at all. */
    public static boolean readable(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

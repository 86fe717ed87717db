package io.freightgate.kyc.internal.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Decides whether an uploaded PDF may be kept: it must parse, must not be encrypted ({@code /Encrypt}), and must carry
 * no active content: no JavaScript ({@code /JS}, {@code /JavaScript} name trees or actions, also behind
 * {@code /OpenAction} and {@code /AA}) and no {@code /Launch} action. Every object reachable from the trailer is
 * visited with PDFBox, so hex-escaped names ({@code /J#61vaScript}) and object streams are seen as a reader sees them;
 * a raw byte scan for the same names backs it up for objects the walk does not reach.
 */
public final class PdfInspection {

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final int MAX_OBJECTS = 200_000;

    /** The verdict on one PDF. */
    public sealed interface Verdict {}

    public record Acceptable() implements Verdict {}

    public record Refused(String reason) implements Verdict {}

    public Verdict inspect(byte[] pdf) {
        if (containsName(pdf, "Encrypt")) {
            return new Refused("The PDF is encrypted.");
        }
        if (containsName(pdf, "JavaScript") || containsName(pdf, "JS") || containsName(pdf, "Launch")) {
            return new Refused("The PDF contains JavaScript or a launch action.");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                return new Refused("The PDF is encrypted.");
            }
            String active = activeContent(document.getDocument().getTrailer());
            return active == null ? new Acceptable() : new Refused(active);
        } catch (InvalidPasswordException e) {
            return new Refused("The PDF is encrypted.");
        } catch (IOException | RuntimeException e) {
            return new Refused("The PDF cannot be read.");
        }
    }

    private static String activeContent(COSDictionary trailer) {
        if (trailer.containsKey(COSName.ENCRYPT)) {
            return "The PDF is encrypted.";
        }
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(trailer);
        while (!pending.isEmpty()) {
            if (seen.size() > MAX_OBJECTS) {
                return "The PDF has too many objects to be checked.";
            }
            COSBase item = pending.pop();
            if (item instanceof COSObject reference) {
                item = reference.getObject();
            }
            if (item == null || !seen.add(item)) {
                continue;
            }
            if (item instanceof COSDictionary dictionary) {
                if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
                    return "The PDF contains JavaScript.";
                }
                COSName action = dictionary.getCOSName(COSName.S);
                if (COSName.JAVA_SCRIPT.equals(action)) {
                    return "The PDF contains JavaScript.";
                }
                if (LAUNCH.equals(action)) {
                    return "The PDF contains a launch action.";
                }
                dictionary.getValues().forEach(pending::push);
            } else if (item instanceof COSArray array) {
                array.forEach(pending::push);
            }
        }
        return null;
    }

    /** Whether {@code /name} occurs as a whole PDF name in the raw bytes (followed by a delimiter or white space). */
    static boolean containsName(byte[] pdf, String name) {
        byte[] needle = ("/" + name).getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= pdf.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (pdf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            int next = i + needle.length;
            if (next == pdf.length || isDelimiter(pdf[next])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelimiter(byte b) {
        return switch (b) {
            case ' ', '\n', '\r', '\t', '\f', 0, '/', '<', '>', '[', ']', '(', ')', '{', '}', '%' -> true;
            default -> false;
        };
    }
}

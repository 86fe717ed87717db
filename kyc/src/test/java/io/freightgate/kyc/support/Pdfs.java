package io.freightgate.kyc.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

/** Real PDF files for upload tests, written with PDFBox. */
public final class Pdfs {

    private Pdfs() {}

    public static byte[] plain() {
        return write(document -> {});
    }

    public static byte[] withOpenActionJavaScript() {
        return write(
                document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');")));
    }

    public static byte[] withLaunchAction() {
        return write(document -> {
            var launch = new PDActionLaunch();
            launch.getCOSObject().setString("F", "calc.exe");
            document.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] encrypted() {
        return write(document -> {
            var policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            try {
                document.protect(policy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private interface Change {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] write(Change change) {
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.freightgate.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.platform.documents.DocumentInspector.Refusal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentInspectorTests {

    final DocumentInspector inspector = new DocumentInspector(DocumentInspector.Limits.defaults());

    @AfterEach
    void close() {
        inspector.close();
    }

    @Test
    void aCleanPdfPassesAndItsTextIsRead() {
        byte[] pdf = HostileFiles.cleanPdf("Load number: LD-4711");

        assertThat(inspector.inspect(pdf)).isInstanceOf(DocumentInspector.Passed.class);
        assertThat(inspector.text(pdf))
                .isInstanceOfSatisfying(DocumentInspector.Text.class, text -> assertThat(text.text())
                        .contains("LD-4711"));
    }

    @Test
    void aSmallPdfThatInflatesToAGigabyteIsRefusedQuickly() {
        byte[] bomb = HostileFiles.pdfBomb(1024);
        assertThat(bomb.length).isLessThan(30_000);

        long started = System.nanoTime();
        var refused = refusal(inspector.text(bomb));

        assertThat(refused.refusal()).isEqualTo(Refusal.TOO_COMPLEX);
        assertThat(refused.detail()).contains("decompresses");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    @Test
    void anAscii85LayerOfZerosUnderAFlateLayerIsRefusedBeforeItFillsTheHeap() {
        byte[] bomb = HostileFiles.ascii85ZeroBomb(32);
        assertThat(bomb.length).isLessThan(100_000);

        var refused = refusal(inspector.text(bomb));

        assertThat(refused.refusal()).isEqualTo(Refusal.TOO_COMPLEX);
        assertThat(refused.detail()).contains("decodes to more than 8 MiB");
    }

    @Test
    void activeContentIsRefused() {
        assertThat(refusal(inspector.inspect(HostileFiles.openActionJavaScript()))
                        .refusal())
                .isEqualTo(Refusal.ACTIVE_CONTENT);
        assertThat(refusal(inspector.inspect(HostileFiles.launchAction())).detail())
                .contains("launch");
        assertThat(refusal(inspector.inspect(HostileFiles.embeddedFile())).detail())
                .contains("embedded file");
        for (String action : new String[] {"URI", "SubmitForm", "GoToE", "ImportData"}) {
            assertThat(refusal(inspector.inspect(handWritten("/OpenAction << /S /" + action + " >>")))
                            .refusal())
                    .as(action)
                    .isEqualTo(Refusal.ACTIVE_CONTENT);
        }
        assertThat(refusal(inspector.inspect(handWritten("/AcroForm << /XFA 5 0 R >>")))
                        .detail())
                .contains("XFA");
    }

    @Test
    void seesThroughHexEscapedNames() {
        var refused =
                refusal(inspector.inspect(handWritten("/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>")));

        assertThat(refused.refusal()).isEqualTo(Refusal.ACTIVE_CONTENT);
    }

    @Test
    void refusesWhatIsNotAReadablePdf() {
        assertThat(refusal(inspector.inspect("%PDF-1.7 and then nothing".getBytes(StandardCharsets.US_ASCII)))
                        .refusal())
                .isEqualTo(Refusal.UNREADABLE);
    }

    @Test
    void anImageIsJudgedByTheSizeItsHeaderDeclares() {
        var huge = refusal(inspector.inspect(HostileFiles.pngHeader(60_000, 60_000)));
        assertThat(huge.refusal()).isEqualTo(Refusal.TOO_COMPLEX);
        assertThat(huge.detail()).contains("60000 x 60000");

        assertThat(inspector.inspect(HostileFiles.pngHeader(64, 64)))
                .isInstanceOfSatisfying(DocumentInspector.Passed.class, passed -> assertThat(passed.image())
                        .contains(new DocumentInspector.ImageSize(64, 64)));
    }

    @Test
    void aPngWhoseCompressedTextInflatesPastTheCapIsRefused() {
        assertThat(refusal(inspector.inspect(HostileFiles.pngTextBomb(1024))).refusal())
                .isEqualTo(Refusal.TOO_COMPLEX);
    }

    private static DocumentInspector.Refused refusal(Object outcome) {
        assertThat(outcome).isInstanceOf(DocumentInspector.Refused.class);
        return (DocumentInspector.Refused) outcome;
    }

    private static byte[] handWritten(String catalogEntry) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R " + catalogEntry + " >>\nendobj\n"
                        + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}

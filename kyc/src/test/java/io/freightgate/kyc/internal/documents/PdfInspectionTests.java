package io.freightgate.kyc.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kyc.support.Pdfs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PdfInspectionTests {

    final PdfInspection inspection = new PdfInspection();

    @Test
    void acceptsAPlainPdf() {
        assertThat(inspection.inspect(Pdfs.plain())).isInstanceOf(PdfInspection.Acceptable.class);
    }

    @Test
    void refusesJavaScriptLaunchActionsAndEncryption() {
        assertThat(reason(Pdfs.withOpenActionJavaScript())).contains("JavaScript");
        assertThat(reason(Pdfs.withLaunchAction())).contains("launch");
        assertThat(reason(Pdfs.encrypted())).contains("encrypted");
    }

    @Test
    void seesThroughHexEscapedNames() {
        String pdf = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>
                endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;

        assertThat(reason(pdf.getBytes(StandardCharsets.US_ASCII))).contains("JavaScript");
    }

    @Test
    void refusesWhatIsNotAReadablePdf() {
        assertThat(reason("%PDF-1.7 and then nothing".getBytes(StandardCharsets.US_ASCII)))
                .contains("cannot be read");
    }

    @Test
    void findsNamesOnlyAsWholeTokens() {
        assertThat(PdfInspection.containsName("<< /JS (x) >>".getBytes(StandardCharsets.US_ASCII), "JS"))
                .isTrue();
        assertThat(PdfInspection.containsName("<< /JSON 1 >>".getBytes(StandardCharsets.US_ASCII), "JS"))
                .isFalse();
    }

    private String reason(byte[] pdf) {
        var verdict = inspection.inspect(pdf);
        assertThat(verdict).isInstanceOf(PdfInspection.Refused.class);
        return ((PdfInspection.Refused) verdict).reason();
    }
}

package io.freightgate.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** What reaches a PDF content stream is text the font can show: nothing else gets through. */
class RemittancePdfTests {

    @Test
    void controlCharactersAndUnencodableCharactersBecomeQuestionMarks() {
        var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        assertThat(RemittancePdf.printable(font, "LD-4711 Müller")).isEqualTo("LD-4711 Müller");
        assertThat(RemittancePdf.printable(font, "A\nB\u0000C")).isEqualTo("A?B?C");
        assertThat(RemittancePdf.printable(font, "Łódź 货运 😀")).isEqualTo("?ód? ?? ?");
    }
}

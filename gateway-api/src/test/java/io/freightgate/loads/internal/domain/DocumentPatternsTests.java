package io.freightgate.loads.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentPatternsTests {

    static final String RATE_CONFIRMATION = """
            RATE CONFIRMATION
            Load number: RC-2026-0042
            BOL No: BOL-778812
            Pickup: Hafenstrasse 1, 20457 Hamburg, DE
            Pickup date: 2026-12-10
            Delivery: 12 Rue de la Republique, 69002 Lyon, FR
            Delivery date: 12.12.2026
            Agreed rate: EUR 1,850.00
            Fuel surcharge: 120,50 EUR
            """;

    @Test
    void recognizesTheReferenceAmountsDatesAndAddressesOfARateConfirmation() {
        var recognized = DocumentPatterns.recognize(RATE_CONFIRMATION);
        assertThat(recognized.loadReference()).contains("RC-2026-0042");
        assertThat(recognized.bolNumber()).contains("BOL-778812");
        assertThat(recognized.amounts())
                .containsExactly(
                        new DocumentPatterns.Amount(185_000, "EUR"), new DocumentPatterns.Amount(12_050, "EUR"));
        assertThat(recognized.pickupDate()).contains(LocalDate.of(2026, 12, 10));
        assertThat(recognized.deliveryDate()).contains(LocalDate.of(2026, 12, 12));
        assertThat(recognized.dates()).contains(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 12));
        assertThat(recognized.pickupAddress()).contains("Hafenstrasse 1, 20457 Hamburg, DE");
        assertThat(recognized.deliveryAddress()).contains("12 Rue de la Republique, 69002 Lyon, FR");
    }

    @Test
    void readsAmountsWrittenTheEuropeanAndTheEnglishWay() {
        assertThat(DocumentPatterns.minorUnits("1.850,00")).contains(185_000L);
        assertThat(DocumentPatterns.minorUnits("1,850.00")).contains(185_000L);
        assertThat(DocumentPatterns.minorUnits("1 850,00")).contains(185_000L);
        assertThat(DocumentPatterns.minorUnits("1850")).contains(185_000L);
        assertThat(DocumentPatterns.amounts("Total: £ 99.95"))
                .containsExactly(new DocumentPatterns.Amount(9_995, "GBP"));
    }

    @Test
    void findsNothingInTextWithoutThePatterns() {
        var recognized = DocumentPatterns.recognize("Thank you for your business.");
        assertThat(recognized.loadReference()).isEmpty();
        assertThat(recognized.amounts()).isEmpty();
        assertThat(recognized.dates()).isEmpty();
        assertThat(recognized.pickupAddress()).isEmpty();
    }

    @Test
    void ignoresImpossibleDates() {
        assertThat(DocumentPatterns.dates("31.02.2026 and 2026-13-01")).isEmpty();
    }
}

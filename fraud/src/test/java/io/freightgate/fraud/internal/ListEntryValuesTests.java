package io.freightgate.fraud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.fraud.internal.ListEntries.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lists, snoozes and screening compare one spelling of a value: an address is written the way Java writes it. */
class ListEntryValuesTests {

    @ParameterizedTest
    @CsvSource({
        "2001:DB8::1, 2001:db8:0:0:0:0:0:1",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8:0:0:0:0:0:1",
        "' 2001:db8:0:0:0:0:0:1 ', 2001:db8:0:0:0:0:0:1",
        "::ffff:203.0.113.7, 203.0.113.7",
        "203.0.113.7, 203.0.113.7",
        "not-an-address, not-an-address"
    })
    void anIpIsWrittenOneWay(String written, String canonical) {
        assertThat(Kind.IP.canonical(written)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"CARD, ' fp_ABC ', fp_ABC", "DEVICE, 2001:DB8::1, 2001:DB8::1", "PAY_LINK, abc, abc"})
    void otherValuesAreOnlyStripped(Kind kind, String written, String canonical) {
        assertThat(kind.canonical(written)).isEqualTo(canonical);
    }
}

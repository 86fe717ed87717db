package io.freightgate.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountryCodeTests {

    @Test
    void normalizesCaseAndSpace() {
        assertThat(CountryCode.of(" de ")).isEqualTo(new CountryCode("DE"));
    }

    @Test
    void acceptsNorthernIrelandForVatButNotInventedCodes() {
        assertThat(CountryCode.of("XI").value()).isEqualTo("XI");
        assertThatThrownBy(() -> CountryCode.of("ZZ")).isInstanceOf(IllegalArgumentException.class);
    }
}

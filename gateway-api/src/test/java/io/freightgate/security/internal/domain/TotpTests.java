package io.freightgate.security.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesTheSha1VectorsOfRfc6238AppendixB(long seconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)), 8))
                .isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheVector() {
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void acceptsTheCodeOfOneStepEitherSideButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        String previous = Totp.code(RFC_SECRET, now.minusSeconds(30));
        String next = Totp.code(RFC_SECRET, now.plusSeconds(30));
        String twoAgo = Totp.code(RFC_SECRET, now.minusSeconds(60));

        assertThat(Totp.verify(RFC_SECRET, previous, now, OptionalLong.empty())).isPresent();
        assertThat(Totp.verify(RFC_SECRET, next, now, OptionalLong.empty())).isPresent();
        assertThat(Totp.verify(RFC_SECRET, twoAgo, now, OptionalLong.empty())).isEmpty();
    }

    @Test
    void refusesACodeAlreadyUsedWithinItsWindow() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        String code = Totp.code(RFC_SECRET, now);
        OptionalLong used = Totp.verify(RFC_SECRET, code, now, OptionalLong.empty());

        assertThat(used).isPresent();
        assertThat(Totp.verify(RFC_SECRET, code, now.plusSeconds(10), used)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now.plusSeconds(30), used))
                .isPresent();
    }

    @Test
    void refusesMalformedCodes() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.verify(RFC_SECRET, "28708", now, OptionalLong.empty())).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "abcdef", now, OptionalLong.empty())).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, null, now, OptionalLong.empty())).isEmpty();
    }

    @Test
    void encodesTheSecretInBase32ForAuthenticatorApps() {
        assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.otpauthUri("FreightGate", "ana@carrier.test", RFC_SECRET))
                .isEqualTo("otpauth://totp/FreightGate:ana%40carrier.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=FreightGate&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void readsTheBase32SecretBackWhateverItsCaseAndPadding() {
        assertThat(Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
        assertThat(Totp.fromBase32("gezdgnbvgy3tqojqgezdgnbvgy3tqojq====")).isEqualTo(RFC_SECRET);
        byte[] odd = {1, 2, 3, 4, 5, 6, 7};
        assertThat(Totp.fromBase32(Totp.base32(odd))).isEqualTo(odd);
        assertThatThrownBy(() -> Totp.fromBase32("GEZ1")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.freightgate.kyc.internal.domain.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTests {

    @Test
    void matchesThePublishedExamples() {
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.840, within(0.001));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
        assertThat(JaroWinkler.jaro("martha", "marhta")).isCloseTo(0.944, within(0.001));
    }

    @Test
    void equalStringsScoreOneAndDisjointOnesZero() {
        assertThat(JaroWinkler.similarity("krasnov", "krasnov")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(JaroWinkler.similarity("", "abc")).isZero();
    }

    @Test
    void isSymmetric() {
        assertThat(JaroWinkler.similarity("krasnow", "krasnov"))
                .isEqualTo(JaroWinkler.similarity("krasnov", "krasnow"));
    }
}

package io.freightgate.kyc.internal.domain.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatcherTests {

    final NameMatcher matcher = new NameMatcher(NameMatcher.DEFAULT_THRESHOLD);

    @Test
    void normalizesCaseDiacriticsPunctuationWordOrderAndLegalForms() {
        assertThat(NameNormalizer.tokens("Zlatohlávek, Ondřej")).containsExactly("ondrej", "zlatohlavek");
        assertThat(NameNormalizer.tokens("STRAßE-Bau GmbH & Co. KG")).containsExactly("bau", "strasse");
        assertThat(NameNormalizer.tokens("Søren Ærø Łukasz")).containsExactly("aero", "lukasz", "soren");
        assertThat(NameNormalizer.tokens("Nordlicht Sp. z o.o.")).containsExactly("nordlicht");
        assertThat(NameNormalizer.tokens("GmbH")).isEmpty();
    }

    @Test
    void matchesTheSameNameWrittenDifferently() {
        assertThat(matcher.matches("Vladimir Ivanovich KRASNOV", "KRASNOV, Vladimir Ivanovich"))
                .isTrue();
        assertThat(matcher.matches("Ondrej Zlatohlavek", "Ondřej Zlatohlávek")).isTrue();
        assertThat(matcher.matches("Blackwater Shadow Freight Limited", "Blackwater Shadow Freight Ltd"))
                .isTrue();
    }

    @Test
    void toleratesATypoOrTransliteration() {
        assertThat(matcher.matches("Wladimir Krasnow", "Vladimir Krasnov")).isTrue();
        assertThat(matcher.matches("Blackwatter Shadow Freight", "Blackwater Shadow Freight Ltd"))
                .isTrue();
    }

    @Test
    void matchesWhenTheListedNameHasAMiddleNameTheInputLacks() {
        assertThat(matcher.matches("Vladimir Krasnov", "KRASNOV, Vladimir Ivanovich"))
                .isTrue();
    }

    @Test
    void doesNotMatchDifferentNamesThatShareOneWord() {
        assertThat(matcher.matches("Vladimir Petrov", "KRASNOV, Vladimir Ivanovich"))
                .isFalse();
        assertThat(matcher.matches("Nordlicht Spedition", "Blackwater Shadow Freight Ltd"))
                .isFalse();
        assertThat(matcher.matches("Erika Mustermann", "Ondřej Zlatohlávek")).isFalse();
        assertThat(matcher.matches("Global Freight Services", "Global Freight Solutions"))
                .isFalse();
    }

    @Test
    void aSingleWordMatchesOnlyItself() {
        assertThat(NameMatcher.score("Krasnov", "Krasnov")).isEqualTo(1.0);
        assertThat(matcher.matches("Krasnov", "Vladimir Ivanovich Krasnov")).isFalse();
    }

    @Test
    void findsTheBestListedName() {
        List<NameMatcher.ListedName> listed = List.of(
                NameMatcher.ListedName.of("KRASNOV, Vladimir Ivanovich", "TST-001"),
                NameMatcher.ListedName.of("Blackwater Shadow Freight Ltd", "TST-002"));

        assertThat(matcher.bestMatch("Wladimir I. Krasnow", listed))
                .hasValueSatisfying(
                        match -> assertThat(match.listed().entryReference()).isEqualTo("TST-001"));
        assertThat(matcher.bestMatch("Hanse Retail AG", listed)).isEmpty();
        assertThat(matcher.bestMatch("---", listed)).isEmpty();
    }

    @Test
    void theThresholdIsConfigurableWithinSaneBounds() {
        assertThat(new NameMatcher(0.99).matches("Wladimir Krasnow", "Vladimir Krasnov"))
                .isFalse();
        assertThatThrownBy(() -> new NameMatcher(0.3)).isInstanceOf(IllegalArgumentException.class);
    }
}

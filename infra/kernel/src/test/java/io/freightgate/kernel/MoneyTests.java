package io.freightgate.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void addsAndSubtractsWithinOneCurrency() {
        assertThat(Money.of(1250, "EUR").plus(Money.of(75, "EUR"))).isEqualTo(Money.of(1325, "EUR"));
        assertThat(Money.of(1250, "EUR").minus(Money.of(1300, "EUR"))).isEqualTo(Money.of(-50, "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void failsLoudlyOnOverflowInsteadOfWrappingAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void takesBasisPointsRoundingHalfAwayFromZero() {
        assertThat(Money.of(1000, "EUR").basisPoints(250)).isEqualTo(Money.of(25, "EUR"));
        assertThat(Money.of(1, "EUR").basisPoints(5000)).isEqualTo(Money.of(1, "EUR"));
        assertThat(Money.of(1, "EUR").basisPoints(4999)).isEqualTo(Money.of(0, "EUR"));
        assertThat(Money.of(-1, "EUR").basisPoints(5000)).isEqualTo(Money.of(-1, "EUR"));
    }

    @Test
    void knowsEachCurrencysExponent() {
        assertThat(Money.of(1, "EUR").exponent()).isEqualTo(2);
        assertThat(Money.of(1, "JPY").exponent()).isZero();
        assertThat(Money.of(1, "KWD").exponent()).isEqualTo(3);
    }

    @Test
    void printsMinorUnitsAsADecimalAmount() {
        assertThat(Money.of(125000, "EUR")).hasToString("1250.00 EUR");
        assertThat(Money.of(-5, "EUR")).hasToString("-0.05 EUR");
        assertThat(Money.of(500, "JPY")).hasToString("500 JPY");
    }

    @Test
    void comparesOnlyWithinOneCurrency() {
        assertThat(Money.of(2, "EUR")).isGreaterThan(Money.of(1, "EUR"));
        assertThatThrownBy(() -> Money.of(2, "EUR").compareTo(Money.of(1, "GBP")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

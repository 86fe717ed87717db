package io.freightgate.transfers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.Money;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeePolicyTests {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency HUF = Currency.getInstance("HUF");
    static final Currency JPY = Currency.getInstance("JPY");

    final FeePolicy policy = new FeePolicy(
            new FeePolicy.Terms(300, 0),
            Map.of(EUR, new FeePolicy.Terms(200, 25), HUF, new FeePolicy.Terms(150, 10_000)));

    @Test
    void takesThePercentageOfTheAmountPaidPlusTheFixedPartOfItsCurrency() {
        assertThat(policy.feeOn(Money.of(125_000, "EUR"))).isEqualTo(Money.of(2_525, "EUR"));
    }

    @Test
    void roundsThePercentageHalfUpToTheMinorUnit() {
        // 2 % of 12.25 EUR is 24.5 cents: half rounds up to 25, plus 25 fixed
        assertThat(policy.feeOn(Money.of(1_225, "EUR"))).isEqualTo(Money.of(50, "EUR"));
        // 2 % of 12.24 EUR is 24.48 cents: rounds down to 24
        assertThat(policy.feeOn(Money.of(1_224, "EUR"))).isEqualTo(Money.of(49, "EUR"));
        // 2 % of 12.26 EUR is 24.52 cents: rounds up to 25
        assertThat(policy.feeOn(Money.of(1_226, "EUR"))).isEqualTo(Money.of(50, "EUR"));
    }

    @Test
    void aCurrencyWithoutItsOwnTermsPaysTheDefaultPercentageAndNoFixedPart() {
        assertThat(policy.feeOn(Money.of(10_050, "USD"))).isEqualTo(Money.of(302, "USD"));
        assertThat(policy.feeOn(Money.of(1_000, "JPY"))).isEqualTo(new Money(30, JPY));
    }

    @Test
    void neverTakesMoreThanWasPaid() {
        assertThat(policy.feeOn(Money.of(20, "EUR"))).isEqualTo(Money.of(20, "EUR"));
        assertThat(policy.feeOn(new Money(5_000, HUF))).isEqualTo(new Money(5_000, HUF));
        assertThat(policy.feeOn(Money.of(0, "EUR"))).isEqualTo(Money.of(0, "EUR"));
    }

    @Test
    void refusesNegativeAmountsAndImpossibleTerms() {
        assertThatThrownBy(() -> policy.feeOn(Money.of(-1, "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeePolicy.Terms(10_001, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeePolicy.Terms(100, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowFailsLoudlyInsteadOfWrapping() {
        assertThatThrownBy(() -> policy.feeOn(Money.of(Long.MAX_VALUE / 100, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }
}

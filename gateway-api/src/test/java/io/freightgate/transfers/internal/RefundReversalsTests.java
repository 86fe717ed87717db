package io.freightgate.transfers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The share of a transfer a refund takes back: in proportion to the amount paid, rounded half up. */
class RefundReversalsTests {

    @Test
    void aRefundTakesBackTheSameFractionOfTheTransfer() {
        assertThat(RefundReversals.proportional(29_375, 10_000, 30_000)).isEqualTo(9_792); // 9,791.67
        assertThat(RefundReversals.proportional(29_375, 30_000, 30_000)).isEqualTo(29_375);
        assertThat(RefundReversals.proportional(100, 1, 200)).isEqualTo(1); // 0.5 rounds up
        assertThat(RefundReversals.proportional(100, 1, 201)).isZero(); // 0.497 rounds down
    }

    @Test
    void largeAmountsDoNotOverflowAndNothingPaidTakesNothing() {
        assertThat(RefundReversals.proportional(9_000_000_000_000L, 9_000_000_000_000L, 9_000_000_000_000L))
                .isEqualTo(9_000_000_000_000L);
        assertThat(RefundReversals.proportional(100, 50, 0)).isZero();
    }
}

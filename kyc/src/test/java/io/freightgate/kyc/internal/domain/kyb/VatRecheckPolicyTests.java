package io.freightgate.kyc.internal.domain.kyb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kyc.VatStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VatRecheckPolicyTests {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    final VatRecheckPolicy policy =
            new VatRecheckPolicy(Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(30));

    @Test
    void unknownIsRetriedWithDoublingBackoffUpToTheCap() {
        assertThat(policy.nextCheck(VatStatus.UNKNOWN, 1, false, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextCheck(VatStatus.UNKNOWN, 2, false, NOW)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(policy.nextCheck(VatStatus.UNKNOWN, 5, false, NOW)).contains(NOW.plus(Duration.ofMinutes(16)));
        assertThat(policy.nextCheck(VatStatus.UNKNOWN, 9, false, NOW)).contains(NOW.plus(Duration.ofMinutes(256)));
        assertThat(policy.nextCheck(VatStatus.UNKNOWN, 10, false, NOW)).contains(NOW.plus(Duration.ofHours(6)));
        assertThat(policy.nextCheck(VatStatus.UNKNOWN, 1000, false, NOW)).contains(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void validIsRevalidatedPeriodically() {
        assertThat(policy.nextCheck(VatStatus.VALID, 0, false, NOW)).contains(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void invalidAndOperatorAlertsAreNotRetriedAutomatically() {
        assertThat(policy.nextCheck(VatStatus.INVALID, 0, false, NOW)).isEmpty();
        assertThat(policy.nextCheck(VatStatus.UNKNOWN, 1, true, NOW)).isEmpty();
    }

    @Test
    void refusesAnInconsistentPolicy() {
        assertThatThrownBy(() -> new VatRecheckPolicy(Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.backoff(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.freightgate.integrations.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    static RetrySchedule schedule(long randomValue) {
        return new RetrySchedule(
                Duration.ofMinutes(1), Duration.ofHours(6), 10, bound -> Math.min(randomValue, bound - 1));
    }

    @Test
    void doublesTheCeilingAfterEachFailureUpToTheMaximum() {
        RetrySchedule schedule = schedule(0);

        assertThat(schedule.ceilingAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.ceilingAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.ceilingAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(schedule.ceilingAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(schedule.ceilingAfter(12)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void jitterKeepsTheDelayBetweenHalfTheCeilingAndTheCeiling() {
        assertThat(schedule(0).delayAfter(3)).contains(Duration.ofMinutes(2));
        assertThat(schedule(Long.MAX_VALUE).delayAfter(3)).contains(Duration.ofMinutes(4));

        Random random = new Random(7);
        RetrySchedule randomized =
                new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), 10, bound -> random.nextLong(bound));
        for (int attempt = 1; attempt < 10; attempt++) {
            Duration ceiling = randomized.ceilingAfter(attempt);
            for (int i = 0; i < 50; i++) {
                Duration delay = randomized.delayAfter(attempt).orElseThrow();
                assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void thereIsNoAttemptAfterTheLast() {
        assertThat(schedule(0).delayAfter(9)).isPresent();
        assertThat(schedule(0).delayAfter(10)).isEmpty();
        assertThat(schedule(0).delayAfter(11)).isEmpty();
    }

    @Test
    void refusesNonsensicalPolicies() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1), 3, bound -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), 3, bound -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(1), 0, bound -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.freightgate.platform.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one backoff: the integrator deliveries' jittered schedule and the mail relay's exact one (tests moved here). */
class BackoffTests {

    static Backoff schedule(long randomValue) {
        return new Backoff(Duration.ofMinutes(1), Duration.ofHours(6), 10, bound -> Math.min(randomValue, bound - 1));
    }

    @Test
    void doublesTheCeilingAfterEachFailureUpToTheMaximum() {
        Backoff schedule = schedule(0);

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
        Backoff randomized =
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(6), 10, bound -> random.nextLong(bound));
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
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3, bound -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3, bound -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0, bound -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // The mail relay's policy (formerly MailRetryPolicyTests): exact delays, without jitter.

    final Backoff mail = Backoff.withoutJitter(Duration.ofSeconds(30), Duration.ofMinutes(3), 6);

    @Test
    void withoutJitterDoublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertThat(mail.delayAfter(1)).contains(Duration.ofSeconds(30));
        assertThat(mail.delayAfter(2)).contains(Duration.ofMinutes(1));
        assertThat(mail.delayAfter(3)).contains(Duration.ofMinutes(2));
        assertThat(mail.delayAfter(4)).contains(Duration.ofMinutes(3));
        assertThat(mail.delayAfter(5)).contains(Duration.ofMinutes(3));
    }

    @Test
    void withoutJitterGivesUpAfterTheLastAttempt() {
        assertThat(mail.delayAfter(6)).isEmpty();
        assertThat(mail.delayAfter(7)).isEmpty();
    }

    @Test
    void refusesAPolicyWithoutAttemptsOrWithABackoffAboveItsMaximum() {
        assertThatThrownBy(() -> Backoff.withoutJitter(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.withoutJitter(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withJitterStaysWithinHalfTheCeilingAndTheCeilingAndActuallyVaries() {
        Backoff jittered = Backoff.withJitter(Duration.ofSeconds(10), Duration.ofMinutes(10), 8);
        java.util.Set<Duration> seen = new java.util.HashSet<>();
        for (int attempt = 1; attempt < 8; attempt++) {
            Duration ceiling = jittered.ceilingAfter(attempt);
            for (int i = 0; i < 200; i++) {
                Duration delay = jittered.delayAfter(attempt).orElseThrow();
                assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
                seen.add(delay);
            }
        }
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(jittered.delayAfter(8)).isEmpty();
    }

    @Test
    void subMillisecondDelaysSurviveWithoutJitter() {
        Backoff fast = Backoff.withoutJitter(Duration.ofMillis(1), Duration.ofMillis(4), 5);
        assertThat(fast.delayAfter(1)).contains(Duration.ofMillis(1));
        assertThat(fast.delayAfter(3)).contains(Duration.ofMillis(4));
    }
}

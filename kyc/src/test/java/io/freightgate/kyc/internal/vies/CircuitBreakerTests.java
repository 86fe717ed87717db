package io.freightgate.kyc.internal.vies;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kyc.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {

    final TestClock clock = new TestClock();
    final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMinutes(1), clock);

    @Test
    void opensAfterConsecutiveFailuresAndRefusesCalls() {
        fail(2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        fail(1);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        fail(2);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        fail(2);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriodAndClosesOnSuccess() {
        fail(3);
        clock.advance(Duration.ofMinutes(1));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() {
        fail(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }
}

package io.freightgate.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailRetryPolicyTests {

    final MailRetryPolicy policy = new MailRetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(3));

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertThat(policy.delayAfter(1)).contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).contains(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(3)).contains(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(4)).contains(Duration.ofMinutes(3));
        assertThat(policy.delayAfter(5)).contains(Duration.ofMinutes(3));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.delayAfter(6)).isEmpty();
        assertThat(policy.delayAfter(7)).isEmpty();
    }

    @Test
    void refusesAPolicyWithoutAttemptsOrWithABackoffAboveItsMaximum() {
        assertThatThrownBy(() -> new MailRetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailRetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

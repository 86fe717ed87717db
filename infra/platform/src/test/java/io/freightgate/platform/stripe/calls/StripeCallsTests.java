package io.freightgate.platform.stripe.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.platform.stripe.ProviderOutcome;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class StripeCallsTests {

    private final StripeCalls calls =
            new StripeCalls(new JdbcTemplate(), Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void anOpenCallIsCheckedAgainAfterDoublingWaitsCappedAtTheMaximum() {
        assertThat(calls.backoff(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(calls.backoff(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(calls.backoff(5)).isEqualTo(Duration.ofMinutes(32));
        assertThat(calls.backoff(6)).isEqualTo(Duration.ofHours(1));
        assertThat(calls.backoff(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void onlyUnansweredCallsAreOpenForTheJanitor() {
        assertThat(CallOutcome.of(new ProviderOutcome.Approved<>("tr_1"))).isEqualTo(CallOutcome.APPROVED);
        assertThat(CallOutcome.of(new ProviderOutcome.Declined<String>("code", "no")))
                .isEqualTo(CallOutcome.DECLINED);
        assertThat(CallOutcome.of(new ProviderOutcome.Unknown<String>("timeout"))
                        .open())
                .isTrue();
        assertThat(CallOutcome.of(new ProviderOutcome.Pending<String>("in flight"))
                        .open())
                .isTrue();
        assertThat(CallOutcome.INTENDED.open()).isTrue();
        assertThat(CallOutcome.APPROVED.open()).isFalse();
        assertThat(CallOutcome.DECLINED.open()).isFalse();
        assertThat(CallOutcome.NOT_ATTEMPTED.open()).isFalse();
    }
}

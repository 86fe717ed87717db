package io.freightgate.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTests {

    private final Throttle.Quota api =
            new Throttle.Quota("api-per-ip", 600, Duration.ofMinutes(1), 599, Duration.ofMillis(100));
    private final Throttle.Quota payLink =
            new Throttle.Quota("payment-attempt-per-pay-link", 10, Duration.ofHours(1), 0, Duration.ofSeconds(2700));

    @Test
    void policiesAreNamedItemsWithQuotaAndWindowInSeconds() {
        assertThat(RateLimitHeaders.policies(List.of(api, payLink)))
                .isEqualTo("\"api-per-ip\";q=600;w=60, \"payment-attempt-per-pay-link\";q=10;w=3600");
    }

    @Test
    void limitsAreNamedItemsWithRemainingAndSecondsUntilFullRoundedUp() {
        assertThat(RateLimitHeaders.limits(List.of(api, payLink)))
                .isEqualTo("\"api-per-ip\";r=599;t=1, \"payment-attempt-per-pay-link\";r=0;t=2700");
    }

    @Test
    void aRetryIsNeverSoonerThanOneSecond() {
        assertThat(RateLimitHeaders.seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(RateLimitHeaders.seconds(Duration.ofMillis(1001))).isEqualTo(2);
    }
}

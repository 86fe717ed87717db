package io.freightgate.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RateLimiterIT {

    @Autowired
    RateLimiter limiter;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void allowsTheCapacityThenLimitsWithARetryAfterAndKeepsTheBucketInRedis() {
        var limit = new RateLimit("test-" + UUID.randomUUID(), 3, Duration.ofMinutes(1));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(limit, "caller-1")).isInstanceOf(RateLimiter.Allowed.class);
        }
        var fourth = limiter.tryConsume(limit, "caller-1");

        assertThat(fourth).isInstanceOfSatisfying(RateLimiter.Limited.class, limited -> assertThat(limited.retryAfter())
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(limiter.tryConsume(limit, "caller-2")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(redis.hasKey("fg:rl:" + limit.name() + ":caller-1")).isTrue();
        assertThat(limiter.degraded()).isFalse();
    }

    @Test
    void aRefundedTokenCanBeTakenAgainButTheBucketNeverGrowsPastItsCapacity() {
        var limit = new RateLimit("test-" + UUID.randomUUID(), 2, Duration.ofHours(1));

        limiter.refund(limit, "caller");
        var first = limiter.tryConsume(limit, "caller");
        var second = limiter.tryConsume(limit, "caller");
        var third = limiter.tryConsume(limit, "caller");
        limiter.refund(limit, "caller");
        var afterRefund = limiter.tryConsume(limit, "caller");
        var afterThat = limiter.tryConsume(limit, "caller");

        assertThat(first).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(second).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(third).as("a refund on a full bucket adds nothing").isInstanceOf(RateLimiter.Limited.class);
        assertThat(afterRefund).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(afterThat).isInstanceOf(RateLimiter.Limited.class);
    }

    @Test
    void keepsLimitingInThisInstanceWhenRedisIsUnreachable() {
        var withoutRedis = new RateLimiter(() -> {
            throw new IllegalStateException("Redis is down");
        });
        var limit = new RateLimit("degraded", 2, Duration.ofMinutes(1));

        assertThat(withoutRedis.tryConsume(limit, "c")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(withoutRedis.tryConsume(limit, "c")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(withoutRedis.tryConsume(limit, "c")).isInstanceOf(RateLimiter.Limited.class);
        assertThat(withoutRedis.degraded()).isTrue();
    }
}

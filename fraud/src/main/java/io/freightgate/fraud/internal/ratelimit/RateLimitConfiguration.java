package io.freightgate.fraud.internal.ratelimit;

import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The fraud module's side of rate limiting: the policy table and the block list the platform's throttle asks
 * (properties {@code freightgate.rate-limits.*}, defaults in application.yml, documented in docs/fraud.md). Both are
 * read once at start; changing a limit means changing the properties and restarting (a rolling restart of the
 * instances keeps the buckets in Redis).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Bindable<Map<String, String>> FLAT = Bindable.mapOf(String.class, String.class);

    @Bean
    RateLimitTable rateLimitTable(Environment environment) {
        Binder binder = Binder.get(environment);
        return RateLimitTable.of(
                binder.bind("freightgate.rate-limits.table", FLAT).orElse(Map.of()),
                binder.bind("freightgate.rate-limits.routes", FLAT).orElse(Map.of()));
    }

    @Bean
    RedisBlockList rateLimitBlockList(
            StringRedisTemplate redis,
            RateLimiter limiter,
            BlockRecords records,
            SystemAccess systemAccess,
            Clock clock,
            Environment environment) {
        BlockSettings settings = BlockSettings.of(Binder.get(environment)
                .bind("freightgate.rate-limits.blocking", FLAT)
                .orElse(Map.of()));
        return new RedisBlockList(redis, limiter, settings, records, systemAccess, clock);
    }
}

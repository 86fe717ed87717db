package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.StandardAttributes;
import io.freightgate.platform.tenancy.SystemAccess;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
class FraudConfiguration {

    /** The attributes rules may name; later signal sources extend it here with {@link AttributeRegistry#with}. */
    @Bean
    AttributeRegistry fraudAttributes() {
        return StandardAttributes.registry();
    }

    /** The velocity counters on the application's Redis (the client the rate limiter uses too). */
    @Bean(destroyMethod = "close")
    RedisVelocityCounters redisVelocityCounters(
            LettuceConnectionFactory redis,
            @Value("${freightgate.fraud.velocity.redis-timeout:PT0.2S}") Duration timeout) {
        return new RedisVelocityCounters(() -> (RedisClient) redis.getNativeClient(), timeout);
    }

    @Bean
    VelocityCounters velocityCounters(
            RedisVelocityCounters redis,
            JdbcVelocityCounters database,
            SystemAccess systemAccess,
            Clock clock,
            @Value("${freightgate.fraud.velocity.redis-retry-after:PT5S}") Duration retryAfter,
            @Value("${freightgate.fraud.velocity.recount-timeout:PT0.5S}") Duration recountTimeout) {
        return new VelocityCounters(redis, database, systemAccess, clock, retryAfter, recountTimeout);
    }

    @Bean
    VelocityHealth fraudVelocityHealthIndicator(VelocityCounters counters) {
        return new VelocityHealth(counters);
    }
}

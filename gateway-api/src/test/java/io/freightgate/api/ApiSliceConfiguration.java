package io.freightgate.api;

import io.freightgate.platform.PlatformConfiguration;
import io.freightgate.platform.idempotency.ClaimAfterAuthorization;
import io.freightgate.platform.idempotency.IdempotencyFilter;
import io.freightgate.platform.idempotency.IdempotencyRecords;
import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.tenancy.TenantBindingFilter;
import io.freightgate.platform.tenancy.TenantResolver;
import io.freightgate.security.AccessTokens;
import io.freightgate.security.SecurityConfiguration;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What every {@link ApiSlice} starts besides its controller: the production security configuration, problem writer
 * and JSON settings, and the web-layer filters of {@link PlatformConfiguration} wired the same way (same orders) but
 * over in-memory stand-ins for what lives in PostgreSQL. The rate limit (Redis) is left to the full-context ITs.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemResponses.class, JsonConfiguration.class})
class ApiSliceConfiguration {

    /** The slices' time: tokens are issued and validated against it, and controllers that read a clock see it. */
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    SliceCallers sliceCallers(AccessTokens tokens) {
        return new SliceCallers(tokens);
    }

    @Bean
    FilterRegistrationBean<TenantBindingFilter> tenantBindingFilter(TenantResolver resolver) {
        var registration = new FilterRegistrationBean<>(new TenantBindingFilter(resolver));
        registration.setOrder(PlatformConfiguration.TENANT_FILTER_ORDER);
        return registration;
    }

    @Bean
    InMemoryIdempotencyRecords idempotencyRecords() {
        return new InMemoryIdempotencyRecords();
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            InMemoryIdempotencyRecords records, ProblemResponses problems, Clock clock) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                records,
                TransactionOperations.withoutTransaction(),
                problems,
                clock,
                Duration.ofMinutes(2),
                ApiSliceConfiguration.MAX_BODY_BYTES));
        registration.setOrder(PlatformConfiguration.IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }

    /** {@code freightgate.idempotency.max-body-bytes}' default: the largest JSON body an API request may carry. */
    static final long MAX_BODY_BYTES = 16_777_216;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor idempotencyClaimAdvisor() {
        var advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(Controller.class, RequestMapping.class, true),
                new ClaimAfterAuthorization());
        advisor.setOrder(PlatformConfiguration.IDEMPOTENCY_CLAIM_ORDER);
        return advisor;
    }

    /** The idempotency records of a slice, in memory: claim, complete, release as the SQL does it. */
    static final class InMemoryIdempotencyRecords extends IdempotencyRecords {

        private record Entry(byte[] fingerprint, StoredResponse response) {}

        private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

        InMemoryIdempotencyRecords() {
            super(null);
        }

        @Override
        public Claim claim(Key key, byte[] fingerprint, Instant now, Instant lockUntil) {
            Entry existing = entries.putIfAbsent(key, new Entry(fingerprint, null));
            if (existing == null) {
                return new Acquired();
            }
            if (!Arrays.equals(existing.fingerprint(), fingerprint)) {
                return new Mismatch();
            }
            return existing.response() == null ? new InProgress() : new Completed(existing.response());
        }

        @Override
        public void complete(Key key, StoredResponse response, Instant now) {
            entries.computeIfPresent(key, (k, entry) -> new Entry(entry.fingerprint(), response));
        }

        @Override
        public void release(Key key) {
            entries.computeIfPresent(key, (k, entry) -> entry.response() == null ? null : entry);
        }

        @Override
        public int deleteCreatedBefore(Instant cutoff) {
            throw new UnsupportedOperationException("not in a slice");
        }
    }

    /** The token signing key of the slices (one per JVM), as local mode makes one. */
    static final class SigningKey implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final String PRIVATE_KEY = generate();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "api-slice", Map.of("freightgate.security.jwt.private-key", PRIVATE_KEY)));
        }

        private static String generate() {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return Base64.getEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package io.freightgate.platform;

import com.stripe.StripeClient;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.crypto.MasterKeys;
import io.freightgate.platform.documents.DocumentInspector;
import io.freightgate.platform.documents.DocumentStore;
import io.freightgate.platform.documents.JdbcDocumentStore;
import io.freightgate.platform.idempotency.ClaimAfterAuthorization;
import io.freightgate.platform.idempotency.IdempotencyAnswers;
import io.freightgate.platform.idempotency.IdempotencyFilter;
import io.freightgate.platform.idempotency.IdempotencyRecords;
import io.freightgate.platform.notifications.MailOutbox;
import io.freightgate.platform.notifications.MailRelay;
import io.freightgate.platform.notifications.MailTemplates;
import io.freightgate.platform.notifications.Mailer;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.notifications.OutboxNotifications;
import io.freightgate.platform.notifications.SmtpMailer;
import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.queue.Backoff;
import io.freightgate.platform.ratelimit.ApiRateLimitFilter;
import io.freightgate.platform.ratelimit.BlockList;
import io.freightgate.platform.ratelimit.CallerKinds;
import io.freightgate.platform.ratelimit.RateLimitPolicy;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.stripe.StripeClients;
import io.freightgate.platform.tenancy.TenantAwareTransactionManager;
import io.freightgate.platform.tenancy.TenantBindingFilter;
import io.freightgate.platform.tenancy.TenantResolver;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.RequestMapping;

/** Wires the platform's building blocks. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class PlatformConfiguration {

    /** Filter order: after Spring Security (-100), tenant first, then rate limits, then idempotency. */
    public static final int TENANT_FILTER_ORDER = 0;

    public static final int RATE_LIMIT_FILTER_ORDER = 10;
    public static final int IDEMPOTENCY_FILTER_ORDER = 20;

    /**
     * The idempotency claim wraps controller methods inside every method interceptor of Spring Security (ordered
     * {@code PRE_FILTER} 100 to {@code POST_FILTER} 600; a lower order runs first): a handler the caller may not call
     * ({@code @PreAuthorize}) never reaches a stored answer.
     */
    public static final int IDEMPOTENCY_CLAIM_ORDER = AuthorizationInterceptorsOrder.POST_FILTER.getOrder() + 1;

    /** The system clock; local mode and tests use the clock they share with the emulators instead. */
    @Bean
    @ConditionalOnProperty(name = "freightgate.local.active", havingValue = "false", matchIfMissing = true)
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new TenantAwareTransactionManager(entityManagerFactory);
    }

    @Bean
    MasterKeys masterKeys(
            @Value("${freightgate.crypto.master-keys}") String masterKeys,
            @Value("${freightgate.crypto.active-master-key}") String activeMasterKey) {
        return MasterKeys.parse(masterKeys, activeMasterKey);
    }

    @Bean
    EnvelopeEncryption envelopeEncryption(
            JdbcTemplate jdbc,
            MasterKeys masterKeys,
            @Value("${freightgate.crypto.hash-key}") String hashKey,
            Clock clock) {
        return new EnvelopeEncryption(jdbc, masterKeys, Base64.getDecoder().decode(hashKey), clock);
    }

    @Bean
    DocumentStore documentStore(
            JdbcTemplate jdbc,
            EnvelopeEncryption encryption,
            Clock clock,
            @Value("${freightgate.documents.max-bytes:10485760}") long maxBytes,
            DocumentInspector inspector) {
        return new JdbcDocumentStore(jdbc, encryption, clock, maxBytes, inspector);
    }

    /** The one bounded inspection of every file ({@code freightgate.documents.inspection.*}). */
    @Bean(destroyMethod = "close")
    DocumentInspector documentInspector(
            @Value("${freightgate.documents.inspection.max-stream-bytes:67108864}") long maxStreamBytes,
            @Value("${freightgate.documents.inspection.max-document-bytes:268435456}") long maxDocumentBytes,
            @Value("${freightgate.documents.inspection.max-pages:500}") int maxPages,
            @Value("${freightgate.documents.inspection.max-image-pixels:50000000}") long maxImagePixels,
            @Value("${freightgate.documents.inspection.deadline:PT5S}") Duration deadline,
            @Value("${freightgate.documents.inspection.workers:2}") int workers,
            @Value("${freightgate.documents.inspection.queue:16}") int queue) {
        var defaults = DocumentInspector.Limits.defaults();
        return new DocumentInspector(new DocumentInspector.Limits(
                maxStreamBytes,
                maxDocumentBytes,
                defaults.maxInflationRatio(),
                defaults.ratioFloorBytes(),
                defaults.maxObjects(),
                maxPages,
                defaults.maxTextPages(),
                defaults.maxTextChars(),
                maxImagePixels,
                defaults.maxImageSide(),
                defaults.maxImageMetadataBytes(),
                deadline,
                workers,
                queue));
    }

    /** The application's one Stripe client ({@code freightgate.stripe.*}; local mode points it at the emulator). */
    @Bean
    StripeClient stripeClient(
            @Value("${freightgate.stripe.api-key:}") String apiKey,
            @Value("${freightgate.stripe.api-base:" + StripeClients.STRIPE_API_BASE + "}") String apiBase,
            @Value("${freightgate.stripe.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${freightgate.stripe.read-timeout:PT20S}") Duration readTimeout,
            @Value("${freightgate.stripe.max-network-retries:2}") int maxNetworkRetries) {
        return StripeClients.create(
                new StripeClients.Settings(apiKey, apiBase, connectTimeout, readTimeout, maxNetworkRetries));
    }

    @Bean
    Mailer mailer(JavaMailSender sender, @Value("${freightgate.mail.from}") String from, Clock clock) {
        return new SmtpMailer(sender, from, clock);
    }

    @Bean
    MailOutbox mailOutbox(JdbcTemplate jdbc) {
        return new MailOutbox(jdbc);
    }

    @Bean
    MailRelay mailRelay(
            MailOutbox outbox,
            Mailer mailer,
            TransactionOperations transactions,
            Clock clock,
            ObjectProvider<MeterRegistry> meters,
            @Value("${freightgate.mail.max-attempts:10}") int maxAttempts,
            @Value("${freightgate.mail.initial-backoff:PT30S}") Duration initialBackoff,
            @Value("${freightgate.mail.max-backoff:PT1H}") Duration maxBackoff,
            @Value("${freightgate.mail.claim-lease:PT5M}") Duration lease,
            @Value("${freightgate.mail.given-up-retention:P7D}") Duration givenUpRetention) {
        return new MailRelay(
                outbox,
                mailer,
                transactions,
                clock,
                Backoff.withoutJitter(initialBackoff, maxBackoff, maxAttempts),
                lease,
                givenUpRetention,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    Notifications notifications(MailOutbox outbox, MailRelay relay, Clock clock) {
        return new OutboxNotifications(
                new MailTemplates(PlatformConfiguration.class.getClassLoader(), "mail/templates/"),
                outbox,
                relay,
                clock);
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean(destroyMethod = "close")
    RateLimiter rateLimiter(LettuceConnectionFactory redis) {
        return new RateLimiter(() -> (RedisClient) redis.getNativeClient());
    }

    @Bean
    FilterRegistrationBean<TenantBindingFilter> tenantBindingFilter(TenantResolver resolver) {
        var registration = new FilterRegistrationBean<>(new TenantBindingFilter(resolver));
        registration.setOrder(TENANT_FILTER_ORDER);
        return registration;
    }

    /** Rate limits by the policy table and block list another module provides (the fraud module in the gateway). */
    @Bean
    Throttle throttle(RateLimiter limiter, RateLimitPolicy policy, BlockList blocks, Clock clock) {
        return new Throttle(limiter, policy, blocks, clock);
    }

    @Bean
    FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(
            Throttle throttle, CallerKinds callers, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new ApiRateLimitFilter(throttle, callers, problems));
        registration.setOrder(RATE_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor idempotencyClaimAdvisor() {
        var advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(Controller.class, RequestMapping.class, true),
                new ClaimAfterAuthorization());
        advisor.setOrder(IDEMPOTENCY_CLAIM_ORDER);
        return advisor;
    }

    @Bean
    IdempotencyAnswers idempotencyAnswers() {
        return new IdempotencyAnswers();
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords records,
            TransactionOperations transactions,
            ProblemResponses problems,
            Clock clock,
            @Value("${freightgate.idempotency.lock-timeout:PT2M}") Duration lockTimeout,
            @Value("${freightgate.idempotency.max-body-bytes:16777216}") long maxBodyBytes) {
        var registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(records, transactions, problems, clock, lockTimeout, maxBodyBytes));
        registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }
}

package io.freightgate.kyc.internal.config;

import io.freightgate.kyc.SanctionsScreening;
import io.freightgate.kyc.internal.cases.ExpiryMonitor;
import io.freightgate.kyc.internal.cases.KybCases;
import io.freightgate.kyc.internal.cases.VatConsultations;
import io.freightgate.kyc.internal.cases.VatVerification;
import io.freightgate.kyc.internal.cases.ViesRecheckJob;
import io.freightgate.kyc.internal.domain.kyb.VatRecheckPolicy;
import io.freightgate.kyc.internal.domain.sanctions.NameMatcher;
import io.freightgate.kyc.internal.sanctions.ListSanctionsScreening;
import io.freightgate.kyc.internal.sanctions.SanctionsLists;
import io.freightgate.kyc.internal.vies.ViesClientSettings;
import io.freightgate.kyc.internal.vies.ViesGateway;
import io.freightgate.kyc.internal.vies.ViesSoapClient;
import io.freightgate.kyc.internal.vies.ViesValidCache;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/** The kyc module's beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ViesProperties.class, KycProperties.class})
public class KycConfiguration {

    @Bean
    ViesSoapClient viesSoapClient(ViesProperties properties, Clock clock) {
        String requester = properties.requesterVat().strip();
        if (requester.length() < 4) {
            throw new IllegalArgumentException("freightgate.vies.requester-vat must be a VAT number with its prefix");
        }
        return new ViesSoapClient(
                new ViesClientSettings(
                        properties.endpoint(),
                        properties.connectTimeout(),
                        properties.requestTimeout(),
                        requester.substring(0, 2),
                        requester.substring(2)),
                clock);
    }

    @Bean
    ViesGateway viesGateway(ViesSoapClient client, ViesProperties properties, Clock clock) {
        return new ViesGateway(
                client,
                clock,
                new ViesGateway.Guards(
                        properties.maxConcurrentPerMemberState(),
                        properties.permitWait(),
                        properties.circuitFailureThreshold(),
                        properties.circuitOpenFor()));
    }

    @Bean
    ViesValidCache viesValidCache(StringRedisTemplate redis, ViesProperties properties) {
        return new ViesValidCache(redis, properties.cacheTtl());
    }

    @Bean
    VatConsultations vatConsultations(JdbcTemplate jdbc) {
        return new VatConsultations(jdbc);
    }

    @Bean
    VatVerification vatVerification(
            ViesGateway vies,
            ViesValidCache cache,
            VatConsultations consultations,
            KybCases cases,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            ViesProperties properties,
            Clock clock) {
        var recheck = properties.recheck();
        return new VatVerification(
                vies,
                cache,
                consultations,
                cases,
                transactions,
                events,
                new VatRecheckPolicy(recheck.firstRetry(), recheck.maxRetry(), recheck.revalidateEvery()),
                clock);
    }

    @Bean
    ViesRecheckJob viesRecheckJob(
            JobRepository jobRepository,
            JobOperator jobOperator,
            SystemAccess systemAccess,
            VatVerification verification,
            ViesProperties properties,
            Clock clock) {
        return new ViesRecheckJob(
                jobRepository,
                jobOperator,
                systemAccess,
                verification,
                clock,
                properties.recheck().batchSize());
    }

    @Bean
    ExpiryMonitor expiryMonitor(
            KybCases cases,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock,
            KycProperties properties) {
        return new ExpiryMonitor(cases, systemAccess, transactions, events, clock, properties.expiryWarnBefore());
    }

    @Bean
    SanctionsLists sanctionsLists(JdbcTemplate jdbc) {
        return new SanctionsLists(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean(SanctionsScreening.class)
    ListSanctionsScreening listSanctionsScreening(
            SanctionsLists lists, KycProperties properties, TransactionOperations transactions) {
        return new ListSanctionsScreening(lists, new NameMatcher(properties.sanctionsThreshold()), transactions);
    }
}

package io.freightgate.integrations.internal;

import io.freightgate.integrations.internal.domain.RetrySchedule;
import java.security.SecureRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationsProperties.class)
class IntegrationsConfiguration {

    @Bean
    AddressGuard integratorAddressGuard(IntegrationsProperties properties) {
        return new AddressGuard(properties.allowHttp(), properties.allowLoopback(), AddressGuard.systemResolver());
    }

    @Bean
    RetrySchedule integratorRetrySchedule(IntegrationsProperties properties) {
        SecureRandom random = new SecureRandom();
        return new RetrySchedule(
                properties.initialBackoff(), properties.maxBackoff(), properties.maxAttempts(), random::nextLong);
    }
}

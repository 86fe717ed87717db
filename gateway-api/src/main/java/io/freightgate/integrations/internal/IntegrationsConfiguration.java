package io.freightgate.integrations.internal;

import io.freightgate.platform.queue.Backoff;
import java.security.SecureRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationsProperties.class)
class IntegrationsConfiguration {

    /** Production never sends integrator webhooks over plain http or to loopback, whatever is configured. */
    @Bean
    AddressGuard integratorAddressGuard(IntegrationsProperties properties, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && (properties.allowHttp() || properties.allowLoopback())) {
            throw new IllegalStateException("freightgate.integrations.webhooks.allow-http and allow-loopback are for"
                    + " local mode and tests; production refuses them");
        }
        return new AddressGuard(properties.allowHttp(), properties.allowLoopback(), AddressGuard.systemResolver());
    }

    /** The queue's backoff with equal jitter, so that receivers back from an outage are not hit all at once. */
    @Bean
    Backoff integratorBackoff(IntegrationsProperties properties) {
        SecureRandom random = new SecureRandom();
        return new Backoff(
                properties.initialBackoff(), properties.maxBackoff(), properties.maxAttempts(), random::nextLong);
    }
}

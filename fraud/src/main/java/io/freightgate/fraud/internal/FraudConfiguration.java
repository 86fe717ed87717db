package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.StandardAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FraudConfiguration {

    /** The attributes rules may name; later signal sources extend it here with {@link AttributeRegistry#with}. */
    @Bean
    AttributeRegistry fraudAttributes() {
        return StandardAttributes.registry();
    }
}

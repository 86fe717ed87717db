package io.freightgate.ledger.internal.statements;

import io.freightgate.ledger.CarrierVatStatus;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fee statements' configuration: the platform's VAT identity, and no VAT standing without the KYC module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformVatIdentity.class)
class StatementsConfiguration {

    /** Until a module says otherwise, no carrier has a VAT standing, so no statement is reverse-charged. */
    @Bean
    @ConditionalOnMissingBean(CarrierVatStatus.class)
    CarrierVatStatus noCarrierVatStatus() {
        return carrier -> Optional.empty();
    }
}

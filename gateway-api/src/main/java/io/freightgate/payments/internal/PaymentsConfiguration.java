package io.freightgate.payments.internal;

import io.freightgate.payments.LoadDeliveries;
import io.freightgate.payments.PaymentScreening;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payments module's defaults. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferProperties.class)
class PaymentsConfiguration {

    /** Until the fraud module implements screening, every payment is allowed (and recorded as such). */
    @Bean
    @ConditionalOnMissingBean(PaymentScreening.class)
    PaymentScreening allowEverythingScreening() {
        return request -> PaymentScreening.ScreeningVerdict.allow();
    }

    /** Without the loads module's answer, no load counts as delivered: transfers wait for the delivery command. */
    @Bean
    @ConditionalOnMissingBean(LoadDeliveries.class)
    LoadDeliveries noLoadDeliveries() {
        return loadId -> java.util.Optional.empty();
    }
}

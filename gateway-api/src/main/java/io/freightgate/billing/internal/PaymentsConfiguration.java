package io.freightgate.billing.internal;

import io.freightgate.billing.AuthorizationScreening;
import io.freightgate.billing.LoadDeliveries;
import io.freightgate.billing.PaymentScreening;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Billing's defaults. */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    /**
     * Without the fraud module's screening (flows' {@code PaymentsAreScreenedByFraudRules}; slices that leave it out),
     * every payment is allowed (and recorded as such).
     */
    @Bean
    @ConditionalOnMissingBean(PaymentScreening.class)
    PaymentScreening allowEverythingScreening() {
        return request -> PaymentScreening.ScreeningVerdict.allow();
    }

    /**
     * Until the fraud module screens authorizations, each is allowed (captured), except that a payment the first
     * screening sent to review stays in review; Radar's own block is kept.
     */
    @Bean
    @ConditionalOnMissingBean(AuthorizationScreening.class)
    AuthorizationScreening allowAuthorizations() {
        return authorization -> new AuthorizationScreening.Decision(
                authorization.radar().outcomeType().filter("blocked"::equals).isPresent()
                        ? AuthorizationScreening.Outcome.BLOCK
                        : authorization.reviewedBeforeConfirmation()
                                ? AuthorizationScreening.Outcome.REVIEW
                                : AuthorizationScreening.Outcome.ALLOW,
                java.util.Optional.empty(),
                java.util.List.of());
    }

    /** Without the loads module, no load is known: requests cannot name one and transfers wait for the command. */
    @Bean
    @ConditionalOnMissingBean(LoadDeliveries.class)
    LoadDeliveries noLoadDeliveries() {
        return new LoadDeliveries() {
            @Override
            public java.util.Optional<io.freightgate.billing.DeliveryProof> delivery(java.util.UUID loadId) {
                return java.util.Optional.empty();
            }

            @Override
            public boolean isLoadOf(
                    java.util.UUID loadId,
                    io.freightgate.kernel.TenantId carrier,
                    io.freightgate.kernel.TenantId shipper) {
                return false;
            }
        };
    }
}

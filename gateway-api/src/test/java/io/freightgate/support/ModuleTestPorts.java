package io.freightgate.support;

import io.freightgate.billing.PaymentParticipation;
import io.freightgate.platform.ratelimit.BlockList;
import io.freightgate.platform.ratelimit.CallerKinds;
import io.freightgate.platform.ratelimit.RateLimitPolicy;
import io.freightgate.platform.tenancy.TenantResolver;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a module test ({@code @ApplicationModuleTest}) gets in place of the modules it does not start: imported by the
 * test that needs it.
 */
public final class ModuleTestPorts {

    private ModuleTestPorts() {}

    /**
     * The platform binds a request's tenant through a {@link TenantResolver}; the security module provides the real one
     * and is not started in module tests, which bind tenants directly ({@code Tenancy}), so no request carries one.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class NoRequestTenants {
        @Bean
        TenantResolver tenantResolver() {
            return authentication -> Optional.empty();
        }
    }

    /**
     * The platform's rate limiting asks the fraud module's policy table and block list, and security's caller kinds;
     * neither module is started in module tests, which limit nothing by policy.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class NoRateLimitPolicy {
        @Bean
        RateLimitPolicy rateLimitPolicy() {
            return RateLimitPolicy.none();
        }

        @Bean
        BlockList blockList() {
            return BlockList.none();
        }

        @Bean
        CallerKinds callerKinds() {
            return authentication -> Optional.empty();
        }
    }

    /** Every organization may take part in payments (in the application, KYC answers through flows). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class EveryoneParticipates {
        @Bean
        PaymentParticipation everyoneParticipates() {
            return organization -> Optional.empty();
        }
    }
}

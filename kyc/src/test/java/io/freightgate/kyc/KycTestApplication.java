package io.freightgate.kyc;

import io.freightgate.kyc.support.TestClock;
import io.freightgate.platform.ratelimit.BlockList;
import io.freightgate.platform.ratelimit.CallerKinds;
import io.freightgate.platform.ratelimit.RateLimitPolicy;
import io.freightgate.platform.tenancy.TenantResolver;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The kyc module on the platform, as the gateway wires them, for kyc's integration tests. */
@SpringBootApplication(scanBasePackages = {"io.freightgate.kyc", "io.freightgate.platform"})
@EntityScan({"io.freightgate.kyc", "io.freightgate.platform"})
@EnableJpaRepositories("io.freightgate.kyc")
public class KycTestApplication {

    /** kyc tests bind tenants directly; no request carries one. */
    @Bean
    TenantResolver tenantResolver() {
        return authentication -> Optional.empty();
    }

    /** The gateway's rate-limit policy and block list live in the fraud module: kyc's tests limit nothing by them. */
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

    /** One clock the tests move forward (expiry, VIES backoff); wins over the platform's or local mode's clock. */
    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}

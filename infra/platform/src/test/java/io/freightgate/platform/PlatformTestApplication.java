package io.freightgate.platform;

import io.freightgate.platform.ratelimit.BlockList;
import io.freightgate.platform.ratelimit.CallerKinds;
import io.freightgate.platform.ratelimit.RateLimitPolicy;
import io.freightgate.platform.tenancy.TenantResolver;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The platform on its own, as the gateway wires it, for the platform's integration tests. */
@SpringBootApplication
public class PlatformTestApplication {

    /** Platform tests bind tenants directly; no request carries one. */
    @Bean
    TenantResolver tenantResolver() {
        return authentication -> Optional.empty();
    }

    /** The gateway's policy table lives in the fraud module; the platform's own tests limit nothing by policy. */
    @Bean
    RateLimitPolicy rateLimitPolicy() {
        return RateLimitPolicy.none();
    }

    /** No block list in the platform's own tests (the fraud module's is tested in the gateway). */
    @Bean
    BlockList blockList() {
        return BlockList.none();
    }

    @Bean
    CallerKinds callerKinds() {
        return authentication -> Optional.empty();
    }
}

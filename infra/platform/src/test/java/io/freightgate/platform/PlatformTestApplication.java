package io.freightgate.platform;

import io.freightgate.platform.ratelimit.BlockList;
import io.freightgate.platform.ratelimit.CallerKinds;
import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.LimitKey;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimitPolicy;
import io.freightgate.platform.ratelimit.UserType;
import io.freightgate.platform.tenancy.TenantResolver;
import java.time.Instant;
import java.util.List;
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
        return new RateLimitPolicy() {
            @Override
            public Optional<RateLimit> limit(String action, UserType userType, KeyKind key) {
                return Optional.empty();
            }

            @Override
            public List<String> actionsOf(String method, String path) {
                return List.of();
            }
        };
    }

    /** No block list in the platform's own tests (the fraud module's is tested in the gateway). */
    @Bean
    BlockList blockList() {
        return new BlockList() {
            @Override
            public Optional<Instant> blockedUntil(String action, List<LimitKey> keys) {
                return Optional.empty();
            }

            @Override
            public void limitHit(String action, UserType userType, LimitKey key) {}

            @Override
            public void failed(String action, UserType userType, LimitKey key, List<LimitKey> alongside, String what) {}
        };
    }

    @Bean
    CallerKinds callerKinds() {
        return authentication -> Optional.empty();
    }
}

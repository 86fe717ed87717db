package io.freightgate.platform;

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
}

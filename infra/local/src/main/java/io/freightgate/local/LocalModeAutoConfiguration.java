package io.freightgate.local;

import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.emulator.vies.ViesEmulator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * In local mode (and tests), the application's {@link Clock} is the one the emulators run on, and the emulators are
 * beans so that tests and the local control pages can drive them. Their lifecycle belongs to {@link
 * LocalInfrastructure}, which stops them after every application context of the JVM has closed.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "freightgate.local.active", havingValue = "true")
public class LocalModeAutoConfiguration {

    @Bean
    Clock clock() {
        return LocalInfrastructure.current().clock();
    }

    @Bean(destroyMethod = "")
    StripeEmulator stripeEmulator() {
        return LocalInfrastructure.current().stripe();
    }

    @Bean(destroyMethod = "")
    ViesEmulator viesEmulator() {
        return LocalInfrastructure.current().vies();
    }
}

package io.freightgate.local;

import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.emulator.vies.ViesEmulator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * In local mode (and tests), the application's {@link Clock} is the one the emulators run on, and the emulators and
 * the SMTP server are beans so that tests and the local pages can drive and read them. Their lifecycle belongs to
 * {@link LocalInfrastructure}, which stops them after every application context of the JVM has closed. In a servlet
 * web application, the {@link LocalMailViewer} shows the captured mail.
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

    @Bean(destroyMethod = "")
    EmbeddedSmtpServer embeddedSmtpServer() {
        return LocalInfrastructure.current().smtp();
    }

    /** The mail viewer, only where Spring MVC serves requests. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class MailViewer {

        @Bean
        RouterFunction<ServerResponse> localMailViewer(EmbeddedSmtpServer smtp) {
            return new LocalMailViewer(smtp).routes();
        }
    }
}

package io.freightgate.local.demo;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In local mode, says where everything is once the gateway is ready: the URLs it serves and the directory that holds
 * its data and secrets. Secrets themselves are never printed.
 */
@Component
@ConditionalOnProperty(name = "freightgate.local.active", havingValue = "true")
class LocalModeBanner {

    private static final Logger log = LoggerFactory.getLogger(LocalModeBanner.class);

    private final String dataDirectory;

    LocalModeBanner(@Value("${freightgate.local.data-dir:}") String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)
                || web.getWebServer() == null
                || dataDirectory.isEmpty()) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        var environment = event.getApplicationContext().getEnvironment();
        String management = "http://localhost:"
                + environment.getProperty(
                        "local.management.port", environment.getProperty("management.server.port", "8081"));
        log.info(
                """

                ==================================================================
                 FreightGate is running in local mode
                   App:          {}
                   API docs:     {}/swagger-ui.html  (OpenAPI: {}/v3/api-docs; log in first or send a token)
                   Health:       {}/actuator/health  (metrics: /actuator/prometheus; management port, never published)
                   Problems:     {}/problems
                   Mail:         {}/local/mail  (everything the gateway sends is captured here)
                   Data:         {}  (delete it, or start with --freightgate.local.reset=true, to start over)
                   Secrets:      {}  (local keys; never logged)
                   Demo logins:  {}  (users of every role, TOTP secrets, API clients)
                   Pay page:     {}/pay/...  (the demo shipper's pay link is the pay-link line of demo-credentials.txt)
                ==================================================================""",
                base,
                base,
                base,
                management,
                base,
                base,
                dataDirectory,
                Path.of(dataDirectory).resolve("secrets.properties"),
                Path.of(dataDirectory).resolve(DemoLogins.FILE_NAME),
                base);
    }
}

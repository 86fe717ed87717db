package io.freightgate.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Local mode is what runs when nothing is configured: no {@code prod} profile and no {@code spring.datasource.url}.
 * Before the context starts, it brings up the embedded PostgreSQL, Redis and SMTP server and points the application at
 * them: Flyway migrates as {@code freightgate_owner}, the application connects as {@code freightgate_app}, and mail goes
 * to the SMTP server, which keeps it for the mail viewer at {@code /local/mail}.
 *
 * <p>Properties: {@code freightgate.local.data-dir} (default {@code ./.freightgate}), {@code freightgate.local.reset}
 * (delete the data directory first), {@code freightgate.local.ephemeral} (tests: one throw-away server pair per JVM
 * and a fresh database per context), {@code freightgate.local.enabled} ({@code false} turns all of this off).
 */
public class LocalModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "freightgate-local";

    /** The sender of local mode's mail; the {@code .localhost} domain never resolves outside this machine. */
    public static final String LOCAL_MAIL_FROM = "FreightGate <no-reply@freightgate.localhost>";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                || !environment.getProperty("freightgate.local.enabled", Boolean.class, true)
                || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        boolean ephemeral = environment.getProperty("freightgate.local.ephemeral", Boolean.class, false);
        Path dataDirectory = Path.of(environment.getProperty("freightgate.local.data-dir", ".freightgate"))
                .toAbsolutePath()
                .normalize();
        if (!ephemeral && environment.getProperty("freightgate.local.reset", Boolean.class, false)) {
            LocalInfrastructure.reset(dataDirectory);
        }
        LocalInfrastructure infrastructure = LocalInfrastructure.obtain(
                ephemeral ? null : dataDirectory, SpringApplication.getShutdownHandlers()::add);
        String database;
        if (ephemeral) {
            database = infrastructure.newDatabase("freightgate_test");
        } else {
            database = "freightgate";
            infrastructure.postgres().ensureDatabase(database);
        }
        String url = infrastructure.postgres().jdbcUrl(database);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", EmbeddedPostgresServer.APP_ROLE);
        properties.put("spring.datasource.password", EmbeddedPostgresServer.LOCAL_PASSWORD);
        properties.put("spring.flyway.url", url);
        properties.put("spring.flyway.user", EmbeddedPostgresServer.OWNER_ROLE);
        properties.put("spring.flyway.password", EmbeddedPostgresServer.LOCAL_PASSWORD);
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", infrastructure.redis().port());
        if (!environment.containsProperty("spring.mail.host")) {
            // An explicitly configured SMTP server (a developer's own mail catcher, a test's) is left alone.
            properties.put("spring.mail.host", infrastructure.smtp().host());
            properties.put("spring.mail.port", infrastructure.smtp().port());
        }
        if (!environment.containsProperty("freightgate.mail.from")) {
            properties.put("freightgate.mail.from", LOCAL_MAIL_FROM);
        }
        properties.put("freightgate.local.active", true);
        properties.put("freightgate.stripe.api-key", LocalInfrastructure.STRIPE_API_KEY);
        properties.put("freightgate.stripe.api-base", infrastructure.stripe().baseUrl());
        properties.put(
                "freightgate.vies.endpoint", infrastructure.vies().endpointUrl().toString());
        if (ephemeral) {
            properties.put("spring.datasource.hikari.maximum-pool-size", 6);
        } else {
            properties.put("freightgate.local.data-dir", dataDirectory.toString());
        }
        var secrets = ephemeral ? LocalSecrets.ephemeral() : LocalSecrets.persistent(dataDirectory);
        secrets.stringPropertyNames().stream()
                .filter(name -> !environment.containsProperty(name))
                .forEach(name -> properties.put(name, secrets.getProperty(name)));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package io.freightgate.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the {@code prod} profile, refuses to start unless every external resource and secret is configured, and refuses
 * any emulator or loopback address for an external service. The message names each missing environment variable, so an
 * operator can fix them all at once.
 */
public class ProductionReadiness implements EnvironmentPostProcessor, Ordered {

    /** Property and the environment variable an operator sets for it. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("spring.datasource.url", "SPRING_DATASOURCE_URL");
        REQUIRED.put("spring.datasource.username", "SPRING_DATASOURCE_USERNAME");
        REQUIRED.put("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD");
        REQUIRED.put("spring.flyway.user", "SPRING_FLYWAY_USER");
        REQUIRED.put("spring.flyway.password", "SPRING_FLYWAY_PASSWORD");
        REQUIRED.put("spring.data.redis.url", "SPRING_DATA_REDIS_URL");
        REQUIRED.put("freightgate.crypto.master-keys", "FREIGHTGATE_CRYPTO_MASTER_KEYS");
        REQUIRED.put("freightgate.crypto.active-master-key", "FREIGHTGATE_CRYPTO_ACTIVE_MASTER_KEY");
        REQUIRED.put("freightgate.crypto.hash-key", "FREIGHTGATE_CRYPTO_HASH_KEY");
        REQUIRED.put("freightgate.security.jwt.private-key", "FREIGHTGATE_SECURITY_JWT_PRIVATE_KEY");
        REQUIRED.put("freightgate.security.issuer", "FREIGHTGATE_SECURITY_ISSUER");
        // The web app's client secret at the embedded authorization server: the same on every instance (ADR 6).
        REQUIRED.put("freightgate.security.web-client.secret", "FREIGHTGATE_SECURITY_WEB_CLIENT_SECRET");
        REQUIRED.put("spring.mail.host", "SPRING_MAIL_HOST");
        REQUIRED.put("freightgate.mail.from", "FREIGHTGATE_MAIL_FROM");
        REQUIRED.put("freightgate.stripe.api-key", "FREIGHTGATE_STRIPE_API_KEY");
        REQUIRED.put("freightgate.stripe.publishable-key", "FREIGHTGATE_STRIPE_PUBLISHABLE_KEY");
        REQUIRED.put("freightgate.stripe.webhook-secrets.platform", "FREIGHTGATE_STRIPE_WEBHOOK_SECRETS_PLATFORM");
        REQUIRED.put("freightgate.stripe.webhook-secrets.connect", "FREIGHTGATE_STRIPE_WEBHOOK_SECRETS_CONNECT");
        REQUIRED.put("freightgate.platform.legal-name", "FREIGHTGATE_PLATFORM_LEGAL_NAME");
        REQUIRED.put("freightgate.platform.vat-country", "FREIGHTGATE_PLATFORM_VAT_COUNTRY");
        REQUIRED.put("freightgate.platform.vat-number", "FREIGHTGATE_PLATFORM_VAT_NUMBER");
        // VIES issues consultation numbers to this requester: the platform's own number, never a built-in default.
        REQUIRED.put("freightgate.vies.requester-vat", "FREIGHTGATE_VIES_REQUESTER_VAT");
    }

    /** Endpoints of external services that must not point at an emulator or this machine in production. */
    static final List<String> EXTERNAL_ENDPOINTS = List.of(
            "spring.datasource.url",
            "spring.data.redis.url",
            "freightgate.stripe.api-base",
            "freightgate.vies.endpoint");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        REQUIRED.forEach((property, variable) -> {
            String value = environment.getProperty(property);
            if (value == null || value.isBlank()) {
                problems.add(variable + " (" + property + ") is not set");
            }
        });
        for (String property : EXTERNAL_ENDPOINTS) {
            String value = environment.getProperty(property, "").toLowerCase(Locale.ROOT);
            if (value.contains("emulator") || value.contains("localhost") || value.contains("127.0.0.1")) {
                problems.add(property + " points at an emulator or this machine, which production refuses");
            }
        }
        String publishableKey = environment.getProperty("freightgate.stripe.publishable-key", "");
        if (!publishableKey.isBlank() && !publishableKey.startsWith("pk_")) {
            // The hosted payment page sends this key to every browser: a secret or restricted key must never be it.
            problems.add("FREIGHTGATE_STRIPE_PUBLISHABLE_KEY (freightgate.stripe.publishable-key) is not a publishable"
                    + " key (pk_...)");
        }
        String requester = compactVat(environment.getProperty("freightgate.vies.requester-vat", ""));
        String platformVat = compactVat(environment.getProperty("freightgate.platform.vat-number", ""));
        if (!requester.isEmpty() && !platformVat.isEmpty() && !requester.equals(platformVat)) {
            // A consultation number names its requester: one issued to another VAT number proves nothing for ours.
            problems.add("FREIGHTGATE_VIES_REQUESTER_VAT (freightgate.vies.requester-vat) is not the platform's own VAT"
                    + " number (freightgate.platform.vat-number)");
        }
        if (environment.getProperty("freightgate.local.active", Boolean.class, false)) {
            problems.add("local mode is active; production needs external PostgreSQL and Redis");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "FreightGate cannot start in production mode:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static String compactVat(String vat) {
        return vat.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

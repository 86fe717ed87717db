package io.freightgate.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Registers the back-office web app as a confidential client of the authorization server on start-up, if absent:
 * {@code freightgate-web}, authorization code with PKCE and refresh tokens, redirect URI
 * {@code {issuer}/login/oauth2/code/freightgate}. Refresh tokens rotate on every use and the session ends
 * {@code freightgate.security.session.absolute-timeout} (12 hours unless configured) after the login at the latest; a
 * changed setting is applied to the existing registration at the next start. The back office is this client
 * ({@link BackOfficeLogin}): it authenticates with {@code freightgate.security.web-client.secret} when configured (every
 * instance of a scaled-out gateway needs the same one), otherwise with a random secret set at each start (one instance:
 * local mode, tests). The secret is never logged; {@link #rotateSecret} sets a new one and hands it to the back office
 * of this instance.
 */
@Component
class WebClientRegistration implements ApplicationRunner {

    static final String CLIENT_ID = "freightgate-web";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository registry;
    private final PasswordEncoder passwordEncoder;
    private final AuthorizationServerSettings settings;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final String configuredSecret;
    private final boolean localMode;
    private final Environment environment;
    private volatile @Nullable String currentSecret; // set once run() registered the client

    WebClientRegistration(
            RegisteredClientRepository registry,
            PasswordEncoder passwordEncoder,
            AuthorizationServerSettings settings,
            Clock clock,
            @Value("${freightgate.security.session.absolute-timeout:PT12H}") Duration sessionLifetime,
            @Value("${freightgate.security.web-client.secret:}") String configuredSecret,
            @Value("${freightgate.local.active:false}") boolean localMode,
            Environment environment) {
        this.localMode = localMode;
        this.environment = environment;
        this.registry = registry;
        this.configuredSecret = configuredSecret;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    @Override
    public void run(ApplicationArguments args) {
        register();
        String secret = configuredSecret.isBlank() ? newSecret() : configuredSecret;
        RegisteredClient registered = registered();
        localRedirectUri()
                .filter(local -> !registered.getRedirectUris().contains(local))
                .ifPresent(local -> registry.save(
                        RegisteredClient.from(registered).redirectUri(local).build()));
        RegisteredClient client = registered();
        if (!passwordEncoder.matches(secret, client.getClientSecret())) {
            registry.save(RegisteredClient.from(client)
                    .clientSecret(passwordEncoder.encode(secret))
                    .build());
        }
        currentSecret = secret;
    }

    /** The secret the back office of this instance authenticates with. */
    String currentSecret() {
        String secret = currentSecret;
        if (secret == null) {
            throw new IllegalStateException("The web client is not registered yet");
        }
        return secret;
    }

    private void register() {
        RegisteredClient existing = registry.findByClientId(CLIENT_ID);
        if (existing != null
                && !sessionLifetime.equals(existing.getTokenSettings().getRefreshTokenTimeToLive())) {
            registry.save(RegisteredClient.from(existing)
                    .tokenSettings(tokenSettings())
                    .build());
        }
        if (existing == null) {
            registry.save(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientName("FreightGate back office")
                    .clientIdIssuedAt(clock.instant())
                    .clientSecret(passwordEncoder.encode(newSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(redirectUri())
                    .scope("api")
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(false)
                            .build())
                    .tokenSettings(tokenSettings())
                    .build());
        }
    }

    /** The web client's tokens: 5-minute access tokens, refresh tokens rotated on every use for the session's life. */
    TokenSettings tokenSettings() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(AccessTokens.LIFETIME)
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .refreshTokenTimeToLive(sessionLifetime)
                .reuseRefreshTokens(false)
                .authorizationCodeTimeToLive(Duration.ofMinutes(1))
                .build();
    }

    String redirectUri() {
        return settings.getIssuer() + "/login/oauth2/code/freightgate";
    }

    /**
     * Local mode only (one instance on this machine): the redirect URI on the port the server really listens on, for
     * when it is not the issuer's (tests on a random port, where the issuer says {@code localhost:0}), so a browser on
     * {@code http://localhost:{port}} can log in to the web app.
     */
    Optional<String> localRedirectUri() {
        String port = environment.getProperty("local.server.port");
        return localMode && port != null
                ? Optional.of("http://localhost:" + port + "/login/oauth2/code/freightgate")
                : Optional.empty();
    }

    /** Whether the web app may send browsers back to the origin they came from (local mode) or only to the issuer. */
    boolean localMode() {
        return localMode;
    }

    /** Sets a new secret for the web client and answers it (to be handed to the web app's configuration). */
    String rotateSecret() {
        register();
        String secret = newSecret();
        registry.save(RegisteredClient.from(registered())
                .clientSecret(passwordEncoder.encode(secret))
                .build());
        currentSecret = secret;
        return secret;
    }

    /** The web client's registration, made by {@link #register()} if it was missing. */
    private RegisteredClient registered() {
        return Objects.requireNonNull(registry.findByClientId(CLIENT_ID), "register() registered the web client");
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "fgs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

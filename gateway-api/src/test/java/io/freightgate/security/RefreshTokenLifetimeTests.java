package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;

/** Refresh tokens of the web client follow the configured absolute session lifetime, however often they rotate. */
class RefreshTokenLifetimeTests {

    static final Instant LOGIN = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aRefreshTokenIssuedLateInTheSessionEndsWithTheSession() {
        Duration lifetime = Duration.ofHours(2);
        var refresh = generatorAt(LOGIN.plus(Duration.ofMinutes(90)));

        OAuth2RefreshToken token = AuthorizationServerConfiguration.absoluteLifetime(refresh, lifetime)
                .generate(context(lifetime));

        assertThat(token).isNotNull();
        assertThat(token.getIssuedAt()).isEqualTo(LOGIN.plus(Duration.ofMinutes(90)));
        assertThat(token.getExpiresAt()).isEqualTo(LOGIN.plus(lifetime));
    }

    @Test
    void aRefreshTokenIssuedEarlyKeepsTheClientsTimeToLive() {
        Duration lifetime = Duration.ofHours(8);
        var refresh = generatorAt(LOGIN.plus(Duration.ofMinutes(5)));

        OAuth2RefreshToken token = AuthorizationServerConfiguration.absoluteLifetime(refresh, lifetime)
                .generate(context(Duration.ofHours(1)));

        assertThat(token.getExpiresAt()).isEqualTo(LOGIN.plus(Duration.ofMinutes(65)));
    }

    @Test
    void theSessionLifetimeIsTheConfiguredOneNotAFixedTwelveHours() {
        Duration lifetime = Duration.ofHours(20);
        var refresh = generatorAt(LOGIN.plus(Duration.ofHours(13)));

        OAuth2RefreshToken token = AuthorizationServerConfiguration.absoluteLifetime(refresh, lifetime)
                .generate(context(lifetime));

        assertThat(token.getExpiresAt()).isEqualTo(LOGIN.plus(lifetime));
    }

    private static OAuth2RefreshTokenGenerator generatorAt(Instant now) {
        var generator = new OAuth2RefreshTokenGenerator();
        generator.setClock(Clock.fixed(now, ZoneOffset.UTC));
        return generator;
    }

    private static DefaultOAuth2TokenContext context(Duration refreshTokenTimeToLive) {
        RegisteredClient client = RegisteredClient.withId("web")
                .clientId("freightgate-web")
                .clientSecret("{noop}secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://gateway.example/login/oauth2/code/freightgate")
                .tokenSettings(TokenSettings.builder()
                        .refreshTokenTimeToLive(refreshTokenTimeToLive)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        var code = new OAuth2AuthorizationCode("code", LOGIN, LOGIN.plus(Duration.ofMinutes(1)));
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
                .principalName("user")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(code)
                .build();
        return DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .principal(new TestingAuthenticationToken("user", null))
                .authorization(authorization)
                .tokenType(OAuth2TokenType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .build();
    }
}

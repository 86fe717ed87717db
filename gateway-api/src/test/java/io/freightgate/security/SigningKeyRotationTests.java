package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import io.freightgate.organizations.OrganizationDirectory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A signing-key rotation in its three configurations: next key published before it signs, the switch with the old
 * key kept as previous, and the previous key retired.
 */
class SigningKeyRotationTests {

    static final String ISSUER = "https://freightgate.example";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    static final KeyPair OLD = generate();
    static final KeyPair NEW = generate();

    final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void theNextKeyIsPublishedBeforeItSignsAndTokensOfEitherKeyVerify() {
        SigningKeys beforeSwitch = SigningKeys.of(pkcs8(OLD), Optional.of(pkcs8(NEW)), Optional.empty());
        SigningKeys afterSwitchElsewhere = SigningKeys.of(pkcs8(NEW), Optional.empty(), Optional.of(pkcs8(OLD)));

        String signedByNew = token(afterSwitchElsewhere);

        assertThat(kids(beforeSwitch)).containsExactly(kid(OLD), kid(NEW));
        assertThat(beforeSwitch.keyId()).isEqualTo(kid(OLD));
        assertThat(header(token(beforeSwitch))).contains("\"kid\":\"" + kid(OLD) + "\"");
        assertThat(decoder(beforeSwitch).decode(signedByNew).getSubject())
                .as("an instance not yet switched accepts the new key's tokens")
                .isEqualTo("user-1");
    }

    @Test
    void aTokenSignedWithThePreviousKeyStillValidatesAfterTheRotationUntilTheKeyIsRetired() {
        SigningKeys before = SigningKeys.fromPkcs8(pkcs8(OLD));
        String signedByOld = token(before);
        SigningKeys rotated = SigningKeys.of(pkcs8(NEW), Optional.empty(), Optional.of(publicX509(OLD)));
        SigningKeys retired = SigningKeys.fromPkcs8(pkcs8(NEW));

        assertThat(kids(rotated)).containsExactly(kid(NEW), kid(OLD));
        assertThat(rotated.publicSet().getKeys()).noneMatch(JWK::isPrivate);
        assertThat(header(token(rotated))).contains("\"kid\":\"" + kid(NEW) + "\"");
        assertThat(decoder(rotated).decode(signedByOld).getSubject()).isEqualTo("user-1");
        assertThat(decoder(rotated).decode(token(rotated)).getSubject()).isEqualTo("user-1");
        assertThat(kids(retired)).containsExactly(kid(NEW));
        assertThatThrownBy(() -> decoder(retired).decode(signedByOld)).isInstanceOf(JwtException.class);
    }

    @Test
    void theSameKeyCannotBeActiveAndNextOrPrevious() {
        assertThatThrownBy(() -> SigningKeys.of(pkcs8(OLD), Optional.of(pkcs8(OLD)), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("next");
        assertThatThrownBy(() -> SigningKeys.of(pkcs8(OLD), Optional.empty(), Optional.of("not a key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previous-key");
    }

    private String token(SigningKeys keys) {
        return new AccessTokens(configuration.jwtEncoder(keys), ISSUER, keys.keyId(), CLOCK)
                .issue("user-1", OrganizationDirectory.PLATFORM, List.of(Role.RISK_ANALYST));
    }

    private JwtDecoder decoder(SigningKeys keys) {
        return configuration.jwtDecoder(keys, ISSUER, CLOCK, null);
    }

    private static List<String> kids(SigningKeys keys) {
        return keys.publicSet().getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static String kid(KeyPair pair) {
        return SigningKeys.fromPkcs8(pkcs8(pair)).keyId();
    }

    private static String header(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    private static String pkcs8(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    private static String publicX509(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

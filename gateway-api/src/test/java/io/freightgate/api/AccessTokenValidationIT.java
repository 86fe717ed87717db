package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.security.AccessTokens;
import io.freightgate.security.SigningKeys;
import io.freightgate.support.GatewayIT;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Only FreightGate's own, current, correctly addressed RS256 tokens open the API. */
class AccessTokenValidationIT extends GatewayIT {

    @Autowired
    SigningKeys signingKeys;

    @Value("${freightgate.security.jwt.private-key}")
    String privateKey;

    @Value("${freightgate.security.issuer}")
    String issuer;

    @Test
    void aValidTokenIsAccepted() throws Exception {
        assertThat(status(sign(claims().build(), ownSigner()))).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = new PlainJWT(claims().build()).serialize();

        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var stranger = new RSASSASigner(generator.generateKeyPair().getPrivate());

        assertThat(status(sign(claims().build(), stranger))).isEqualTo(401);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims().build());
        jwt.sign(new MACSigner(signingKeys.publicKey().getEncoded()));

        assertThat(status(jwt.serialize())).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        var expired = claims().issueTime(Date.from(Instant.now().minusSeconds(900)))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(900)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build();

        assertThat(status(sign(expired, ownSigner()))).isEqualTo(401);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        var future = claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
                .build();

        assertThat(status(sign(future, ownSigner()))).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() throws Exception {
        assertThat(status(sign(claims().audience("someone-else").build(), ownSigner())))
                .isEqualTo(401);
        assertThat(status(sign(claims().issuer("https://evil.test").build(), ownSigner())))
                .isEqualTo(401);
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = sign(claims().build(), ownSigner()).split("\\.");
        String tampered = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims().claim("roles", List.of("PLATFORM_ADMIN", "FINANCE_SUPERVISOR"))
                        .build()
                        .toString()
                        .getBytes());

        assertThat(status(parts[0] + "." + tampered + "." + parts[2])).isEqualTo(401);
    }

    private int status(String token) {
        return api.get("/api/v1/organizations").token(token).send().status();
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("attacker")
                .audience(AccessTokens.AUDIENCE)
                .issueTime(new Date())
                .notBeforeTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("org", OrganizationDirectory.PLATFORM.toString())
                .claim("roles", List.of("PLATFORM_ADMIN"));
    }

    private RSASSASigner ownSigner() throws Exception {
        var factory = java.security.KeyFactory.getInstance("RSA");
        return new RSASSASigner(factory.generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
    }

    private static String sign(JWTClaimsSet claims, RSASSASigner signer) throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}

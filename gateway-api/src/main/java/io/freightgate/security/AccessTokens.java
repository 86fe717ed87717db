package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues FreightGate's access tokens: RS256, five minutes, audience {@code freightgate-api}, with the caller's
 * organization ({@code org}) and roles ({@code roles}). The embedded authorization server issues them through this
 * class; tests use it to act as any caller.
 */
public class AccessTokens {

    public static final String AUDIENCE = "freightgate-api";
    public static final String ORGANIZATION_CLAIM = "org";
    public static final String ROLES_CLAIM = "roles";
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final JwtEncoder encoder;
    private final String issuer;
    private final String keyId;
    private final Clock clock;

    public AccessTokens(JwtEncoder encoder, String issuer, String keyId, Clock clock) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.keyId = keyId;
        this.clock = clock;
    }

    public String issue(String subject, TenantId organization, Collection<Role> roles) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(AUDIENCE))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .claim(ORGANIZATION_CLAIM, organization.toString())
                .claim(ROLES_CLAIM, roles.stream().map(Role::name).toList())
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}

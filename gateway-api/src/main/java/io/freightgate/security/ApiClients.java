package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.internal.ApiClient;
import io.freightgate.security.internal.ApiClientRecords;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

/**
 * API clients of carriers' and shippers' systems (OAuth2 client credentials). Each is bound to one organization and a
 * set of roles of that organization's kind; its secret is shown once, when created or rotated, and stored only as a
 * password hash. A disabled client can obtain no token, and the tokens it already holds stop working at once.
 *
 * <p>Organization admins manage their own organization's clients; platform admins any organization's, through the
 * audited system path.
 */
@Service
public class ApiClients {

    static final String ORGANIZATION_SETTING = "settings.client.freightgate.organization";
    static final String ROLES_SETTING = "settings.client.freightgate.roles";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientRecords records;
    private final RegisteredClientRepository registry;
    private final PasswordEncoder passwordEncoder;
    private final OrganizationDirectory organizations;
    private final SystemAccess systemAccess;
    private final Clock clock;

    ApiClients(
            ApiClientRecords records,
            RegisteredClientRepository registry,
            PasswordEncoder passwordEncoder,
            OrganizationDirectory organizations,
            SystemAccess systemAccess,
            Clock clock) {
        this.records = records;
        this.registry = registry;
        this.passwordEncoder = passwordEncoder;
        this.organizations = organizations;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /** Creates a client for an organization; the answer carries the secret, which is never shown again. */
    public ApiClientView create(TenantId organization, String name, Collection<Role> roles, Reach reach) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("The client name must have 1 to 100 characters");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("An API client needs at least one role");
        }
        OrganizationView owner = organizations
                .find(organization, reach)
                .orElseThrow(() -> new IllegalArgumentException("Unknown organization " + organization));
        for (Role role : roles) {
            if (role.organizationType() != owner.type()) {
                throw new IllegalArgumentException("Role " + role + " is not a role of a "
                        + owner.type().name().toLowerCase() + " organization");
            }
        }
        return systemAccess.transaction(reach, "create API client for " + organization, () -> {
            Instant now = clock.instant();
            String clientId = "fgc_" + HexFormat.of().formatHex(randomBytes(10));
            String secret = newSecret();
            List<String> roleNames =
                    roles.stream().map(Role::name).sorted().distinct().toList();
            registry.save(registration(UUID.randomUUID().toString(), clientId, name.strip(), organization, roleNames)
                    .clientIdIssuedAt(now)
                    .clientSecret(passwordEncoder.encode(secret))
                    .build());
            ApiClient client = records.save(ApiClient.create(organization, clientId, name.strip(), roleNames, now));
            return view(client, Optional.of(secret));
        });
    }

    /** The clients the caller may see: its organization's, or every organization's for platform admins. */
    public List<ApiClientView> list(Reach reach) {
        return systemAccess.transaction(reach, "list API clients", () -> records.findAllByOrderByCreatedAtAsc().stream()
                .map(client -> view(client, Optional.empty()))
                .toList());
    }

    public Optional<ApiClientView> find(UUID id, Reach reach) {
        return systemAccess.transaction(reach, "read API client " + id, () -> records.findById(id)
                .map(client -> view(client, Optional.empty())));
    }

    /** The authorization server's registration of an API client: made with the client, in the same transaction. */
    private RegisteredClient registered(String clientId) {
        return Objects.requireNonNull(
                registry.findByClientId(clientId), "every API client is registered with the authorization server");
    }

    /** Replaces the secret; the old one stops working at once. The answer carries the new secret. */
    public Optional<ApiClientView> rotateSecret(UUID id, Reach reach) {
        return systemAccess.transaction(reach, "rotate secret of API client " + id, () -> records.findById(id)
                .map(client -> {
                    client.secretRotated(clock.instant());
                    String secret = newSecret();
                    RegisteredClient registered = registered(client.clientId());
                    registry.save(RegisteredClient.from(registered)
                            .clientSecret(passwordEncoder.encode(secret))
                            .build());
                    return view(client, Optional.of(secret));
                }));
    }

    /** Disables the client for good: no new tokens, and tokens already issued are refused. */
    public Optional<ApiClientView> disable(UUID id, Reach reach) {
        return systemAccess.transaction(
                reach, "disable API client " + id, () -> records.findById(id).map(client -> {
                    client.disable();
                    RegisteredClient registered = registered(client.clientId());
                    // The token endpoint compares a secret's expiry with the system clock, not the injected Clock: a
                    // secret that expired at the epoch is refused whatever either clock says.
                    registry.save(RegisteredClient.from(registered)
                            .clientSecretExpiresAt(Instant.EPOCH)
                            .clientSettings(ClientSettings.withSettings(
                                            registered.getClientSettings().getSettings())
                                    .setting(DISABLED_SETTING, "true")
                                    .build())
                            .build());
                    return view(client, Optional.empty());
                }));
    }

    static final String DISABLED_SETTING = "settings.client.freightgate.disabled";

    /** Whether tokens of this client id may still be honoured (the client registry is not tenant data). */
    boolean isActive(String clientId) {
        RegisteredClient registered = registry.findByClientId(clientId);
        return registered != null
                && !"true".equals(registered.getClientSettings().getSetting(DISABLED_SETTING));
    }

    /** The registry entry of an API client, without secret. */
    static RegisteredClient.Builder registration(
            String id, String clientId, String name, TenantId organization, List<String> roles) {
        return RegisteredClient.withId(id)
                .clientId(clientId)
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("api")
                .clientSettings(ClientSettings.builder()
                        .setting(ORGANIZATION_SETTING, organization.toString())
                        .setting(ROLES_SETTING, String.join(",", roles))
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(AccessTokens.LIFETIME)
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .build());
    }

    private static ApiClientView view(ApiClient client, Optional<String> secret) {
        return new ApiClientView(
                client.id(),
                client.tenant(),
                client.clientId(),
                client.name(),
                client.roles().stream().map(Role::valueOf).toList(),
                client.status(),
                client.createdAt(),
                client.secretRotatedAt(),
                secret);
    }

    private static String newSecret() {
        return "fgs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

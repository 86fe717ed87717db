package io.freightgate.security.internal;

import io.freightgate.kernel.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * An API client of a carrier's or shipper's system: one organization, a set of roles, active or disabled. Its secret
 * lives only as a hash in the authorization server's client registry. Lifecycle: ACTIVE, then DISABLED for good.
 */
@Entity
@Table(name = "api_clients")
@Audited
public class ApiClient {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private String status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "secret_rotated_at", nullable = false)
    private Instant secretRotatedAt;

    @Version
    private long version;

    protected ApiClient() {}

    public static ApiClient create(TenantId tenant, String clientId, String name, List<String> roles, Instant now) {
        var client = new ApiClient();
        client.id = UUID.randomUUID();
        client.tenantId = tenant.value();
        client.clientId = clientId;
        client.name = name;
        client.roles = String.join(",", roles);
        client.status = "ACTIVE";
        client.createdAt = now;
        client.secretRotatedAt = now;
        return client;
    }

    public void secretRotated(Instant now) {
        requireActive();
        this.secretRotatedAt = now;
    }

    public void disable() {
        requireActive();
        this.status = "DISABLED";
    }

    private void requireActive() {
        if (!isActive()) {
            throw new IllegalStateException("API client " + clientId + " is disabled");
        }
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public UUID id() {
        return id;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public List<String> roles() {
        return Arrays.asList(roles.split(","));
    }

    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }
}

package io.freightgate.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.jspecify.annotations.Nullable;

/**
 * One Envers revision: a transaction that changed audited entities, with who made it (user or API client id), for
 * which tenant, whether through the system path, from which address and in which request.
 */
@Entity
@Table(name = "revinfo")
@RevisionEntity(RevisionRecorder.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    @Column(name = "revision_time", nullable = false)
    private long timestamp;

    private @Nullable String actor;

    @Column(name = "tenant_id")
    private @Nullable UUID tenantId;

    @Column(name = "system_scope", nullable = false)
    private boolean systemScope;

    @Column(name = "client_ip")
    private @Nullable String clientIp;

    @Column(name = "request_id")
    private @Nullable String requestId;

    public long getId() {
        return id;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public @Nullable String getActor() {
        return actor;
    }

    public @Nullable UUID getTenantId() {
        return tenantId;
    }

    public boolean isSystemScope() {
        return systemScope;
    }

    public @Nullable String getClientIp() {
        return clientIp;
    }

    public @Nullable String getRequestId() {
        return requestId;
    }

    void record(
            @Nullable String actor,
            @Nullable UUID tenantId,
            boolean systemScope,
            @Nullable String clientIp,
            @Nullable String requestId) {
        this.actor = actor;
        this.tenantId = tenantId;
        this.systemScope = systemScope;
        this.clientIp = clientIp;
        this.requestId = requestId;
    }
}

package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.web.RequestInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only audit trail of logins that went wrong: failures, lockouts and unlocks, in {@code security_events}
 * (the application role may insert, never update or delete). Written in the caller's transaction.
 */
@Component
class SecurityEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SecurityEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(@Nullable TenantId tenant, @Nullable UUID userId, String type, @Nullable String reason, String actor) {
        var info = RequestInfo.current();
        jdbc.update(
                "INSERT INTO security_events (occurred_at, tenant_id, user_id, type, reason, client_ip, actor)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                tenant == null ? null : tenant.value(),
                userId,
                type,
                reason,
                info.clientIp(),
                actor);
    }
}

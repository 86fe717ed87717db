package io.freightgate.platform.tenancy;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.web.RequestInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one way to reach across tenants: platform staff working every tenant's queue, webhook processing and batch jobs
 * that find the tenant from a Stripe id. Every entry is written to {@code system_access_log} (append-only for the
 * application role) with the actor and the reason before the work runs.
 */
@Component
public class SystemAccess {

    private static final Logger log = LoggerFactory.getLogger(SystemAccess.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionOperations transactions;

    public SystemAccess(JdbcTemplate jdbc, Clock clock, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} in one transaction: across tenants through the audited system path when {@code reach} says so
     * (platform staff), otherwise in the caller's own tenant. The scope is bound before the transaction starts, so the
     * transaction hands it to PostgreSQL.
     */
    public <T> T transaction(Reach reach, String reason, Supplier<T> work) {
        return switch (reach) {
            case Reach.AcrossTenants across ->
                call(across.grounds(), reason, () -> transactions.execute(status -> work.get()));
            case Reach.OwnTenant own -> transactions.execute(status -> work.get());
        };
    }

    /**
     * Runs {@code work} for the rows of {@code owner}: across tenants through the audited system path when {@code reach}
     * says so, otherwise only when {@code owner} is the caller's own tenant (else {@code refused}). Does not start a
     * transaction.
     */
    public <T> T forOwner(
            Reach reach,
            TenantId owner,
            String reason,
            Supplier<? extends RuntimeException> refused,
            Supplier<T> work) {
        return switch (reach) {
            case Reach.AcrossTenants across -> call(across.grounds(), reason, work);
            case Reach.OwnTenant own -> {
                if (!own.reaches(owner)) {
                    throw refused.get();
                }
                yield work.get();
            }
        };
    }

    /** Runs {@code work} with access to every tenant's rows, on behalf of the current actor. */
    public <T> T call(String reason, Supplier<T> work) {
        Optional<TenantId> ownTenant = Tenancy.currentTenant();
        String actor = Tenancy.current().map(Tenancy.Scope::actor).orElse("system");
        return callAs(actor, ownTenant, reason, work);
    }

    private <T> T call(String grounds, String reason, Supplier<T> work) {
        log.debug("Reaching across tenants as {} for {}", grounds, reason);
        return call(reason, work);
    }

    /** Runs {@code work} with access to every tenant's rows, on behalf of the current actor. */
    public void run(String reason, Runnable work) {
        call(reason, () -> {
            work.run();
            return null;
        });
    }

    /** For jobs and webhook processing, which act as themselves ({@code job:...}, {@code webhook:...}). */
    public <T> T callAs(String actor, Optional<TenantId> ownTenant, String reason, Supplier<T> work) {
        var info = RequestInfo.current();
        jdbc.update(
                "INSERT INTO system_access_log (occurred_at, actor, reason, request_id, client_ip) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                actor,
                reason,
                info.requestId(),
                info.clientIp());
        log.info("System access by {}: {}", actor, reason);
        return Tenancy.callInSystemScope(new Tenancy.SystemScope(ownTenant, actor, reason), work);
    }
}

package io.freightgate.platform.tenancy;

import io.freightgate.kernel.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant a piece of code runs for. It is bound for the extent of a call (a {@link ScopedValue}, so it can neither
 * leak to the next request on a pooled thread nor be changed half-way) and read by the transaction manager, which
 * hands it to PostgreSQL at the start of every transaction so that row-level security applies.
 *
 * <p>Code outside any scope sees no tenant, and PostgreSQL then returns no tenant-owned row at all. Reaching across
 * tenants (platform staff, webhook processing, batch jobs) goes through {@link SystemAccess}, which records why.
 */
public final class Tenancy {

    static final ScopedValue<Scope> CURRENT = ScopedValue.newInstance();

    private Tenancy() {}

    /** What the running code may see: one tenant's rows, or every tenant's through the audited system path. */
    public sealed interface Scope {
        String actor();
    }

    /** One tenant's rows, on behalf of an actor (a user or API client id). */
    public record TenantScope(TenantId tenant, String actor) implements Scope {
        public TenantScope {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Every tenant's rows, for a recorded reason; {@code tenant} is the actor's own organization when there is one
     * (platform staff), kept for the audit trail.
     */
    public record SystemScope(Optional<TenantId> tenant, String actor, String reason) implements Scope {
        public SystemScope {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Runs {@code work} for one tenant. */
    public static <T> T callAs(TenantId tenant, String actor, Supplier<T> work) {
        return ScopedValue.where(CURRENT, new TenantScope(tenant, actor)).call(work::get);
    }

    /** Runs {@code work} for one tenant. */
    public static void runAs(TenantId tenant, String actor, Runnable work) {
        ScopedValue.where(CURRENT, new TenantScope(tenant, actor)).run(work);
    }

    static <T> T callInSystemScope(SystemScope scope, Supplier<T> work) {
        return ScopedValue.where(CURRENT, scope).call(work::get);
    }

    public static Optional<Scope> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /** The tenant whose rows the running code sees, if it is bound to exactly one. */
    public static Optional<TenantId> currentTenant() {
        return current().flatMap(scope -> switch (scope) {
            case TenantScope tenantScope -> Optional.of(tenantScope.tenant());
            case SystemScope systemScope -> systemScope.tenant();
        });
    }

    /** The tenant of the running call; fails when there is none, which is a programming error. */
    public static TenantId requireTenant() {
        return currentTenant().orElseThrow(() -> new IllegalStateException("No tenant is bound to this call"));
    }

    public static boolean inSystemScope() {
        return current().map(SystemScope.class::isInstance).orElse(false);
    }

    public static String currentActor() {
        return current().map(Scope::actor).orElse("anonymous");
    }
}

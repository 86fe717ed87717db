package io.freightgate.platform.tenancy;

import io.freightgate.kernel.TenantId;
import java.util.Objects;

/**
 * How far a call reaches: the caller's own tenant (row-level security shows its rows only, and an object owned by
 * another tenant is treated as absent), or every tenant through the audited system path of {@link SystemAccess}, for
 * stated grounds (platform staff, a carrier naming its shipper). Facades take it instead of a {@code boolean}, so a
 * call site says which of the two it means and the reach across tenants always carries its grounds.
 */
public sealed interface Reach {

    /** The caller's own tenant only. */
    Reach OWN_TENANT = new OwnTenant();

    static Reach ownTenant() {
        return OWN_TENANT;
    }

    /** Every tenant's rows, for {@code grounds} (why this caller may cross tenants, written to the log). */
    static Reach acrossTenants(String grounds) {
        return new AcrossTenants(grounds);
    }

    /** The caller's own tenant only. */
    record OwnTenant() implements Reach {}

    /** Every tenant's rows, on {@code grounds} (for example {@code "platform staff"}). */
    record AcrossTenants(String grounds) implements Reach {
        public AcrossTenants {
            Objects.requireNonNull(grounds, "grounds");
            if (grounds.isBlank()) {
                throw new IllegalArgumentException("Reaching across tenants needs grounds");
            }
        }
    }

    /**
     * Whether a caller with this reach may see and act on an object owned by {@code owner}: always across tenants,
     * otherwise only when {@code owner} is the tenant bound to the running call. The one ownership check of the
     * facades; they answer "not found" when it fails, so existence does not leak.
     */
    default boolean reaches(TenantId owner) {
        return switch (this) {
            case AcrossTenants across -> true;
            case OwnTenant own -> Tenancy.currentTenant().map(owner::equals).orElse(false);
        };
    }
}

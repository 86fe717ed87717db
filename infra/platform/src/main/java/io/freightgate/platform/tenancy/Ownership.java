package io.freightgate.platform.tenancy;

import io.freightgate.kernel.TenantId;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one ownership guard of the facades: does the caller own this object? Row-level security already hides other
 * tenants' rows from a tenant, but a row may be visible to two tenants (a payment request to its carrier and its
 * shipper, a load to both) while only one of them owns it for a given operation. A caller reaching across tenants
 * (platform staff) owns every object; anyone else only the objects whose owner is the tenant bound to the call. An
 * object the caller does not own is treated as absent, so its existence does not leak.
 */
public final class Ownership {

    private Ownership() {}

    /** {@code found}, when the caller with {@code reach} owns it ({@code owner} names the owning tenant). */
    public static <T> Optional<T> owned(Optional<T> found, Reach reach, Function<? super T, TenantId> owner) {
        return found.filter(object -> reach.reaches(owner.apply(object)));
    }

    /** {@code found}, when the caller with {@code reach} owns it; {@code notFound} otherwise. */
    public static <T> T require(
            Optional<T> found,
            Reach reach,
            Function<? super T, TenantId> owner,
            Supplier<? extends RuntimeException> notFound) {
        return owned(found, reach, owner).orElseThrow(notFound);
    }

    /** Fails with {@code refused} unless {@code owner} is the tenant bound to the call (acting in one's own name). */
    public static void requireOwn(TenantId owner, Supplier<? extends RuntimeException> refused) {
        if (!Reach.OWN_TENANT.reaches(owner)) {
            throw refused.get();
        }
    }
}

package io.freightgate.ledger;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.util.function.Supplier;

/**
 * How the carrier-owned facades (payout account, payouts) reach a carrier's rows: platform staff across tenants through
 * the audited system path, a carrier only in its own tenant scope.
 */
final class CarrierScope {

    private CarrierScope() {}

    static <T> T call(
            SystemAccess systemAccess, TenantId carrier, boolean acrossTenants, String reason, Supplier<T> work) {
        if (acrossTenants) {
            return systemAccess.call(reason, work);
        }
        if (!Tenancy.currentTenant().map(carrier::equals).orElse(false)) {
            throw new IllegalArgumentException("A carrier reaches only its own payout account and payouts");
        }
        return work.get();
    }
}

package io.freightgate.platform;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Tenancy;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionOperations;

/** Runs test code in one transaction for one tenant, as a request of that tenant would. */
public record TenantFixtures(TransactionOperations transactions) {

    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return Tenancy.callAs(tenant, "test-user", () -> transactions.execute(status -> work.get()));
    }

    public void inTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    public <T> T withoutTenant(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}

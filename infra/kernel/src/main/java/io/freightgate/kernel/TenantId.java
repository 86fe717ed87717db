package io.freightgate.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * The organization (carrier, shipper or the platform operator) that owns a piece of data. Every tenant-owned row in
 * PostgreSQL carries it, and row-level security compares it with the tenant of the running transaction.
 */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package io.freightgate.kernel;

import java.util.Objects;
import java.util.UUID;

/** A load (one shipment a carrier plans, carries and proves), referenced by billing, transfers and the ledger as well as by loads itself. */
public record LoadId(UUID value) {

    public LoadId {
        Objects.requireNonNull(value, "value");
    }

    public static LoadId of(String value) {
        return new LoadId(UUID.fromString(value));
    }

    public static LoadId random() {
        return new LoadId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

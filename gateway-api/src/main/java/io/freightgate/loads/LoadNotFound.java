package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import java.util.UUID;

/** No such load for the caller (another organization's, or, for a driver, one not assigned to them). */
public class LoadNotFound extends RuntimeException {

    public LoadNotFound(UUID id) {
        super("Load " + id + " not found", null, false, false);
    }

    public LoadNotFound(LoadId id) {
        this(id.value());
    }
}

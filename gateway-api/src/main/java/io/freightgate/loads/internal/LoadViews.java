package io.freightgate.loads.internal;

import io.freightgate.loads.LoadView;
import io.freightgate.loads.LogEntryView;
import io.freightgate.loads.StopView;
import io.freightgate.loads.internal.domain.Geofence;
import io.freightgate.loads.internal.domain.HashChain;
import io.freightgate.loads.internal.domain.Load;
import java.time.Duration;
import java.util.List;

/** How a load and a log entry are shown outside the module. */
public final class LoadViews {

    private LoadViews() {}

    public static LoadView load(Load load) {
        List<Geofence.Visit> visits = visits(load);
        return new LoadView(
                load.id(),
                load.carrier(),
                load.shipper(),
                load.loadNumber(),
                load.bolNumber(),
                load.cmrNumber(),
                List.of(stop("PICKUP", load.pickup(), visits.get(0)), stop("DELIVERY", load.delivery(), visits.get(1))),
                load.driverUserId(),
                load.status().name(),
                load.deliveredAt(),
                load.deliveryEvidence(),
                load.createdAt(),
                load.updatedAt());
    }

    /** Arrival and departure recorded at the pickup (stop 0) and the delivery (stop 1). */
    public static List<Geofence.Visit> visits(Load load) {
        return List.of(
                new Geofence.Visit(0, load.pickupArrivedAt(), load.pickupDepartedAt()),
                new Geofence.Visit(1, load.deliveryArrivedAt(), load.deliveryDepartedAt()));
    }

    public static LogEntryView entry(HashChain.Entry entry) {
        return new LogEntryView(
                entry.seq(),
                entry.occurredAt(),
                entry.channel(),
                entry.author(),
                entry.subject(),
                entry.body(),
                entry.previousHash(),
                entry.hash());
    }

    private static StopView stop(String type, Load.Stop stop, Geofence.Visit visit) {
        return new StopView(
                type,
                stop.address(),
                stop.position().lat(),
                stop.position().lon(),
                stop.plannedAt(),
                visit.arrivedAt(),
                visit.departedAt(),
                visit.dwell().map(Duration::toSeconds));
    }
}

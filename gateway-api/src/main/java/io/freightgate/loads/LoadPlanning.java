package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.TenantId;
import io.freightgate.loads.internal.ChainedLog;
import io.freightgate.loads.internal.LoadAccess;
import io.freightgate.loads.internal.LoadRecords;
import io.freightgate.loads.internal.LoadViews;
import io.freightgate.loads.internal.domain.GeoPoint;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.platform.tenancy.Ownership;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Planning loads. A carrier's dispatchers and admins plan a load for one of their shippers (a pickup and a delivery
 * stop, its references) and assign it to a driver; a load is {@code PLANNED} until its delivery is confirmed
 * ({@code DELIVERED}, see {@link LoadEvidence}). A load is visible to its carrier and shipper only (enforced by
 * PostgreSQL too); a driver sees only the loads assigned to them; platform staff read every load through the audited
 * system path. Publishes {@link LoadCreated}.
 */
@Service
public class LoadPlanning {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("LoadPlanning on its own authority");

    private final LoadRecords loads;
    private final LoadAccess access;
    private final ChainedLog log;
    private final OrganizationDirectory directory;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoadPlanning(
            LoadRecords loads,
            LoadAccess access,
            ChainedLog log,
            OrganizationDirectory directory,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock) {
        this.loads = loads;
        this.access = access;
        this.log = log;
        this.directory = directory;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
    }

    /** Plans a load; fails with {@link IllegalArgumentException} for an unknown shipper or bad stops or references. */
    public LoadView create(TenantId carrier, CreateLoad command) {
        Ownership.requireOwn(carrier, () -> new IllegalArgumentException("A carrier plans loads only in its own name"));
        directory
                .find(command.shipper(), ACROSS_TENANTS)
                .filter(organization -> organization.type() == OrganizationType.SHIPPER)
                .orElseThrow(() -> new IllegalArgumentException("Unknown shipper " + command.shipper()));
        String number = reference(command.loadNumber(), "load number")
                .orElseThrow(() -> new IllegalArgumentException("The load number must have 1 to 64 characters"));
        Load.Stop pickup = stop(command.pickup(), "pickup");
        Load.Stop delivery = stop(command.delivery(), "delivery");
        String actor = Tenancy.currentActor();
        return systemAccess.transaction(Reach.OWN_TENANT, "create load", () -> {
            if (loads.findByNumber(carrier.value(), number).isPresent()) {
                throw new IllegalStateException("A load numbered " + number + " exists already");
            }
            Instant now = clock.instant();
            Load load = loads.save(Load.plan(
                    UUID.randomUUID(),
                    carrier.value(),
                    command.shipper().value(),
                    number,
                    command.bolNumber().flatMap(value -> reference(value, "BOL number")),
                    command.cmrNumber().flatMap(value -> reference(value, "CMR number")),
                    pickup,
                    delivery,
                    command.driverUserId().map(String::strip).filter(value -> !value.isEmpty()),
                    actor,
                    now));
            log.append(load, "SYSTEM", "system", "Load created", "Load " + number + " planned by " + actor + ".", now);
            events.publishEvent(new LoadCreated(load.id(), carrier, command.shipper(), number));
            return LoadViews.load(load);
        });
    }

    /** The load, if the viewer may see it. */
    public Optional<LoadView> find(LoadId id, LoadViewer viewer) {
        return systemAccess.transaction(
                viewer.reach(), "read load " + id, () -> access.find(id, viewer).map(LoadViews::load));
    }

    /** The newest loads the viewer may see (a driver: those assigned to them). */
    public List<LoadView> list(LoadViewer viewer, int limit) {
        var page = PageRequest.of(0, Math.clamp(limit, 1, 200));
        return systemAccess.transaction(
                viewer.reach(), "list loads", () -> viewer
                        .driver()
                        .map(driver -> loads.assignedTo(driver, page))
                        .orElseGet(() -> loads.newestFirst(page))
                        .stream()
                        .map(LoadViews::load)
                        .toList());
    }

    /** Assigns the load to a driver (a user id of the carrier), or unassigns it. */
    public LoadView assignDriver(LoadId id, Optional<String> driverUserId) {
        return systemAccess.transaction(Reach.OWN_TENANT, "assign driver to load " + id, () -> {
            Load load = access.managed(id, LoadViewer.organization());
            Instant now = clock.instant();
            load.assignDriver(driverUserId, now);
            log.append(
                    load,
                    "SYSTEM",
                    "system",
                    "Driver assigned",
                    driverUserId.map(driver -> "Driver " + driver + " assigned").orElse("Driver unassigned") + " by "
                            + Tenancy.currentActor() + ".",
                    now);
            return LoadViews.load(load);
        });
    }

    private static Load.Stop stop(NewStop stop, String name) {
        if (stop == null
                || stop.address() == null
                || stop.address().isBlank()
                || stop.address().length() > 300) {
            throw new IllegalArgumentException("The " + name + " address must have 1 to 300 characters");
        }
        if (stop.plannedAt() == null) {
            throw new IllegalArgumentException("The " + name + " needs a planned time");
        }
        return new Load.Stop(
                ChainedLog.oneLine(stop.address().strip()), new GeoPoint(stop.lat(), stop.lon()), stop.plannedAt());
    }

    private static Optional<String> reference(String value, String what) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.length() > 64 || !stripped.matches("[A-Za-z0-9][A-Za-z0-9 ._/#-]*")) {
            throw new IllegalArgumentException(
                    "The " + what + " must have 1 to 64 letters, digits, spaces and . _ / # -");
        }
        return Optional.of(stripped);
    }
}

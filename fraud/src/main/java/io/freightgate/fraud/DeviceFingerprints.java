package io.freightgate.fraud;

import io.freightgate.fraud.internal.DeviceSightings;
import io.freightgate.fraud.internal.DeviceSightings.Context;
import io.freightgate.fraud.internal.domain.devices.DeviceFingerprint;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Device fingerprints (docs/fraud.md, "Devices"): what the gateway's collector script sent from a browser becomes a
 * device id (a keyed hash: the attributes themselves are never kept), and devices are linked to the organizations and
 * users they were seen with, across sessions. Payments link their device when they are screened; logins through
 * {@link #loggedIn}. Links not seen for {@code freightgate.fraud.devices.retention} (13 months) are purged every day,
 * with the device ids of older decisions and feedback.
 */
@Service
public class DeviceFingerprints {

    private static final Logger log = LoggerFactory.getLogger(DeviceFingerprints.class);
    private static final Reach DEVICES = Reach.acrossTenants("fraud: devices seen at logins and their retention");

    private final DeviceFingerprint fingerprint;
    private final DeviceSightings sightings;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final Duration retention;

    DeviceFingerprints(
            DeviceFingerprint fingerprint,
            DeviceSightings sightings,
            SystemAccess systemAccess,
            Clock clock,
            @Value("${freightgate.fraud.devices.retention:P396D}") Duration retention) {
        this.fingerprint = fingerprint;
        this.sightings = sightings;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * The device id of what the collector script sent (a form field, at most {@link DeviceFingerprint#MAX_INPUT}
     * characters), or empty when nothing usable was sent: a missing, oversized or malformed value is no device, never
     * an error.
     */
    public Optional<String> identify(@Nullable String collected) {
        if (collected == null) {
            return Optional.empty();
        }
        return fingerprint.deviceId(collected);
    }

    /** A user of {@code organization} completed a login from {@code deviceId}; {@code admin}: an organization admin. */
    public void loggedIn(String deviceId, TenantId organization, UUID user, boolean admin) {
        if (!DeviceFingerprint.isDeviceId(deviceId)) {
            throw new IllegalArgumentException("Not a device id");
        }
        Instant now = clock.instant();
        systemAccess.transaction(
                DEVICES,
                "link a device to user " + user + " at login",
                () -> sightings.record(deviceId, organization.value(), Optional.of(user), Context.LOGIN, admin, now));
    }

    /** Purges devices not seen for the retention period; answers how many links were deleted. */
    public int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = systemAccess.transaction(
                DEVICES, "purge devices not seen since " + cutoff, () -> sightings.purge(cutoff));
        if (deleted > 0) {
            log.info("Purged {} device links not seen since {}", deleted, cutoff);
        }
        return deleted;
    }

    @Scheduled(
            fixedDelayString = "${freightgate.fraud.devices.purge-interval:PT24H}",
            initialDelayString = "${freightgate.fraud.devices.purge-initial-delay:PT10M}")
    @SchedulerLock(name = "fraud-device-retention", lockAtMostFor = "PT30M")
    public void scheduledPurge() {
        purge();
    }
}

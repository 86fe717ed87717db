package io.freightgate.fraud.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which device was seen with which organization (and user), first and last, how often ({@code fraud_device_sightings}).
 * Every method expects the caller's transaction on the system path.
 */
@Component
public class DeviceSightings {

    private static final UUID NO_USER = new UUID(0, 0);

    /** Where a device was seen. */
    public enum Context {
        /** Paying on the hosted payment page, for the shipper organization. */
        PAYMENT,
        /** Logging in, as a user of the organization. */
        LOGIN
    }

    /**
     * What was known of the device before this sighting.
     *
     * @param seenBefore the device was seen with this organization (payments) or user (logins) before
     * @param othersSeen the organization (payments) or user (logins) was seen with another device before
     */
    public record Before(boolean seenBefore, boolean othersSeen) {

        /** A device never seen with an organization or user that was seen with other devices. */
        public boolean newForKnown() {
            return !seenBefore && othersSeen;
        }
    }

    private final JdbcClient jdbc;

    DeviceSightings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a sighting and answers what was known before it. */
    public Before record(
            String deviceId, UUID organization, Optional<UUID> user, Context context, boolean admin, Instant at) {
        Before before = before(deviceId, organization, user, context);
        jdbc.sql("""
                INSERT INTO fraud_device_sightings (device_id, organization_id, user_id, context, admin, new_for_known,
                    first_seen_at, last_seen_at, seen_count)
                VALUES (:device, :organization, :user, :context, :admin, :newForKnown, :at, :at, 1)
                ON CONFLICT (device_id, organization_id, context,
                    COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid))
                DO UPDATE SET last_seen_at = GREATEST(fraud_device_sightings.last_seen_at, EXCLUDED.last_seen_at),
                    seen_count = fraud_device_sightings.seen_count + 1,
                    admin = fraud_device_sightings.admin OR EXCLUDED.admin
                """)
                .param("device", deviceId)
                .param("organization", organization)
                .param("user", user.orElse(null))
                .param("context", context.name())
                .param("admin", admin)
                .param("newForKnown", before.newForKnown())
                .param("at", Timestamp.from(at))
                .update();
        return before;
    }

    private Before before(String deviceId, UUID organization, Optional<UUID> user, Context context) {
        if (context == Context.LOGIN) {
            UUID who = user.orElse(NO_USER);
            return jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM fraud_device_sightings
                                   WHERE user_id = :user AND context = 'LOGIN' AND device_id = :device) AS seen,
                           EXISTS (SELECT 1 FROM fraud_device_sightings
                                   WHERE user_id = :user AND context = 'LOGIN' AND device_id <> :device) AS others
                    """)
                    .param("user", who)
                    .param("device", deviceId)
                    .query((rs, row) -> new Before(rs.getBoolean("seen"), rs.getBoolean("others")))
                    .single();
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM fraud_device_sightings
                               WHERE organization_id = :organization AND device_id = :device) AS seen,
                       EXISTS (SELECT 1 FROM fraud_device_sightings
                               WHERE organization_id = :organization AND device_id <> :device) AS others
                """)
                .param("organization", organization)
                .param("device", deviceId)
                .query((rs, row) -> new Before(rs.getBoolean("seen"), rs.getBoolean("others")))
                .single();
    }

    /** How many shipper organizations the device paid for with a sighting since {@code since}. */
    public long shippersPaidFor(String deviceId, Instant since) {
        return jdbc.sql("""
                SELECT count(DISTINCT organization_id) FROM fraud_device_sightings
                WHERE device_id = :device AND context = 'PAYMENT' AND last_seen_at >= :since
                """)
                .param("device", deviceId)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /**
     * The newest login of an administrator of the organization from a device new for that user (who had logged in
     * from another device before), first seen in [{@code from}, {@code to}].
     */
    public Optional<NewAdminDevice> newAdminDevice(UUID organization, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT device_id, user_id, first_seen_at FROM fraud_device_sightings
                WHERE organization_id = :organization AND context = 'LOGIN' AND admin AND new_for_known
                  AND first_seen_at BETWEEN :from AND :to
                ORDER BY first_seen_at DESC LIMIT 1
                """)
                .param("organization", organization)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new NewAdminDevice(
                        rs.getString("device_id"),
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("first_seen_at").toInstant()))
                .optional();
    }

    /** An administrator's login from a new device. */
    public record NewAdminDevice(String deviceId, UUID user, Instant firstSeenAt) {}

    /**
     * Purges what is older than {@code cutoff}: sightings not seen since, and the device ids stored on older decisions
     * and feedback. Answers the sightings deleted.
     */
    public int purge(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        int deleted = jdbc.sql("DELETE FROM fraud_device_sightings WHERE last_seen_at < :cutoff")
                .param("cutoff", before)
                .update();
        jdbc.sql("UPDATE fraud_decisions SET device = NULL WHERE device IS NOT NULL AND occurred_at < :cutoff")
                .param("cutoff", before)
                .update();
        jdbc.sql("UPDATE fraud_feedback SET device = NULL WHERE device IS NOT NULL AND received_at < :cutoff")
                .param("cutoff", before)
                .update();
        return deleted;
    }
}

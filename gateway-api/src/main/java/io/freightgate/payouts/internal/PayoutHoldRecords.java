package io.freightgate.payouts.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutHoldView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of payout holds and of the per-carrier desired payout schedule (ADR 0014), in the caller's transaction and
 * scope.
 */
@Component
public class PayoutHoldRecords {

    private static final String HOLD_COLUMNS =
            "tenant_id, reference, reason, held_by, held_at, released_by, released_at";
    private static final String SCHEDULE_COLUMNS = "tenant_id, desired, generation, applied_generation, call_id,"
            + " saved_schedule, sending_until, last_error";

    /** What the carrier's account should pay out on. */
    public enum Desired {
        MANUAL,
        RESTORED
    }

    /** The carrier's row: the desired schedule, its generation, the last one Stripe confirmed, the send lease. */
    public record ScheduleRow(
            UUID tenantId,
            Desired desired,
            long generation,
            long appliedGeneration,
            Optional<UUID> callId,
            Optional<String> savedSchedule,
            Optional<Instant> sendingUntil,
            Optional<String> lastError) {

        public boolean converged() {
            return appliedGeneration >= generation;
        }
    }

    private final JdbcTemplate jdbc;

    PayoutHoldRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The carrier's schedule row, created if missing, locked until the transaction ends. */
    public ScheduleRow lockSchedule(UUID tenant, Instant now) {
        jdbc.update(
                "INSERT INTO payout_hold_schedules (tenant_id, desired, generation, applied_generation, updated_at)"
                        + " VALUES (?, 'RESTORED', 0, 0, ?) ON CONFLICT (tenant_id) DO NOTHING",
                tenant,
                Timestamp.from(now));
        return jdbc.query(
                        "SELECT " + SCHEDULE_COLUMNS + " FROM payout_hold_schedules WHERE tenant_id = ? FOR UPDATE",
                        PayoutHoldRecords::schedule,
                        tenant)
                .getFirst();
    }

    public Optional<ScheduleRow> schedule(UUID tenant) {
        return jdbc
                .query(
                        "SELECT " + SCHEDULE_COLUMNS + " FROM payout_hold_schedules WHERE tenant_id = ?",
                        PayoutHoldRecords::schedule,
                        tenant)
                .stream()
                .findFirst();
    }

    /** A new desired state: the next generation, sent through {@code callId}. */
    public void desire(UUID tenant, Desired desired, long generation, UUID callId, Instant now) {
        jdbc.update(
                "UPDATE payout_hold_schedules SET desired = ?, generation = ?, call_id = ?, updated_at = ?"
                        + " WHERE tenant_id = ?",
                desired.name(),
                generation,
                callId,
                Timestamp.from(now),
                tenant);
    }

    public void lease(UUID tenant, @Nullable Instant until, Instant now) {
        jdbc.update(
                "UPDATE payout_hold_schedules SET sending_until = ?, updated_at = ? WHERE tenant_id = ?",
                until == null ? null : Timestamp.from(until),
                Timestamp.from(now),
                tenant);
    }

    public void saveSchedule(UUID tenant, @Nullable String schedule, Instant now) {
        jdbc.update(
                "UPDATE payout_hold_schedules SET saved_schedule = ?, updated_at = ? WHERE tenant_id = ?",
                schedule,
                Timestamp.from(now),
                tenant);
    }

    /** Stripe confirmed {@code generation}; never moves the applied generation back. */
    public void applied(UUID tenant, long generation, Instant now) {
        jdbc.update(
                "UPDATE payout_hold_schedules SET applied_generation = GREATEST(applied_generation, ?),"
                        + " last_error = NULL, updated_at = ? WHERE tenant_id = ?",
                generation,
                Timestamp.from(now),
                tenant);
    }

    public void failed(UUID tenant, String error, Instant now) {
        jdbc.update(
                "UPDATE payout_hold_schedules SET last_error = ?, updated_at = ? WHERE tenant_id = ?",
                error,
                Timestamp.from(now),
                tenant);
    }

    /** Inserts the hold unless the carrier has one with that reference; whether it was new. */
    public boolean hold(UUID tenant, String reference, String reason, String actor, Instant now) {
        return jdbc.update(
                        "INSERT INTO payout_holds (id, tenant_id, reference, reason, held_by, held_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, reference) DO NOTHING",
                        UUID.randomUUID(),
                        tenant,
                        reference,
                        reason,
                        actor,
                        Timestamp.from(now))
                == 1;
    }

    /** Ends the active hold with that reference; whether there was one. */
    public boolean release(UUID tenant, String reference, String actor, Instant now) {
        return jdbc.update(
                        "UPDATE payout_holds SET released_by = ?, released_at = ?"
                                + " WHERE tenant_id = ? AND reference = ? AND released_at IS NULL",
                        actor,
                        Timestamp.from(now),
                        tenant,
                        reference)
                == 1;
    }

    /**
     * Records the hold for {@code reference} as ended before it was placed (the end of its cause was heard first, e.g.
     * replayed events after a restart): a later {@link #hold} of that reference then holds nothing.
     */
    public void endedBeforeHeld(UUID tenant, String reference, String actor, Instant now) {
        jdbc.update(
                "INSERT INTO payout_holds (id, tenant_id, reference, reason, held_by, held_at, released_by, released_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, reference) DO NOTHING",
                UUID.randomUUID(),
                tenant,
                reference,
                "Its cause ended before the hold was placed",
                actor,
                Timestamp.from(now),
                actor,
                Timestamp.from(now));
    }

    public boolean anyActive(UUID tenant) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM payout_holds WHERE tenant_id = ? AND released_at IS NULL)",
                Boolean.class,
                tenant));
    }

    public List<PayoutHoldView> holds(UUID tenant, boolean activeOnly) {
        return jdbc.query(
                "SELECT " + HOLD_COLUMNS + " FROM payout_holds WHERE tenant_id = ?"
                        + (activeOnly ? " AND released_at IS NULL" : "") + " ORDER BY held_at, reference",
                PayoutHoldRecords::hold,
                tenant);
    }

    public Optional<PayoutHoldView> find(UUID tenant, String reference) {
        return jdbc
                .query(
                        "SELECT " + HOLD_COLUMNS + " FROM payout_holds WHERE tenant_id = ? AND reference = ?",
                        PayoutHoldRecords::hold,
                        tenant,
                        reference)
                .stream()
                .findFirst();
    }

    private static PayoutHoldView hold(ResultSet rs, int n) throws SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        return new PayoutHoldView(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("reference"),
                rs.getString("reason"),
                rs.getString("held_by"),
                rs.getTimestamp("held_at").toInstant(),
                Optional.ofNullable(rs.getString("released_by")),
                Optional.ofNullable(released).map(Timestamp::toInstant));
    }

    private static ScheduleRow schedule(ResultSet rs, int n) throws SQLException {
        Timestamp until = rs.getTimestamp("sending_until");
        return new ScheduleRow(
                rs.getObject("tenant_id", UUID.class),
                Desired.valueOf(rs.getString("desired")),
                rs.getLong("generation"),
                rs.getLong("applied_generation"),
                Optional.ofNullable(rs.getObject("call_id", UUID.class)),
                Optional.ofNullable(rs.getString("saved_schedule")),
                Optional.ofNullable(until).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("last_error")));
    }
}

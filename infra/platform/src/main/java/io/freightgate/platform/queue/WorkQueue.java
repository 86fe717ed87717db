package io.freightgate.platform.queue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One queue's items in its {@link QueueTable}: the claim and the depth. The claim is the only statement of the gateway
 * that takes work with {@code FOR UPDATE SKIP LOCKED} (ArchitectureRules holds every other class to that): it takes up
 * to {@code limit} ready items whose due time has come (new, to retry, or claimed by an instance whose lease expired),
 * oldest first, counts the attempt and moves the due time to the end of the lease, so several instances share the work
 * and never hold the same item at once. Both methods run in the caller's transaction.
 */
public final class WorkQueue<T> {

    private final String name;
    private final QueueTable table;
    private final RowMapper<T> rows;
    private final JdbcTemplate jdbc;
    private final String claim;
    private final String depth;

    public WorkQueue(String name, QueueTable table, RowMapper<T> rows, JdbcTemplate jdbc) {
        this.name = name;
        this.table = table;
        this.rows = rows;
        this.jdbc = jdbc;
        String t = table.table();
        this.claim = "UPDATE " + t + " SET " + table.attempts() + " = " + table.attempts() + " + 1, " + table.due()
                + " = ?" + (table.onClaim().isBlank() ? "" : ", " + table.onClaim())
                + " WHERE " + table.key() + " IN (SELECT " + table.key() + " FROM " + t
                + " WHERE (" + table.ready() + ") AND " + table.due() + " <= ?"
                + " ORDER BY " + table.due() + ", " + table.key() + " LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + table.returning();
        this.depth = "SELECT count(*) FROM " + t + " WHERE " + table.ready();
    }

    public String name() {
        return name;
    }

    /** Claims up to {@code limit} items due at {@code now} until {@code leaseUntil}. */
    public List<T> claim(Instant now, Instant leaseUntil, int limit) {
        return inQueueScope(() -> jdbc.query(claim, rows, Timestamp.from(leaseUntil), Timestamp.from(now), limit));
    }

    /** The items waiting or in flight (not parked, not finished). */
    public long depth() {
        return inQueueScope(() -> {
            Long count = jdbc.queryForObject(depth, Long.class);
            return count == null ? 0L : count;
        });
    }

    /**
     * Runs one statement in the system scope when the queue spans tenants, and restores the caller's scope after it,
     * as the database functions of the integrations module did before (ADR 0007): polling stays off the audited system
     * path, which would log every poll. A failure aborts the transaction, so the widened scope cannot outlive it.
     */
    private <R> R inQueueScope(Supplier<R> statement) {
        if (!table.acrossTenants()) {
            return statement.get();
        }
        String previous = jdbc.queryForObject("SELECT coalesce(current_setting('app.scope', true), '')", String.class);
        jdbc.queryForObject("SELECT set_config('app.scope', 'system', true)", String.class);
        R result = statement.get();
        jdbc.queryForObject("SELECT set_config('app.scope', ?, true)", String.class, previous == null ? "" : previous);
        return result;
    }
}

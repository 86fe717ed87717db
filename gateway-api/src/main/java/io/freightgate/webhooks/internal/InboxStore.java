package io.freightgate.webhooks.internal;

import io.freightgate.platform.queue.QueueTable;
import io.freightgate.platform.queue.WorkQueue;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.webhooks.InboxEventStatus;
import io.freightgate.webhooks.InboxEventView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code webhook_inbox} in plain JDBC (a system table: the tenant is unknown at intake; not audited by Envers). Every
 * method runs in the caller's transaction. Events are claimed through the platform's {@link WorkQueue} so that
 * instances never process the same event at once; a claim is a lease ({@code next_attempt_at}) that another instance
 * takes over when it expires, and every outcome is fenced by the attempt number of the claim.
 */
@Component
class InboxStore {

    private static final String VIEW_COLUMNS = "id, endpoint, event_id, event_type, account_id, status, attempts,"
            + " next_attempt_at, last_error, event_created, received_at, processed_at";

    static final QueueTable TABLE = new QueueTable(
            "webhook_inbox",
            "id",
            "next_attempt_at",
            "attempts",
            "status IN ('RECEIVED', 'RETRYING', 'PROCESSING')",
            "status = 'PROCESSING'",
            "id, endpoint, event_id, event_type, account_id, object_id, api_version, event_created,"
                    + " payload::text AS payload, attempts",
            false);

    private final JdbcTemplate jdbc;
    private final WorkQueue<InboxEvent> queue;

    InboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queue = new WorkQueue<>("webhook-inbox", TABLE, InboxStore::inboxEvent, jdbc);
    }

    /** A parsed, verified event about to be stored. */
    record NewEvent(
            WebhookEndpoint endpoint,
            String eventId,
            String type,
            Optional<String> account,
            Optional<String> objectId,
            Optional<String> apiVersion,
            Instant created,
            String payload) {}

    /** Stores the event unless this endpoint has it already; {@code false} for a duplicate. */
    boolean insert(NewEvent event, InboxEventStatus status, Instant now) {
        boolean done = status == InboxEventStatus.IGNORED;
        int inserted = jdbc.update(
                "INSERT INTO webhook_inbox (endpoint, event_id, event_type, account_id, object_id, api_version,"
                        + " event_created, payload, status, attempts, next_attempt_at, received_at, processed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 0, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT webhook_inbox_event_unique DO NOTHING",
                event.endpoint().key(),
                event.eventId(),
                event.type(),
                event.account().orElse(null),
                event.objectId().orElse(null),
                event.apiVersion().orElse(null),
                Timestamp.from(event.created()),
                event.payload(),
                status.name(),
                done ? null : Timestamp.from(now),
                Timestamp.from(now),
                done ? Timestamp.from(now) : null);
        return inserted == 1;
    }

    /**
     * The inbox as a queue of the platform's {@link WorkQueue}: events received, to retry, or in flight (a claim marks
     * them {@code PROCESSING} and counts the attempt); due at {@code next_attempt_at}.
     */
    WorkQueue<InboxEvent> queue() {
        return queue;
    }

    /** Records success of the claim made for {@code attempt}; the receipt time, or empty if the claim was lost. */
    Optional<Instant> markProcessed(long id, int attempt, Instant now) {
        return jdbc
                .query(
                        "UPDATE webhook_inbox SET status = 'PROCESSED', processed_at = ?, next_attempt_at = NULL,"
                                + " last_error = NULL WHERE id = ? AND status = 'PROCESSING' AND attempts = ?"
                                + " RETURNING received_at",
                        (rs, row) -> rs.getTimestamp(1).toInstant(),
                        Timestamp.from(now),
                        id,
                        attempt)
                .stream()
                .findFirst();
    }

    /** Records a failure: retried at {@code retryAt}, or parked when that is empty. */
    boolean markFailed(long id, int attempt, String error, Optional<Instant> retryAt) {
        return jdbc.update(
                        "UPDATE webhook_inbox SET status = ?, next_attempt_at = ?, last_error = ?"
                                + " WHERE id = ? AND status = 'PROCESSING' AND attempts = ?",
                        retryAt.isPresent() ? InboxEventStatus.RETRYING.name() : InboxEventStatus.PARKED.name(),
                        retryAt.map(Timestamp::from).orElse(null),
                        error,
                        id,
                        attempt)
                == 1;
    }

    /** Makes a parked or waiting event due now with a fresh series of attempts. */
    boolean requeue(long id, Instant now) {
        return jdbc.update(
                        "UPDATE webhook_inbox SET status = 'RETRYING', attempts = 0, next_attempt_at = ?"
                                + " WHERE id = ? AND status IN ('PARKED', 'RETRYING')",
                        Timestamp.from(now),
                        id)
                == 1;
    }

    Optional<InboxEventView> find(long id) {
        return jdbc.query("SELECT " + VIEW_COLUMNS + " FROM webhook_inbox WHERE id = ?", InboxStore::view, id).stream()
                .findFirst();
    }

    List<InboxEventView> list(Optional<InboxEventStatus> status, Optional<String> type, long afterId, int limit) {
        return jdbc.query(
                "SELECT " + VIEW_COLUMNS + " FROM webhook_inbox WHERE (?::text IS NULL OR status = ?)"
                        + " AND (?::text IS NULL OR event_type = ?) AND id > ? ORDER BY id LIMIT ?",
                InboxStore::view,
                status.map(Enum::name).orElse(null),
                status.map(Enum::name).orElse(null),
                type.orElse(null),
                type.orElse(null),
                afterId,
                limit);
    }

    long countByStatus(InboxEventStatus status) {
        Long count =
                jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE status = ?", Long.class, status.name());
        return count == null ? 0 : count;
    }

    /** The events waiting to be processed and the age of the oldest. */
    record Backlog(long events, Duration oldestAge) {}

    Backlog backlog(Instant now) {
        return jdbc.queryForObject(
                "SELECT count(*), min(received_at) FROM webhook_inbox"
                        + " WHERE status IN ('RECEIVED', 'RETRYING', 'PROCESSING')",
                (rs, row) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                    return new Backlog(rs.getLong(1), age.isNegative() ? Duration.ZERO : age);
                });
    }

    private static InboxEvent inboxEvent(ResultSet rs, int row) throws SQLException {
        return new InboxEvent(
                rs.getLong("id"),
                endpoint(rs.getString("endpoint")),
                rs.getString("event_id"),
                rs.getString("event_type"),
                Optional.ofNullable(rs.getString("account_id")),
                Optional.ofNullable(rs.getString("object_id")),
                Optional.ofNullable(rs.getString("api_version")),
                rs.getTimestamp("event_created").toInstant(),
                rs.getString("payload"),
                rs.getInt("attempts"));
    }

    private static InboxEventView view(ResultSet rs, int row) throws SQLException {
        return new InboxEventView(
                rs.getLong("id"),
                endpoint(rs.getString("endpoint")),
                rs.getString("event_id"),
                rs.getString("event_type"),
                Optional.ofNullable(rs.getString("account_id")),
                InboxEventStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                Optional.ofNullable(rs.getString("last_error")),
                rs.getTimestamp("event_created").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                instant(rs, "processed_at"));
    }

    private static WebhookEndpoint endpoint(String key) {
        return WebhookEndpoint.byKey(key).orElseThrow(() -> new IllegalStateException("Unknown endpoint " + key));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return Optional.ofNullable(value).map(Timestamp::toInstant);
    }
}

package io.freightgate.integrations.internal;

import io.freightgate.integrations.IntegratorDeliveryView;
import io.freightgate.platform.queue.QueueTable;
import io.freightgate.platform.queue.WorkQueue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code integration_deliveries}, their attempts and the worker's queue, in plain JDBC. Every method runs in the
 * caller's transaction. Deliveries, attempts and queue entries are tenant rows (row-level security); the queue is
 * claimed across tenants through the platform's {@link WorkQueue} so that instances never send the same delivery at
 * once, and every outcome is fenced by the claim counter: a claim taken over after its lease expired, or superseded by a
 * redelivery, records its attempt but changes nothing else.
 */
@Component
public class DeliveryStore {

    private static final int MAX_ERROR_LENGTH = 500;

    static final QueueTable TABLE = new QueueTable(
            "integration_delivery_queue",
            "delivery_id",
            "due_at",
            "claims",
            "true",
            "",
            "delivery_id, tenant_id, claims",
            true);

    private final JdbcTemplate jdbc;
    private final WorkQueue<Claim> queue;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queue = new WorkQueue<>(
                "integrator-webhooks",
                TABLE,
                (rs, row) -> new Claim(
                        rs.getObject("delivery_id", UUID.class),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getInt("claims")),
                jdbc);
    }

    /** Writes one delivery per subscribed endpoint of the organizations, across tenants; the number written. */
    public int enqueue(UUID eventId, String eventType, List<UUID> organizations, String payload, Instant now) {
        Integer written = jdbc.queryForObject(
                "SELECT fg_enqueue_integration_event(?, ?, ?, ?, ?)",
                Integer.class,
                eventId,
                eventType,
                organizations.toArray(UUID[]::new),
                payload,
                Timestamp.from(now));
        return written == null ? 0 : written;
    }

    /** A claimed queue entry: the delivery, its organization and the claim's fencing number. */
    public record Claim(UUID deliveryId, UUID tenantId, int claim) {}

    /**
     * The worker's queue ({@code integration_delivery_queue}, ids and times only) as a queue of the platform's {@link
     * WorkQueue}: claimed across tenants (ids and tenants only), each delivery then handled in its own tenant's scope.
     */
    WorkQueue<Claim> queue() {
        return queue;
    }

    /** What the worker needs to send a delivery. */
    public record Pending(
            UUID id,
            UUID endpointId,
            UUID eventId,
            String eventType,
            String payload,
            String status,
            int attemptCount,
            int seriesAttempts) {}

    public Optional<Pending> pending(UUID deliveryId) {
        return jdbc
                .query(
                        "SELECT id, endpoint_id, event_id, event_type, payload, status, attempt_count,"
                                + " series_attempts FROM integration_deliveries WHERE id = ?",
                        (rs, row) -> new Pending(
                                rs.getObject("id", UUID.class),
                                rs.getObject("endpoint_id", UUID.class),
                                rs.getObject("event_id", UUID.class),
                                rs.getString("event_type"),
                                rs.getString("payload"),
                                rs.getString("status"),
                                rs.getInt("attempt_count"),
                                rs.getInt("series_attempts")),
                        deliveryId)
                .stream()
                .findFirst();
    }

    /** One finished HTTP attempt (or one that could not be made). */
    public record AttemptRecord(
            Instant attemptedAt,
            Optional<Integer> statusCode,
            long durationMs,
            Optional<String> responseBody,
            Optional<String> error) {

        public boolean succeeded() {
            return statusCode.map(code -> code >= 200 && code < 300).orElse(false);
        }
    }

    /** Appends the attempt; the number it got. */
    public int recordAttempt(UUID tenant, UUID deliveryId, AttemptRecord attempt) {
        Integer number = jdbc.queryForObject(
                "SELECT coalesce(max(number), 0) + 1 FROM integration_delivery_attempts WHERE delivery_id = ?",
                Integer.class,
                deliveryId);
        int next = number == null ? 1 : number;
        jdbc.update(
                "INSERT INTO integration_delivery_attempts (id, tenant_id, delivery_id, number, attempted_at,"
                        + " status_code, duration_ms, response_body, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                tenant,
                deliveryId,
                next,
                Timestamp.from(attempt.attemptedAt()),
                attempt.statusCode().orElse(null),
                attempt.durationMs(),
                attempt.responseBody().orElse(null),
                attempt.error().map(DeliveryStore::truncate).orElse(null));
        return next;
    }

    /**
     * Records the outcome of the claim: {@code SUCCEEDED}, {@code FAILED} (no {@code retryAt}) or due again at
     * {@code retryAt}. {@code false} when the claim was lost (taken over or superseded), in which case nothing changed.
     */
    public boolean settle(Claim claim, String status, Optional<Instant> retryAt, AttemptRecord attempt, Instant now) {
        int fenced = retryAt.isPresent()
                ? jdbc.update(
                        "UPDATE integration_delivery_queue SET due_at = ? WHERE delivery_id = ? AND claims = ?",
                        Timestamp.from(retryAt.get()),
                        claim.deliveryId(),
                        claim.claim())
                : jdbc.update(
                        "DELETE FROM integration_delivery_queue WHERE delivery_id = ? AND claims = ?",
                        claim.deliveryId(),
                        claim.claim());
        if (fenced != 1) {
            return false;
        }
        jdbc.update(
                "UPDATE integration_deliveries SET status = ?, attempt_count = attempt_count + 1,"
                        + " series_attempts = series_attempts + 1, next_attempt_at = ?, last_status_code = ?,"
                        + " last_error = ?, delivered_at = CASE WHEN ? = 'SUCCEEDED' THEN ? ELSE delivered_at END,"
                        + " updated_at = ? WHERE id = ?",
                status,
                retryAt.map(Timestamp::from).orElse(null),
                attempt.statusCode().orElse(null),
                attempt.error().map(DeliveryStore::truncate).orElse(null),
                status,
                Timestamp.from(attempt.attemptedAt()),
                Timestamp.from(now),
                claim.deliveryId());
        return true;
    }

    /** Cancels a claimed delivery whose endpoint is gone or disabled; {@code false} when the claim was lost. */
    public boolean cancel(Claim claim, String reason, Instant now) {
        if (jdbc.update(
                        "DELETE FROM integration_delivery_queue WHERE delivery_id = ? AND claims = ?",
                        claim.deliveryId(),
                        claim.claim())
                != 1) {
            return false;
        }
        jdbc.update(
                "UPDATE integration_deliveries SET status = 'CANCELED', next_attempt_at = NULL, last_error = ?,"
                        + " updated_at = ? WHERE id = ?",
                reason,
                Timestamp.from(now),
                claim.deliveryId());
        return true;
    }

    /** Drops a queue entry whose delivery is not visible or no longer pending (nothing to send). */
    public void forget(Claim claim) {
        jdbc.update(
                "DELETE FROM integration_delivery_queue WHERE delivery_id = ? AND claims = ?",
                claim.deliveryId(),
                claim.claim());
    }

    /** Cancels the waiting deliveries of an endpoint (disabled or deleted). */
    public int cancelPending(UUID endpointId, String reason, Instant now) {
        jdbc.update(
                "DELETE FROM integration_delivery_queue WHERE delivery_id IN"
                        + " (SELECT id FROM integration_deliveries WHERE endpoint_id = ? AND status = 'PENDING')",
                endpointId);
        return jdbc.update(
                "UPDATE integration_deliveries SET status = 'CANCELED', next_attempt_at = NULL, last_error = ?,"
                        + " updated_at = ? WHERE endpoint_id = ? AND status = 'PENDING'",
                reason,
                Timestamp.from(now),
                endpointId);
    }

    /**
     * Makes a delivery of the endpoint due now with a fresh series of attempts, superseding any claim in flight;
     * {@code false} when the endpoint has no such delivery.
     */
    public boolean redeliver(UUID tenant, UUID endpointId, UUID deliveryId, Instant now) {
        int updated = jdbc.update(
                "UPDATE integration_deliveries SET status = 'PENDING', series_attempts = 0, next_attempt_at = ?,"
                        + " updated_at = ? WHERE id = ? AND endpoint_id = ?",
                Timestamp.from(now),
                Timestamp.from(now),
                deliveryId,
                endpointId);
        if (updated != 1) {
            return false;
        }
        jdbc.update(
                "INSERT INTO integration_delivery_queue (delivery_id, tenant_id, due_at, claims) VALUES (?, ?, ?, 0)"
                        + " ON CONFLICT (delivery_id) DO UPDATE SET due_at = EXCLUDED.due_at,"
                        + " claims = integration_delivery_queue.claims + 1",
                deliveryId,
                tenant,
                Timestamp.from(now));
        return true;
    }

    /** The endpoint's newest deliveries with all their attempts. */
    public List<IntegratorDeliveryView> list(UUID endpointId, int limit) {
        Map<UUID, IntegratorDeliveryView> deliveries = new LinkedHashMap<>();
        jdbc.query(
                "SELECT id, endpoint_id, event_id, event_type, status, attempt_count, next_attempt_at, delivered_at,"
                        + " created_at FROM integration_deliveries WHERE endpoint_id = ?"
                        + " ORDER BY created_at DESC, id LIMIT ?",
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    deliveries.put(id, delivery(rs, List.of()));
                },
                endpointId,
                limit);
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<IntegratorDeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT delivery_id, number, attempted_at, status_code, duration_ms, response_body, error"
                        + " FROM integration_delivery_attempts WHERE delivery_id = ANY (?) ORDER BY number",
                rs -> {
                    attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class), id -> new ArrayList<>())
                            .add(attempt(rs));
                },
                (Object) deliveries.keySet().toArray(UUID[]::new));
        List<IntegratorDeliveryView> views = new ArrayList<>();
        deliveries.forEach((id, view) -> views.add(new IntegratorDeliveryView(
                view.id(),
                view.endpointId(),
                view.eventId(),
                view.eventType(),
                view.status(),
                view.attemptCount(),
                view.nextAttemptAt(),
                view.deliveredAt(),
                view.createdAt(),
                List.copyOf(attempts.getOrDefault(id, List.of())))));
        return views;
    }

    private static IntegratorDeliveryView delivery(ResultSet rs, List<IntegratorDeliveryView.Attempt> attempts)
            throws SQLException {
        return new IntegratorDeliveryView(
                rs.getObject("id", UUID.class),
                rs.getObject("endpoint_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempt_count"),
                Optional.ofNullable(rs.getTimestamp("next_attempt_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("delivered_at")).map(Timestamp::toInstant),
                rs.getTimestamp("created_at").toInstant(),
                attempts);
    }

    private static IntegratorDeliveryView.Attempt attempt(ResultSet rs) throws SQLException {
        int status = rs.getInt("status_code");
        Optional<Integer> statusCode = rs.wasNull() ? Optional.empty() : Optional.of(status);
        return new IntegratorDeliveryView.Attempt(
                rs.getInt("number"),
                rs.getTimestamp("attempted_at").toInstant(),
                statusCode,
                rs.getLong("duration_ms"),
                Optional.ofNullable(rs.getString("response_body")),
                Optional.ofNullable(rs.getString("error")));
    }

    private static String truncate(String text) {
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}

package io.freightgate.platform.idempotency;

import io.freightgate.kernel.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored first response per (tenant, actor, Idempotency-Key): a key belongs to the caller that sent it, so one
 * caller's key never finds another caller's answer. Each method is one short statement run inside the caller's
 * transaction, so the tenant's row-level security applies.
 */
@Component
public class IdempotencyRecords {

    private final JdbcTemplate jdbc;

    public IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose key it is: the organization and the authenticated caller (user id or API client id) within it. */
    public record Key(TenantId tenant, String actor, String value) {
        public Key {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(value, "value");
            if (actor == null || actor.isEmpty()) {
                throw new IllegalArgumentException("An idempotency key belongs to an authenticated caller");
            }
        }
    }

    /** What a new request with a key finds. */
    public sealed interface Claim {}

    /** The key is new (or its holder died): this request runs and its response will be stored. */
    public record Acquired() implements Claim {}

    /** The same request already completed: replay its response. */
    public record Completed(StoredResponse response) implements Claim {}

    /** The key belongs to a different request. */
    public record Mismatch() implements Claim {}

    /** The same request is still running. */
    public record InProgress() implements Claim {}

    public record StoredResponse(
            int status,
            @Nullable String contentType,
            @Nullable String location,
            byte @Nullable [] body) {}

    public Claim claim(Key key, byte[] fingerprint, Instant now, Instant lockUntil) {
        int inserted = insertClaim(key, fingerprint, now, lockUntil);
        if (inserted == 1) {
            return new Acquired();
        }
        List<Claim> existing = jdbc.query(
                "SELECT fingerprint, status, locked_until, response_status, response_content_type, response_location,"
                        + " response_body FROM idempotency_records"
                        + " WHERE tenant_id = ? AND actor = ? AND idempotency_key = ?",
                (rs, n) -> {
                    if (!Arrays.equals(rs.getBytes("fingerprint"), fingerprint)) {
                        return new Mismatch();
                    }
                    if ("COMPLETED".equals(rs.getString("status"))) {
                        return new Completed(new StoredResponse(
                                rs.getInt("response_status"),
                                rs.getString("response_content_type"),
                                rs.getString("response_location"),
                                rs.getBytes("response_body")));
                    }
                    boolean abandoned =
                            rs.getTimestamp("locked_until").toInstant().isBefore(now);
                    return abandoned ? takeOver(key, now, lockUntil) : new InProgress();
                },
                key.tenant().value(),
                key.actor(),
                key.value());
        // The row vanished between the two statements (its request failed and released it): try again once.
        return existing.isEmpty() ? claimAfterRelease(key, fingerprint, now, lockUntil) : existing.getFirst();
    }

    private Claim claimAfterRelease(Key key, byte[] fingerprint, Instant now, Instant lockUntil) {
        return insertClaim(key, fingerprint, now, lockUntil) == 1 ? new Acquired() : new InProgress();
    }

    private int insertClaim(Key key, byte[] fingerprint, Instant now, Instant lockUntil) {
        return jdbc.update(
                "INSERT INTO idempotency_records (tenant_id, actor, idempotency_key, fingerprint, status, locked_until,"
                        + " created_at) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?) ON CONFLICT DO NOTHING",
                key.tenant().value(),
                key.actor(),
                key.value(),
                fingerprint,
                Timestamp.from(lockUntil),
                Timestamp.from(now));
    }

    private Claim takeOver(Key key, Instant now, Instant lockUntil) {
        int taken = jdbc.update(
                "UPDATE idempotency_records SET locked_until = ?"
                        + " WHERE tenant_id = ? AND actor = ? AND idempotency_key = ?"
                        + " AND status = 'IN_PROGRESS' AND locked_until < ?",
                Timestamp.from(lockUntil),
                key.tenant().value(),
                key.actor(),
                key.value(),
                Timestamp.from(now));
        return taken == 1 ? new Acquired() : new InProgress();
    }

    public void complete(Key key, StoredResponse response, Instant now) {
        jdbc.update(
                "UPDATE idempotency_records SET status = 'COMPLETED', response_status = ?, response_content_type = ?,"
                        + " response_location = ?, response_body = ?, completed_at = ?"
                        + " WHERE tenant_id = ? AND actor = ? AND idempotency_key = ?",
                response.status(),
                response.contentType(),
                response.location(),
                response.body(),
                Timestamp.from(now),
                key.tenant().value(),
                key.actor(),
                key.value());
    }

    /**
     * Forgets an unfinished claim so that a retry runs again (after a server error, an exception or a refusal).
     */
    public void release(Key key) {
        jdbc.update(
                "DELETE FROM idempotency_records WHERE tenant_id = ? AND actor = ? AND idempotency_key = ?"
                        + " AND status = 'IN_PROGRESS'",
                key.tenant().value(),
                key.actor(),
                key.value());
    }

    /** Deletes records created before {@code cutoff}; run in the system scope it covers every tenant. */
    public int deleteCreatedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM idempotency_records WHERE created_at < ?", Timestamp.from(cutoff));
    }
}

package io.freightgate.platform.stripe.calls;

import io.freightgate.platform.stripe.ProviderOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The record of every Stripe call that changes something (see the package documentation for the three steps). Rows
 * live in {@code stripe_calls}, one per (operation, idempotency key), under the tenant's row-level security.
 */
@Component
public class StripeCalls {

    /**
     * The network retries stripe-java makes for a recorded call's send: none. Every send is one request, so the record
     * says what Stripe was asked; the janitor repeats a send that got no answer (a few attempts in a row, same key).
     */
    public static final int NETWORK_RETRIES = 0;

    private static final String COLUMNS = "id, tenant_id, operation, business_key, idempotency_key, outcome,"
            + " stripe_object_id, detail, sends, checks, intended_at, last_sent_at, decided_at, next_check_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final Duration firstCheckAfter;
    private final Duration maxBackoff;

    StripeCalls(
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${freightgate.stripe.calls.first-check-after:PT1M}") Duration firstCheckAfter,
            @Value("${freightgate.stripe.calls.max-backoff:PT1H}") Duration maxBackoff) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.firstCheckAfter = firstCheckAfter;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Records the intent to call Stripe, in the caller's transaction (which must commit before Stripe is called), and
     * returns the call's id for the owning entity. The same (operation, idempotency key) is the same call: recording it
     * again returns the first record's id. The first send is counted here.
     */
    public UUID intend(UUID tenantId, String operation, String businessKey, String idempotencyKey) {
        requireTransaction("intend");
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, sends,"
                        + " checks, intended_at, last_sent_at, next_check_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'INTENDED', 1, 0, ?, ?, ?, ?)"
                        + " ON CONFLICT (operation, idempotency_key) DO NOTHING",
                id,
                tenantId,
                operation,
                businessKey,
                idempotencyKey,
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(now.plus(firstCheckAfter)),
                Timestamp.from(now));
        return Objects.requireNonNull(jdbc.queryForObject(
                "SELECT id FROM stripe_calls WHERE operation = ? AND idempotency_key = ?",
                UUID.class,
                operation,
                idempotencyKey));
    }

    /**
     * Calls Stripe for a recorded call. Never inside a database transaction: a row lock or a connection must not be
     * held while Stripe answers, and the intent must already be committed.
     */
    public <T> ProviderOutcome<T> send(Supplier<ProviderOutcome<T>> call) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Stripe is never called inside a database transaction");
        }
        return call.get();
    }

    /**
     * Records what the call came to, in the caller's transaction (the one that applies it to the owning entity).
     * A settled call (approved, declined, not attempted) keeps its outcome; a later approval only fills in the object's
     * id. Returns the call as recorded.
     */
    public <T> StripeCall record(UUID callId, ProviderOutcome<T> outcome, Function<T, String> objectId) {
        requireTransaction("record");
        Instant now = clock.instant();
        StripeCall call = lock(callId);
        CallOutcome next = CallOutcome.of(outcome);
        @Nullable
        String object = outcome instanceof ProviderOutcome.Approved<T>(T result) ? objectId.apply(result) : null;
        @Nullable
        String detail =
                switch (outcome) {
                    case ProviderOutcome.Approved<T> approved -> null;
                    case ProviderOutcome.Declined<T> declined -> declined.code() + ": " + declined.message();
                    case ProviderOutcome.Pending<T> pending -> pending.reason();
                    case ProviderOutcome.Unknown<T> unknown -> unknown.reason();
                    case ProviderOutcome.NotAttempted<T> notAttempted -> notAttempted.reason();
                };
        if (!call.outcome().open()) {
            if (next == CallOutcome.APPROVED && call.stripeObjectId() == null && object != null) {
                jdbc.update(
                        "UPDATE stripe_calls SET stripe_object_id = ?, updated_at = ? WHERE id = ?",
                        object,
                        Timestamp.from(now),
                        callId);
            }
            return find(callId).orElseThrow();
        }
        jdbc.update(
                "UPDATE stripe_calls SET outcome = ?, stripe_object_id = COALESCE(?, stripe_object_id), detail = ?,"
                        + " decided_at = ?, next_check_at = ?, updated_at = ? WHERE id = ?",
                next.name(),
                object,
                detail,
                next.open() ? null : Timestamp.from(now),
                Timestamp.from(next.open() ? now.plus(backoff(call.checks())) : call.nextCheckAt()),
                Timestamp.from(now),
                callId);
        return find(callId).orElseThrow();
    }

    /** The call, if the current scope may see it. */
    public Optional<StripeCall> find(UUID callId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM stripe_calls WHERE id = ?", StripeCalls::row, callId).stream()
                .findFirst();
    }

    /** The calls about one business key of an operation, oldest first. */
    public List<StripeCall> of(String operation, String businessKey) {
        return jdbc.query(
                "SELECT " + COLUMNS
                        + " FROM stripe_calls WHERE operation = ? AND business_key = ? ORDER BY intended_at",
                StripeCalls::row,
                operation,
                businessKey);
    }

    /** Open calls due for a check, of the given operations, the longest waiting first (janitor, system scope). */
    List<StripeCall> due(Collection<String> operations, int limit) {
        if (operations.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT " + COLUMNS + " FROM stripe_calls WHERE outcome IN ('INTENDED', 'PENDING', 'UNKNOWN')"
                        + " AND operation IN (:operations) AND next_check_at <= :now ORDER BY next_check_at LIMIT :limit",
                new MapSqlParameterSource()
                        .addValue("operations", operations)
                        .addValue("now", Timestamp.from(clock.instant()))
                        .addValue("limit", limit),
                StripeCalls::row);
    }

    /** The janitor starts a check: counted, and the next one put off, before Stripe is asked (janitor, system scope). */
    StripeCall checking(UUID callId) {
        requireTransaction("checking");
        StripeCall call = lock(callId);
        Instant now = clock.instant();
        jdbc.update(
                "UPDATE stripe_calls SET checks = checks + 1, next_check_at = ?, updated_at = ? WHERE id = ?",
                Timestamp.from(now.plus(backoff(call.checks() + 1))),
                Timestamp.from(now),
                callId);
        return find(callId).orElseThrow();
    }

    /**
     * The call is sent again with its key (counted before the send): by the janitor, or by a caller repeating a
     * request whose answer was lost after it looked the object up and found none.
     */
    public void resending(UUID callId) {
        requireTransaction("resending");
        Instant now = clock.instant();
        jdbc.update(
                "UPDATE stripe_calls SET sends = sends + 1, last_sent_at = ?, updated_at = ? WHERE id = ?",
                Timestamp.from(now),
                Timestamp.from(now),
                callId);
    }

    /** A call left for an operator is looked at again only after the longest wait (janitor, system scope). */
    void putOff(UUID callId) {
        requireTransaction("putOff");
        Instant now = clock.instant();
        jdbc.update(
                "UPDATE stripe_calls SET next_check_at = ?, updated_at = ? WHERE id = ?",
                Timestamp.from(now.plus(maxBackoff)),
                Timestamp.from(now),
                callId);
    }

    /** The janitor could not settle the call this round: why. */
    void noted(UUID callId, String detail) {
        requireTransaction("noted");
        jdbc.update(
                "UPDATE stripe_calls SET detail = ?, updated_at = ? WHERE id = ?",
                detail,
                Timestamp.from(clock.instant()),
                callId);
    }

    /** How long after its {@code checks}-th check an open call is looked at again: doubling, capped. */
    Duration backoff(int checks) {
        Duration wait = firstCheckAfter;
        for (int i = 0; i < checks && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private StripeCall lock(UUID callId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM stripe_calls WHERE id = ? FOR UPDATE", StripeCalls::row, callId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Stripe call " + callId));
    }

    private static void requireTransaction(String what) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("StripeCalls." + what + " runs inside the caller's transaction");
        }
    }

    private static StripeCall row(ResultSet rs, int n) throws SQLException {
        return new StripeCall(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("operation"),
                rs.getString("business_key"),
                rs.getString("idempotency_key"),
                CallOutcome.valueOf(rs.getString("outcome")),
                rs.getString("stripe_object_id"),
                rs.getString("detail"),
                rs.getInt("sends"),
                rs.getInt("checks"),
                rs.getTimestamp("intended_at").toInstant(),
                instant(rs.getTimestamp("last_sent_at")),
                instant(rs.getTimestamp("decided_at")),
                rs.getTimestamp("next_check_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

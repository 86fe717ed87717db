package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.queue.Backoff;
import io.freightgate.platform.queue.QueueTable;
import io.freightgate.platform.queue.QueueWorker;
import io.freightgate.platform.queue.WorkQueue;
import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.ratelimit.UserType;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.web.RequestInfo;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The durable queue of password-reset requests ({@code password_reset_requests}). {@link #record} stores the request
 * (the email's keyed hash, the request id and client address) and commits it before the caller answers 202: the same
 * work for every well-formed address, so the answer's timing tells nothing about accounts. A {@link QueueWorker} of
 * the platform's one work queue then claims the requests in batches (a lease, so several instances share the
 * queue), looks the address up, and for an active user issues the token, records the mail in the platform's outbox
 * and deletes the request, all in one transaction: a request is never dropped, however many arrive, and a crash leaves
 * it queued for the next run (every {@code freightgate.security.password-reset.poll-interval}, 10 s by default, and at
 * start-up). A request that
 * fails is retried a minute later, and given up with an error in the log after {@value #MAX_ATTEMPTS} attempts.
 *
 * <p>A user gets at most {@code freightgate.security.password-reset.mails-per-user} (3) reset mails per {@code
 * ...mails-period} (1 h): further requests are recorded in {@code security_events} as {@code
 * PASSWORD_RESET_THROTTLED} and send nothing, so nobody can bury a user's mailbox.
 */
@Component
class PasswordResetRequests
        implements AutoCloseable, QueueWorker.Handler<PasswordResetRequests.Request, RuntimeException> {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetRequests.class);

    static final int MAX_ATTEMPTS = 10;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final int BATCH_SIZE = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);

    static final QueueTable TABLE = new QueueTable(
            "password_reset_requests",
            "id",
            "not_before",
            "attempts",
            "true",
            "",
            "id, email_hash, request_id, client_ip, attempts",
            false);

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;
    private final SystemAccess systemAccess;
    private final UserRecords records;
    private final EnvelopeEncryption encryption;
    private final Notifications notifications;
    private final SecurityEvents securityEvents;
    private final RateLimiter rateLimiter;
    private final RateLimit mailsPerUser;
    private final String issuer;
    private final Duration validity;
    private final Clock clock;
    private final QueueWorker<Request, RuntimeException> worker;

    PasswordResetRequests(
            JdbcTemplate jdbc,
            TransactionOperations transactions,
            SystemAccess systemAccess,
            UserRecords records,
            EnvelopeEncryption encryption,
            Notifications notifications,
            SecurityEvents securityEvents,
            RateLimiter rateLimiter,
            Throttle throttle,
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer,
            @Value("${freightgate.security.password-reset.validity:PT30M}") Duration validity,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.systemAccess = systemAccess;
        this.records = records;
        this.encryption = encryption;
        this.notifications = notifications;
        this.securityEvents = securityEvents;
        this.rateLimiter = rateLimiter;
        // The policy table's password-reset row (per user), whose default reads
        // ...password-reset.mails-per-user/-period.
        this.mailsPerUser = throttle.limit("password-reset", UserType.ANONYMOUS, KeyKind.USER)
                .orElseThrow(() -> new IllegalStateException(
                        "freightgate.rate-limits.table.password-reset needs a limit per user"));
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.validity = validity;
        this.clock = clock;
        this.worker = new QueueWorker<>(
                new WorkQueue<>(
                        "password-resets",
                        TABLE,
                        (rs, row) -> new Request(
                                rs.getLong("id"),
                                rs.getBytes("email_hash"),
                                rs.getString("request_id"),
                                rs.getString("client_ip"),
                                rs.getInt("attempts")),
                        jdbc),
                this,
                new QueueWorker.Settings(
                        BATCH_SIZE, LEASE, Backoff.withoutJitter(RETRY_AFTER, RETRY_AFTER, MAX_ATTEMPTS), 10),
                transactions,
                clock,
                meters);
    }

    /**
     * Queues a reset for this address, committed when this returns. A malformed address is not queued (that tells
     * nothing about accounts).
     */
    void record(String email) {
        String normalized;
        try {
            normalized = EmailAddresses.normalize(email);
        } catch (IllegalArgumentException e) {
            return;
        }
        byte[] emailHash = encryption.keyedHash("user-email:" + normalized);
        RequestInfo info = RequestInfo.current();
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO password_reset_requests (email_hash, requested_at, not_before, request_id, client_ip)"
                        + " VALUES (?, ?, ?, ?, ?)",
                emailHash,
                now,
                now,
                info.requestId(),
                info.clientIp()));
        worker.nudge();
    }

    @Scheduled(
            fixedDelayString = "${freightgate.security.password-reset.poll-interval:PT10S}",
            initialDelayString = "PT1S")
    void poll() {
        worker.nudge();
    }

    /**
     * Issues the reset of one claimed request and deletes it, in one transaction on the audited system path (the
     * address is looked up across tenants), in the context of the request that asked for it.
     */
    @Override
    public QueueWorker.Outcome<RuntimeException> handle(Request request) {
        try {
            inRequestContext(
                    request,
                    () -> systemAccess.callAs(
                            "password reset",
                            Optional.<TenantId>empty(),
                            "issue requested password resets",
                            () -> transactions.execute(status -> {
                                issue(request.emailHash());
                                return jdbc.update(
                                        "DELETE FROM password_reset_requests WHERE id = ? AND attempts = ?",
                                        request.id(),
                                        request.attempt());
                            })));
        } catch (RuntimeException e) {
            return new QueueWorker.Outcome.Failed<>(request.attempt(), e.toString(), e, false);
        }
        return new QueueWorker.Outcome.Succeeded<>();
    }

    /** A request that failed is tried again a minute later, and given up (deleted) after its last attempt. */
    @Override
    public boolean failed(
            Request request, QueueWorker.Outcome.Failed<RuntimeException> failure, Optional<Instant> retryAt) {
        if (retryAt.isPresent()) {
            log.warn(
                    "Password-reset request {} failed (attempt {}); retried in {}",
                    request.id(),
                    request.attempt(),
                    RETRY_AFTER,
                    failure.detail());
            return Boolean.TRUE.equals(transactions.execute(status -> jdbc.update(
                            "UPDATE password_reset_requests SET not_before = ? WHERE id = ? AND attempts = ?",
                            Timestamp.from(retryAt.get()),
                            request.id(),
                            request.attempt())
                    == 1));
        }
        log.error(
                "Password-reset request {} given up after {} attempts",
                request.id(),
                request.attempt(),
                failure.detail());
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.update(
                        "DELETE FROM password_reset_requests WHERE id = ? AND attempts = ?",
                        request.id(),
                        request.attempt())
                == 1));
    }

    /** Mails an active user a single-use link, unless the user had its share of reset mails. */
    private void issue(byte[] emailHash) {
        Optional<User> found = records.findByEmailHash(emailHash).filter(user -> user.status() == User.Status.ACTIVE);
        if (found.isEmpty()) {
            return;
        }
        User user = found.get();
        Optional<String> email = encryption.decryptText(user.id(), user.emailCiphertext());
        if (email.isEmpty()) {
            return;
        }
        if (rateLimiter.tryConsume(mailsPerUser, user.id().toString()) instanceof RateLimiter.Limited) {
            securityEvents.record(user.tenant(), user.id(), "PASSWORD_RESET_THROTTLED", null, "anonymous");
            return;
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        String token = "fgr_" + OpaqueTokens.random();
        jdbc.update("DELETE FROM password_resets WHERE user_id = ?", user.id());
        jdbc.update(
                "INSERT INTO password_resets (token_hash, user_id, tenant_id, expires_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                OpaqueTokens.sha256(token),
                user.id(),
                user.tenant().value(),
                Timestamp.from(expiresAt),
                Timestamp.from(now));
        securityEvents.record(user.tenant(), user.id(), "PASSWORD_RESET_REQUESTED", null, "anonymous");
        notifications.enqueue(new Notification(
                email.get(),
                "Reset your FreightGate password",
                "password-reset",
                Map.of(
                        "display_name",
                        encryption
                                .decryptText(user.id(), user.displayNameCiphertext())
                                .orElse(""),
                        "reset_url",
                        issuer + "/password-reset/" + token,
                        "expires_at",
                        EmailAddresses.mailTime(expiresAt))));
    }

    private static void inRequestContext(Request request, Runnable work) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        try {
            if (request.requestId() != null) {
                MDC.put(RequestInfo.REQUEST_ID, request.requestId());
            }
            if (request.clientIp() != null) {
                MDC.put(RequestInfo.CLIENT_IP, request.clientIp());
            }
            work.run();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.close();
    }

    /** A claimed request; {@code attempt} is the claim's number, which fences its outcome. */
    record Request(
            long id,
            byte[] emailHash,
            @Nullable String requestId,
            @Nullable String clientIp,
            int attempt) {}
}

package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.web.RequestInfo;
import io.freightgate.platform.work.CoalescingWorker;
import io.freightgate.security.internal.User;
import io.freightgate.security.internal.UserRecords;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
 * work for every well-formed address, so the answer's timing tells nothing about accounts. A worker thread then takes
 * the requests one by one ({@code FOR UPDATE SKIP LOCKED}, so several instances share the queue), looks the address
 * up, and for an active user issues the token, records the mail in the platform's outbox and deletes the request, all
 * in one transaction: a request is never dropped, however many arrive, and a crash leaves it queued for the next run
 * (every {@code freightgate.security.password-reset.poll-interval}, 10 s by default, and at start-up). A request that
 * fails is retried a minute later, and given up with an error in the log after {@value #MAX_ATTEMPTS} attempts.
 *
 * <p>A user gets at most {@code freightgate.security.password-reset.mails-per-user} (3) reset mails per {@code
 * ...mails-period} (1 h): further requests are recorded in {@code security_events} as {@code
 * PASSWORD_RESET_THROTTLED} and send nothing, so nobody can bury a user's mailbox.
 */
@Component
class PasswordResetRequests implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetRequests.class);

    static final int MAX_ATTEMPTS = 10;
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final int MAX_PER_ROUND = 200;

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
    private final CoalescingWorker worker;

    PasswordResetRequests(
            JdbcTemplate jdbc,
            TransactionOperations transactions,
            SystemAccess systemAccess,
            UserRecords records,
            EnvelopeEncryption encryption,
            Notifications notifications,
            SecurityEvents securityEvents,
            RateLimiter rateLimiter,
            @Value("${freightgate.security.password-reset.mails-per-user:3}") long mailsPerUser,
            @Value("${freightgate.security.password-reset.mails-period:PT1H}") Duration mailsPeriod,
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer,
            @Value("${freightgate.security.password-reset.validity:PT30M}") Duration validity,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.systemAccess = systemAccess;
        this.records = records;
        this.encryption = encryption;
        this.notifications = notifications;
        this.securityEvents = securityEvents;
        this.rateLimiter = rateLimiter;
        this.mailsPerUser = new RateLimit("password-reset-mails", mailsPerUser, mailsPeriod);
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.validity = validity;
        this.clock = clock;
        this.worker = new CoalescingWorker("password-resets", this::drain);
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

    /** Handles every due request, a bounded number per system-access round. */
    void drain() {
        try {
            while (!worker.stopping() && due()) {
                int handled = systemAccess.callAs(
                        "password reset", Optional.<TenantId>empty(), "issue requested password resets", () -> {
                            int count = 0;
                            while (count < MAX_PER_ROUND && !worker.stopping() && handleNext()) {
                                count++;
                            }
                            return count;
                        });
                if (handled == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("Password-reset requests could not be handled; the next run retries", e);
        }
    }

    private boolean due() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM password_reset_requests WHERE not_before <= ?)",
                Boolean.class,
                Timestamp.from(clock.instant())));
    }

    /** Takes one due request, in its own transaction; false when there is none. */
    private boolean handleNext() {
        AtomicLong claimed = new AtomicLong(-1);
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                List<Request> next = jdbc.query(
                        "SELECT id, email_hash, request_id, client_ip FROM password_reset_requests"
                                + " WHERE not_before <= ? ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                        (rs, row) -> new Request(
                                rs.getLong("id"),
                                rs.getBytes("email_hash"),
                                rs.getString("request_id"),
                                rs.getString("client_ip")),
                        Timestamp.from(clock.instant()));
                if (next.isEmpty()) {
                    return false;
                }
                Request request = next.getFirst();
                claimed.set(request.id());
                inRequestContext(request, () -> issue(request.emailHash()));
                jdbc.update("DELETE FROM password_reset_requests WHERE id = ?", request.id());
                return true;
            }));
        } catch (RuntimeException e) {
            if (claimed.get() < 0) {
                throw e;
            }
            failed(claimed.get(), e);
            return true;
        }
    }

    private void failed(long id, RuntimeException cause) {
        Integer attempts = transactions.execute(status -> Objects.requireNonNull(
                jdbc.queryForObject(
                        "UPDATE password_reset_requests SET attempts = attempts + 1, not_before = ? WHERE id = ?"
                                + " RETURNING attempts",
                        Integer.class,
                        Timestamp.from(clock.instant().plus(RETRY_AFTER)),
                        id),
                "attempts is NOT NULL"));
        if (attempts != null && attempts >= MAX_ATTEMPTS) {
            transactions.executeWithoutResult(
                    status -> jdbc.update("DELETE FROM password_reset_requests WHERE id = ?", id));
            log.error("Password-reset request {} given up after {} attempts", id, attempts, cause);
        } else {
            log.warn("Password-reset request {} failed (attempt {}); retried in {}", id, attempts, RETRY_AFTER, cause);
        }
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

    private record Request(long id, byte[] emailHash, String requestId, String clientIp) {}
}

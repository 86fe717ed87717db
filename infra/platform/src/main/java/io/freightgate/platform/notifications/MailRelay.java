package io.freightgate.platform.notifications;

import io.freightgate.platform.notifications.MailOutbox.ClaimedMail;
import io.freightgate.platform.notifications.Mailer.Failed;
import io.freightgate.platform.notifications.Mailer.MailDelivery;
import io.freightgate.platform.notifications.Mailer.Rejected;
import io.freightgate.platform.notifications.Mailer.Sent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Moves mail from the {@link MailOutbox} to the {@link Mailer}, always outside any database transaction: it claims due
 * mails in one short transaction, sends each with no transaction open, and records each outcome in another.
 *
 * <ul>
 *   <li>Right after a transaction that recorded mail commits, {@link #wakeUp()} runs the relay on its own thread, so a
 *       mail leaves within moments without the committing request waiting for SMTP.
 *   <li>Every {@code freightgate.mail.poll-interval} (10 s by default), on one instance at a time (ShedLock), it sends
 *       whatever is due: retries, and mail recorded before a crash.
 *   <li>A sent mail's row is deleted. A failed attempt is retried after the {@link MailRetryPolicy}'s backoff; a mail
 *       that the server rejects for good, or that failed {@code maxAttempts} times, is given up visibly: an error in
 *       the log with the outbox id and the reason, the row kept as {@code GAVE_UP} with its last error, and the {@code
 *       freightgate.mail.relayed{outcome=given_up}} counter.
 * </ul>
 *
 * Delivery is at least once: a relay that dies between the SMTP hand-over and the delete sends that mail again after
 * the claim's lease.
 */
public class MailRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

    private static final int BATCH_SIZE = 20;
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final MailOutbox outbox;
    private final Mailer mailer;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final MailRetryPolicy policy;
    private final Duration lease;
    private final Duration givenUpRetention;
    private final Counter sent;
    private final Counter retried;
    private final Counter givenUp;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mail-relay").daemon().factory());
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();

    public MailRelay(
            MailOutbox outbox,
            Mailer mailer,
            TransactionOperations transactions,
            Clock clock,
            MailRetryPolicy policy,
            Duration lease,
            Duration givenUpRetention,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.lease = lease;
        this.givenUpRetention = givenUpRetention;
        this.sent = counter(meters, "sent");
        this.retried = counter(meters, "retried");
        this.givenUp = counter(meters, "given_up");
    }

    /**
     * Asks for a relay run soon on the relay's own thread; runs asked for while one is still queued are merged. Called
     * after a commit that recorded mail.
     */
    public void wakeUp() {
        if (!wakeUpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            afterCommit.execute(() -> {
                wakeUpQueued.set(false);
                try {
                    relayDue();
                } catch (RuntimeException e) {
                    // The scheduled run picks the mail up again; the caller's commit stands.
                    log.warn("Relaying mail after commit failed; the scheduled relay will retry", e);
                }
            });
        } catch (RejectedExecutionException e) {
            wakeUpQueued.set(false);
            log.debug("Mail relay is shutting down; the next start sends what is due");
        }
    }

    /** The scheduled run: sends what is due and deletes given-up mail past its retention. */
    @Scheduled(
            fixedDelayString = "${freightgate.mail.poll-interval:PT10S}",
            initialDelayString = "${freightgate.mail.poll-interval:PT10S}")
    @SchedulerLock(name = "mail-relay", lockAtMostFor = "PT15M")
    public void relayScheduled() {
        relayDue();
        int deleted = transactions.execute(
                status -> outbox.deleteGivenUpBefore(clock.instant().minus(givenUpRetention)));
        if (deleted > 0) {
            log.info("Deleted {} given-up mails older than {}", deleted, givenUpRetention);
        }
    }

    /** Sends every mail that is due now; returns how many were sent. */
    public int relayDue() {
        int sentNow = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<ClaimedMail> claimed =
                    transactions.execute(status -> outbox.claimDue(clock.instant(), lease, BATCH_SIZE));
            for (ClaimedMail mail : claimed) {
                if (attempt(mail)) {
                    sentNow++;
                }
            }
            if (claimed.size() < BATCH_SIZE) {
                break;
            }
        }
        return sentNow;
    }

    private boolean attempt(ClaimedMail claimed) {
        MailDelivery delivery;
        try {
            delivery = mailer.send(claimed.mail());
        } catch (RuntimeException e) {
            delivery = new Failed("Unexpected " + e.getClass().getSimpleName());
            log.error("Mailer failed unexpectedly on outbox mail {}", claimed.id(), e);
        }
        Instant now = clock.instant();
        switch (delivery) {
            case Sent _ -> {
                transactions.executeWithoutResult(status -> outbox.sent(claimed.id()));
                sent.increment();
                log.info("Sent mail {} ({}) on attempt {}", claimed.id(), claimed.template(), claimed.attempt());
                return true;
            }
            case Rejected rejected -> giveUp(claimed, now, "Rejected: " + rejected.reason());
            case Failed failed ->
                policy.delayAfter(claimed.attempt())
                        .ifPresentOrElse(
                                delay -> {
                                    transactions.executeWithoutResult(
                                            status -> outbox.retryAt(claimed.id(), now.plus(delay), failed.reason()));
                                    retried.increment();
                                    log.warn(
                                            "Mail {} ({}) failed on attempt {} of {}, retrying in {}: {}",
                                            claimed.id(),
                                            claimed.template(),
                                            claimed.attempt(),
                                            policy.maxAttempts(),
                                            delay,
                                            failed.reason());
                                },
                                () -> giveUp(
                                        claimed, now, "Failed " + claimed.attempt() + " times: " + failed.reason()));
        }
        return false;
    }

    private void giveUp(ClaimedMail claimed, Instant now, String reason) {
        transactions.executeWithoutResult(status -> outbox.giveUp(claimed.id(), now, reason));
        givenUp.increment();
        log.error(
                "Gave up mail {} ({}) after {} attempts; its outbox row is kept as GAVE_UP for {}: {}",
                claimed.id(),
                claimed.template(),
                claimed.attempt(),
                givenUpRetention,
                reason);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("freightgate.mail.relayed")
                .description("Mail attempts by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Lets a relay run that is under way finish, then stops the relay's thread. */
    @Override
    public void close() {
        afterCommit.shutdown();
        try {
            if (!afterCommit.awaitTermination(30, TimeUnit.SECONDS)) {
                afterCommit.shutdownNow();
            }
        } catch (InterruptedException e) {
            afterCommit.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

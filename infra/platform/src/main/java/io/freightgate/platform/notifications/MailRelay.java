package io.freightgate.platform.notifications;

import io.freightgate.platform.notifications.MailOutbox.ClaimedMail;
import io.freightgate.platform.notifications.Mailer.Failed;
import io.freightgate.platform.notifications.Mailer.MailDelivery;
import io.freightgate.platform.notifications.Mailer.Rejected;
import io.freightgate.platform.notifications.Mailer.Sent;
import io.freightgate.platform.queue.Backoff;
import io.freightgate.platform.queue.QueueWorker;
import io.freightgate.platform.queue.QueueWorker.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Moves mail from the {@link MailOutbox} to the {@link Mailer}, always outside any database transaction, as a {@link
 * QueueWorker} of the platform's one work queue: it claims due mails in one short transaction, sends each with no
 * transaction open, and records each outcome in another.
 *
 * <ul>
 *   <li>Right after a transaction that recorded mail commits, {@link #wakeUp()} nudges the relay on its own thread, so
 *       a mail leaves within moments without the committing request waiting for SMTP.
 *   <li>Every {@code freightgate.mail.poll-interval} (10 s by default), on one instance at a time (ShedLock), it sends
 *       whatever is due: retries, and mail recorded before a crash.
 *   <li>A sent mail's row is deleted. A failed attempt is retried after the queue's {@link Backoff}; a mail that the
 *       server rejects for good, or that failed {@code maxAttempts} times, is given up (parked) visibly: an error in
 *       the log with the outbox id and the reason, the row kept as {@code GAVE_UP} with its last error, and the {@code
 *       freightgate.mail.relayed{outcome=given_up}} counter.
 * </ul>
 *
 * Delivery is at least once: a relay that dies between the SMTP hand-over and the delete sends that mail again after
 * the claim's lease.
 */
public class MailRelay implements AutoCloseable, QueueWorker.Handler<ClaimedMail, String> {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

    private static final int BATCH_SIZE = 20;

    private final MailOutbox outbox;
    private final Mailer mailer;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration givenUpRetention;
    private final Counter sent;
    private final Counter retried;
    private final Counter givenUp;
    private final QueueWorker<ClaimedMail, String> worker;

    public MailRelay(
            MailOutbox outbox,
            Mailer mailer,
            TransactionOperations transactions,
            Clock clock,
            Backoff backoff,
            Duration lease,
            Duration givenUpRetention,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
        this.backoff = backoff;
        this.givenUpRetention = givenUpRetention;
        this.sent = counter(meters, "sent");
        this.retried = counter(meters, "retried");
        this.givenUp = counter(meters, "given_up");
        this.worker = new QueueWorker<>(
                outbox.queue(),
                this,
                new QueueWorker.Settings(BATCH_SIZE, lease, backoff),
                transactions,
                clock,
                meters);
    }

    /**
     * Asks for a relay run soon on the relay's own thread; runs asked for while one is still queued are merged. Called
     * after a commit that recorded mail.
     */
    public void wakeUp() {
        worker.nudge();
    }

    /** The scheduled run: sends what is due and deletes given-up mail past its retention. */
    @Scheduled(
            fixedDelayString = "${freightgate.mail.poll-interval:PT10S}",
            initialDelayString = "${freightgate.mail.poll-interval:PT10S}")
    @SchedulerLock(name = "mail-relay", lockAtMostFor = "PT15M")
    public void relayScheduled() {
        relayDue();
        Integer deleted = transactions.execute(
                status -> outbox.deleteGivenUpBefore(clock.instant().minus(givenUpRetention)));
        if (deleted != null && deleted > 0) {
            log.info("Deleted {} given-up mails older than {}", deleted, givenUpRetention);
        }
    }

    /** Sends every mail that is due now on the caller's thread; returns how many were sent. */
    public int relayDue() {
        return worker.drain().succeeded();
    }

    @Override
    public Outcome<String> handle(ClaimedMail claimed) {
        MailDelivery delivery;
        try {
            delivery = mailer.send(claimed.mail());
        } catch (RuntimeException e) {
            delivery = new Failed("Unexpected " + e.getClass().getSimpleName());
            log.error("Mailer failed unexpectedly on outbox mail {}", claimed.id(), e);
        }
        return switch (delivery) {
            case Sent _ -> {
                transactions.executeWithoutResult(status -> outbox.sent(claimed.id()));
                sent.increment();
                log.info("Sent mail {} ({}) on attempt {}", claimed.id(), claimed.template(), claimed.attempt());
                yield new Outcome.Succeeded<>();
            }
            case Rejected rejected -> {
                String reason = "Rejected: " + rejected.reason();
                yield new Outcome.Failed<>(claimed.attempt(), reason, reason, true);
            }
            case Failed failed -> new Outcome.Failed<>(claimed.attempt(), failed.reason(), failed.reason(), false);
        };
    }

    @Override
    public boolean failed(ClaimedMail claimed, Outcome.Failed<String> failure, Optional<Instant> retryAt) {
        Instant now = clock.instant();
        if (retryAt.isPresent()) {
            transactions.executeWithoutResult(status -> outbox.retryAt(claimed.id(), retryAt.get(), failure.reason()));
            retried.increment();
            log.warn(
                    "Mail {} ({}) failed on attempt {} of {}, retrying at {}: {}",
                    claimed.id(),
                    claimed.template(),
                    claimed.attempt(),
                    backoff.maxAttempts(),
                    retryAt.get(),
                    failure.reason());
            return true;
        }
        String reason =
                failure.permanent() ? failure.reason() : "Failed " + claimed.attempt() + " times: " + failure.reason();
        transactions.executeWithoutResult(status -> outbox.giveUp(claimed.id(), now, reason));
        givenUp.increment();
        log.error(
                "Gave up mail {} ({}) after {} attempts; its outbox row is kept as GAVE_UP for {}: {}",
                claimed.id(),
                claimed.template(),
                claimed.attempt(),
                givenUpRetention,
                reason);
        return true;
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
        try {
            worker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

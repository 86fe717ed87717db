package io.freightgate.platform.notifications;

import io.freightgate.platform.queue.QueueTable;
import io.freightgate.platform.queue.WorkQueue;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code mail_outbox} table: mail recorded in the transaction that caused it and waiting to be sent. A system
 * table without a tenant column, written from any tenant's transaction and read only by the {@link MailRelay}.
 *
 * <p>Personal data: a row holds the recipient's address and the rendered bodies in clear, so rows are short-lived
 * instead of encrypted. A sent mail's row is deleted at once; a given-up row is kept for inspection and deleted after
 * {@code freightgate.mail.given-up-retention} (seven days by default). Each method is one statement run in the
 * caller's transaction.
 */
public class MailOutbox {

    private static final int MAX_ERROR_LENGTH = 1000;

    static final QueueTable TABLE = new QueueTable(
            "mail_outbox",
            "id",
            "next_attempt_at",
            "attempts",
            "status = 'PENDING'",
            "",
            "id, template, attempts, recipient, subject, text_body, html_body",
            false);

    private final JdbcTemplate jdbc;
    private final WorkQueue<ClaimedMail> queue;

    public MailOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queue = new WorkQueue<>(
                "mail-outbox",
                TABLE,
                (rs, n) -> new ClaimedMail(
                        rs.getLong("id"),
                        rs.getString("template"),
                        rs.getInt("attempts"),
                        new OutgoingMail(
                                rs.getString("recipient"),
                                rs.getString("subject"),
                                rs.getString("text_body"),
                                rs.getString("html_body"))),
                jdbc);
    }

    /** A mail the relay has claimed: it is attempt number {@code attempt} of this mail. */
    public record ClaimedMail(long id, String template, int attempt, OutgoingMail mail) {}

    /** Records a mail, due at once; returns its id. */
    public long add(String template, OutgoingMail mail, Instant now) {
        Long id = jdbc.queryForObject(
                "INSERT INTO mail_outbox (template, recipient, subject, text_body, html_body, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) RETURNING id",
                Long.class,
                template,
                mail.recipient(),
                mail.subject(),
                mail.text(),
                mail.html(),
                Timestamp.from(now),
                Timestamp.from(now));
        return Objects.requireNonNull(id, "INSERT ... RETURNING id returns the new row's id");
    }

    /**
     * Claims up to {@code limit} due mails and counts the attempt, through the platform's {@link WorkQueue}. A claimed
     * mail is not due again for {@code lease}, so a relay that dies while sending leaves it to be retried then;
     * concurrent relays skip each other's rows.
     */
    public List<ClaimedMail> claimDue(Instant now, Duration lease, int limit) {
        return queue.claim(now, now.plus(lease), limit);
    }

    /** The outbox as a queue: pending mails, due at {@code next_attempt_at}. */
    WorkQueue<ClaimedMail> queue() {
        return queue;
    }

    /** Forgets a sent mail, with the personal data it held. */
    public void sent(long id) {
        jdbc.update("DELETE FROM mail_outbox WHERE id = ?", id);
    }

    /** Schedules the next attempt of a mail whose attempt failed. */
    public void retryAt(long id, Instant next, String error) {
        jdbc.update(
                "UPDATE mail_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(next),
                truncate(error),
                id);
    }

    /** Marks a mail as given up; it stays, with its last error, until the retention has passed. */
    public void giveUp(long id, Instant now, String error) {
        jdbc.update(
                "UPDATE mail_outbox SET status = 'GAVE_UP', given_up_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(now),
                truncate(error),
                id);
    }

    /** Deletes mails given up before {@code cutoff}; returns how many. */
    public int deleteGivenUpBefore(Instant cutoff) {
        return jdbc.update(
                "DELETE FROM mail_outbox WHERE status = 'GAVE_UP' AND given_up_at < ?", Timestamp.from(cutoff));
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}

package io.freightgate.platform.notifications;

import java.time.Clock;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Notifications} through the {@code mail_outbox}: renders the mail, writes it in the caller's transaction, and
 * wakes the {@link MailRelay} once that transaction has committed. If the transaction rolls back, the row goes with it
 * and nothing is sent.
 */
public class OutboxNotifications implements Notifications {

    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final MailRelay relay;
    private final Clock clock;

    public OutboxNotifications(MailTemplates templates, MailOutbox outbox, MailRelay relay, Clock clock) {
        this.templates = templates;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public void enqueue(Notification notification) {
        OutgoingMail mail = templates.render(notification);
        outbox.add(notification.template(), mail, clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        } else {
            relay.wakeUp();
        }
    }
}

package io.freightgate.webhooks.internal;

import io.freightgate.webhooks.InboxEventStatus;
import io.freightgate.webhooks.InboxEventView;
import io.freightgate.webhooks.WebhookInbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

@Service
class JdbcWebhookInbox implements WebhookInbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcWebhookInbox.class);

    private final InboxStore store;
    private final InboxProcessor processor;
    private final TransactionOperations transactions;
    private final Clock clock;

    JdbcWebhookInbox(InboxStore store, InboxProcessor processor, TransactionOperations transactions, Clock clock) {
        this.store = store;
        this.processor = processor;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<InboxEventView> list(
            Optional<InboxEventStatus> status, Optional<String> type, long afterId, int limit) {
        return transactions.execute(tx -> store.list(status, type, afterId, Math.clamp(limit, 1, 500)));
    }

    @Override
    public Optional<InboxEventView> find(long id) {
        return transactions.execute(tx -> store.find(id));
    }

    @Override
    public Optional<InboxEventView> retry(long id) {
        Optional<InboxEventView> result = transactions.execute(tx -> {
            Optional<InboxEventView> event = store.find(id);
            if (event.isEmpty()) {
                return event;
            }
            if (!store.requeue(id, clock.instant())) {
                throw new IllegalStateException("Inbox event " + id + " is "
                        + event.get().status() + "; only PARKED or RETRYING events can be retried");
            }
            return store.find(id);
        });
        result.ifPresent(event -> {
            log.info("Inbox event {} ({}) sent back for processing by an operator", event.eventId(), event.type());
            processor.nudge();
        });
        return result;
    }
}

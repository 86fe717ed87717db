package io.freightgate.webhooks;

import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;

/** Test classpath only: a subscriber to made-up event types, which fails on demand. */
@Component
class TestEventHandler implements StripeEventHandler {

    static final String RECORDED = "test.recorded";
    static final String FLAKY = "test.flaky";

    static final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();
    static volatile boolean failing;

    @Override
    public Set<String> eventTypes() {
        return Set.of(RECORDED, FLAKY);
    }

    @Override
    public void handle(InboxEvent event) {
        if (event.type().equals(FLAKY) && failing) {
            throw new IllegalStateException("the downstream system is down");
        }
        handled.add(event.eventId());
    }
}

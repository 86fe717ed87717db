package io.freightgate.payouts;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test classpath only: remembers the payout account events the payments module published. */
@Component
class PayoutAccountEventsRecorder {

    static final ConcurrentLinkedQueue<Object> published = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(PayoutAccountRestricted event) {
        published.add(event);
    }

    @EventListener
    void on(PayoutAccountRestored event) {
        published.add(event);
    }
}

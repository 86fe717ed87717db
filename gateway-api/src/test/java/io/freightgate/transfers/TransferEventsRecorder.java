package io.freightgate.transfers;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test classpath only: remembers the transfer events the payments module published. */
@Component
class TransferEventsRecorder {

    static final ConcurrentLinkedQueue<Object> published = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(TransferReleased event) {
        published.add(event);
    }

    @EventListener
    void on(TransferHeld event) {
        published.add(event);
    }

    @EventListener
    void on(TransferReversed event) {
        published.add(event);
    }

    @EventListener
    void on(TransferFailed event) {
        published.add(event);
    }
}

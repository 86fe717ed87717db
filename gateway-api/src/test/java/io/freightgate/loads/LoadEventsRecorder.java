package io.freightgate.loads;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test classpath only: remembers the delivery events the loads module published. */
@Component
class LoadEventsRecorder {

    static final ConcurrentLinkedQueue<Object> published = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(DeliveryConfirmed event) {
        published.add(event);
    }

    @EventListener
    void on(PodUploaded event) {
        published.add(event);
    }
}

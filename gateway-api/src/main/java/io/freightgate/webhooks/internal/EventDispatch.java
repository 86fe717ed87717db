package io.freightgate.webhooks.internal;

import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Which handlers subscribe to which event type, from every {@link StripeEventHandler} bean. */
@Component
class EventDispatch {

    private final Map<String, List<StripeEventHandler>> byType = new HashMap<>();

    EventDispatch(List<StripeEventHandler> handlers) {
        for (StripeEventHandler handler : handlers) {
            for (String type : handler.eventTypes()) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
            }
        }
    }

    List<StripeEventHandler> handlersOf(String type) {
        return byType.getOrDefault(type, List.of());
    }

    boolean isHandled(String type) {
        return byType.containsKey(type);
    }
}

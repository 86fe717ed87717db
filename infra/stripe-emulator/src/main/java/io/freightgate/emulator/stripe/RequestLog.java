package io.freightgate.emulator.stripe;

import java.util.ArrayList;
import java.util.List;

/** The API requests received so far, oldest first (bounded: the oldest are dropped beyond {@link #LIMIT}). */
final class RequestLog {

    static final int LIMIT = 50_000;

    private final List<ReceivedRequest> requests = new ArrayList<>();

    synchronized void add(ReceivedRequest request) {
        if (requests.size() >= LIMIT) {
            requests.removeFirst();
        }
        requests.add(request);
    }

    synchronized List<ReceivedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}

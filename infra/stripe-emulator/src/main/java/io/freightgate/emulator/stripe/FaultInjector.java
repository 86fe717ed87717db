package io.freightgate.emulator.stripe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Holds the active {@link FaultRule}s and picks the one (if any) that hits a call. */
final class FaultInjector {

    /** An injected rule with its remaining budget. */
    record Active(String id, FaultRule rule, AtomicInteger remaining) {}

    private final List<Active> rules = new CopyOnWriteArrayList<>();

    String add(FaultRule rule) {
        String id = Ids.next("fault");
        rules.add(new Active(id, rule, new AtomicInteger(rule.times())));
        return id;
    }

    void clear() {
        rules.clear();
    }

    List<Active> active() {
        return List.copyOf(rules);
    }

    @Nullable
    FaultRule pick(String method, String path) {
        for (Active a : rules) {
            if (!a.rule().matches(method, path)) {
                continue;
            }
            if (a.rule().probability() < 1.0
                    && ThreadLocalRandom.current().nextDouble() >= a.rule().probability()) {
                continue;
            }
            if (a.rule().times() >= 0) {
                int left = a.remaining().getAndDecrement();
                if (left <= 0) {
                    rules.remove(a);
                    continue;
                }
                if (left == 1) {
                    rules.remove(a);
                }
            }
            return a.rule();
        }
        return null;
    }
}

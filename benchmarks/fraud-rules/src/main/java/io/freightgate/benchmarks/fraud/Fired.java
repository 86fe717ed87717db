package io.freightgate.benchmarks.fraud;

import java.util.ArrayList;
import java.util.List;

/** What the Drools rules fired for one payment, folded into a decision the way the fraud module decides. */
public final class Fired {

    private final List<String> actions = new ArrayList<>(4);

    public void add(String action) {
        actions.add(action);
    }

    /** allow beats block beats review; nothing fired allows. */
    String decision() {
        if (actions.contains("allow")) {
            return "ALLOW";
        }
        if (actions.contains("block")) {
            return "BLOCK";
        }
        return actions.contains("review") ? "REVIEW" : "ALLOW";
    }

    boolean requestThreeDSecure() {
        return actions.contains("request_3ds");
    }

    boolean holdPayout() {
        return actions.contains("hold_payout");
    }
}

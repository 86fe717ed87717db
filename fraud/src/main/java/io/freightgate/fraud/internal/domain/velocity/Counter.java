package io.freightgate.fraud.internal.domain.velocity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One velocity counter: a measure, per a dimension, over a window, which rules name as an attribute such as
 * {@code :distinct_cards_per_pay_link_1h:}.
 */
public record Counter(Measure measure, Dimension dimension, Window window) {

    /** Every counter, in a stable order: by measure, then dimension, then window. */
    public static final List<Counter> ALL = all();

    public Counter {
        Objects.requireNonNull(window, "window");
        if (!measure.appliesTo(dimension)) {
            throw new IllegalArgumentException(measure + " is not counted per " + dimension);
        }
    }

    /** The attribute's name: {@code attempts_per_card_24h}. */
    public String attribute() {
        return measure.word() + "_per_" + dimension.word() + "_" + window.suffix();
    }

    /** One sentence for the analyst writing a rule. */
    public String description() {
        return measure.described() + " with this payment's " + dimension.described() + " in the last "
                + switch (window) {
                    case HOUR -> "hour";
                    case DAY -> "24 hours";
                    case WEEK -> "7 days";
                }
                + ", this one included; unknown without a " + dimension.described() + ".";
    }

    private static List<Counter> all() {
        List<Counter> all = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            for (Dimension dimension : Dimension.values()) {
                if (measure.appliesTo(dimension)) {
                    for (Window window : Window.values()) {
                        all.add(new Counter(measure, dimension, window));
                    }
                }
            }
        }
        return List.copyOf(all);
    }
}

package io.freightgate.fraud.internal.domain.velocity;

import java.time.Duration;
import java.time.Instant;

/** A sliding window counters are read over: what happened in the last hour, day or week before a moment. */
public enum Window {
    HOUR("1h", Duration.ofHours(1)),
    DAY("24h", Duration.ofHours(24)),
    WEEK("7d", Duration.ofDays(7));

    /** The longest window: nothing older is ever needed, so counters keep no more. */
    public static final Window LONGEST = WEEK;

    private final String suffix;
    private final Duration length;

    Window(String suffix, Duration length) {
        this.suffix = suffix;
        this.length = length;
    }

    /** How an attribute's name ends: {@code 1h}, {@code 24h}, {@code 7d}. */
    public String suffix() {
        return suffix;
    }

    public Duration length() {
        return length;
    }

    /**
     * Whether something that happened at {@code at} is in this window as seen at {@code now}: strictly after
     * {@code now} minus the window's length (an attempt exactly one hour old is out of the hour).
     */
    public boolean contains(Instant at, Instant now) {
        return at.isAfter(start(now));
    }

    /** The moment the window opens (excluded) as seen at {@code now}. */
    public Instant start(Instant now) {
        return now.minus(length);
    }
}

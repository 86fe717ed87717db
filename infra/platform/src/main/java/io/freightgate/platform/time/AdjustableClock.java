package io.freightgate.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with real time but can be moved forward: tests and local mode share one instance between the
 * gateway and the emulators, so advancing it expires authorizations, settles SEPA debits and passes deadlines on
 * both sides at once, and webhooks signed at the advanced time still verify.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public static AdjustableClock systemUtc() {
        return new AdjustableClock(Clock.systemUTC());
    }

    /** Moves the clock forward; it never goes back, as time on the other side of a network never does. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward: " + duration);
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "AdjustableClock[" + base + " + " + offset.get() + "]";
    }
}

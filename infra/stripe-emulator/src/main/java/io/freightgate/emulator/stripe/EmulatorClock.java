package io.freightgate.emulator.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A controllable clock: a base clock plus an offset that only moves forward.
 *
 * <p>Share one instance between the emulator and the code under test so that both see the same time. Advancing it
 * (here or through {@link EmulatorControl#advanceClock(Duration)}) moves both; the emulator signs webhooks with it, so
 * signature verification keeps working with the same clock.
 */
public final class EmulatorClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private EmulatorClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** Follows the system UTC clock. */
    public static EmulatorClock system() {
        return wrapping(Clock.systemUTC());
    }

    /** Stands still at {@code start} until advanced. */
    public static EmulatorClock fixedAt(Instant start) {
        return wrapping(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** Follows {@code base}; an {@link EmulatorClock} is returned as it is. */
    public static EmulatorClock wrapping(Clock base) {
        if (base instanceof EmulatorClock c) {
            return c;
        }
        return new EmulatorClock(base, new AtomicReference<>(Duration.ZERO));
    }

    /** Moves time forward by {@code amount} and returns the new instant. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The emulator clock only moves forward");
        }
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
    }

    /** How far this clock has been advanced past its base. */
    public Duration offset() {
        return Objects.requireNonNull(offset.get(), "starts at zero and only grows");
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EmulatorClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "EmulatorClock[" + base + " + " + offset.get() + "]";
    }
}

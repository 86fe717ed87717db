package io.freightgate.emulator.vies;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a {@link ViesEmulator} starts.
 *
 * @param host the address to bind; loopback by default (the emulator is never meant to be reachable from outside)
 * @param port the TCP port; 0 picks a free one ({@link ViesEmulator#port()} tells which)
 * @param latency added before every SOAP answer (changeable at run time)
 * @param clock the source of {@code requestDate}
 * @param zone the zone of {@code requestDate} and its offset ({@code 2024-01-07+01:00}); VIES answers in Brussels time
 * @param registry the registered numbers the emulator answers {@code valid=true} for
 */
public record ViesEmulatorConfig(
        String host, int port, Duration latency, Clock clock, ZoneId zone, ViesRegistry registry) {

    public ViesEmulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(registry, "registry");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Loopback, a free port, no latency, the system clock, Brussels time, an empty registry. */
    public static ViesEmulatorConfig defaults() {
        return new ViesEmulatorConfig(
                "127.0.0.1", 0, Duration.ZERO, Clock.systemUTC(), ZoneId.of("Europe/Brussels"), new ViesRegistry());
    }

    public ViesEmulatorConfig withPort(int newPort) {
        return new ViesEmulatorConfig(host, newPort, latency, clock, zone, registry);
    }

    public ViesEmulatorConfig withHost(String newHost) {
        return new ViesEmulatorConfig(newHost, port, latency, clock, zone, registry);
    }

    public ViesEmulatorConfig withLatency(Duration newLatency) {
        return new ViesEmulatorConfig(host, port, newLatency, clock, zone, registry);
    }

    public ViesEmulatorConfig withClock(Clock newClock) {
        return new ViesEmulatorConfig(host, port, latency, newClock, zone, registry);
    }

    public ViesEmulatorConfig withRegistry(ViesRegistry newRegistry) {
        return new ViesEmulatorConfig(host, port, latency, clock, zone, newRegistry);
    }
}

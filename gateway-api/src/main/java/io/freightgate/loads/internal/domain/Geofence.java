package io.freightgate.loads.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Arrival and departure at a load's stops, derived from position pings: a vehicle has arrived at a stop with the first
 * ping inside the stop's radius, and departed with the first ping outside it after that. Stops are visited in order,
 * so the pings of one stop never count for the next; a stop not yet reached has neither time.
 */
public record Geofence(double radiusMeters) {

    public Geofence {
        if (!(radiusMeters > 0)) {
            throw new IllegalArgumentException("The geofence radius must be positive");
        }
    }

    /** A position ping at a time. */
    public record Ping(Instant at, GeoPoint position) {}

    /** What the pings say about one stop. */
    public record Visit(int stop, Optional<Instant> arrivedAt, Optional<Instant> departedAt) {
        public Optional<Duration> dwell() {
            return arrivedAt.flatMap(arrived -> departedAt.map(departed -> Duration.between(arrived, departed)));
        }
    }

    /** One visit per stop, in the stops' order; pings may come in any order. */
    public List<Visit> visits(List<GeoPoint> stops, List<Ping> pings) {
        List<Ping> ordered =
                pings.stream().sorted(Comparator.comparing(Ping::at)).toList();
        List<Visit> visits = new ArrayList<>();
        int next = 0;
        for (int stop = 0; stop < stops.size(); stop++) {
            GeoPoint centre = stops.get(stop);
            Instant arrived = null;
            Instant departed = null;
            for (; next < ordered.size(); next++) {
                Ping ping = ordered.get(next);
                boolean inside = ping.position().metersTo(centre) <= radiusMeters;
                if (arrived == null && inside) {
                    arrived = ping.at();
                } else if (arrived != null && !inside) {
                    departed = ping.at();
                    break;
                }
            }
            visits.add(new Visit(stop, Optional.ofNullable(arrived), Optional.ofNullable(departed)));
            if (departed == null) {
                for (int rest = stop + 1; rest < stops.size(); rest++) {
                    visits.add(new Visit(rest, Optional.empty(), Optional.empty()));
                }
                break;
            }
        }
        return visits;
    }
}

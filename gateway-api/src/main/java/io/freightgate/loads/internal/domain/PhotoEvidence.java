package io.freightgate.loads.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a proof-of-delivery photo's own metadata compares with what the uploader claims: the distance from where the
 * camera was to the consignee, and the gap between when it took the photo and the claimed delivery time. Beyond the
 * thresholds the photo is flagged: it stays as evidence, but it does not confirm the delivery by itself.
 */
public record PhotoEvidence(double maxDistanceMeters, Duration maxTimeGap) {

    /** What looks suspicious about a proof of delivery. */
    public enum Flag {
        FAR_FROM_CONSIGNEE,
        TIME_GAP,
        NO_PHOTO_POSITION,
        NO_PHOTO_TIME
    }

    /** The comparison, kept with the proof. */
    public record Assessment(Optional<Long> distanceMeters, Optional<Long> timeGapSeconds, List<Flag> flags) {
        /** Flags that make the proof suspicious (a missing position or time is noted, not held against it). */
        public boolean suspicious() {
            return flags.contains(Flag.FAR_FROM_CONSIGNEE) || flags.contains(Flag.TIME_GAP);
        }
    }

    public Assessment assess(
            GeoPoint consignee, Instant claimedAt, Optional<GeoPoint> photoPosition, Optional<Instant> photoTakenAt) {
        List<Flag> flags = new ArrayList<>();
        Optional<Long> distance = photoPosition.map(position -> Math.round(position.metersTo(consignee)));
        if (distance.isEmpty()) {
            flags.add(Flag.NO_PHOTO_POSITION);
        } else if (distance.get() > maxDistanceMeters) {
            flags.add(Flag.FAR_FROM_CONSIGNEE);
        }
        Optional<Long> gap = photoTakenAt.map(
                taken -> Duration.between(taken, claimedAt).abs().toSeconds());
        if (gap.isEmpty()) {
            flags.add(Flag.NO_PHOTO_TIME);
        } else if (gap.get() > maxTimeGap.toSeconds()) {
            flags.add(Flag.TIME_GAP);
        }
        return new Assessment(distance, gap, List.copyOf(flags));
    }
}

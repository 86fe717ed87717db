package io.freightgate.loads;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the evidence of a load's delivery is worth. {@code STRONG}: a proof of delivery placed at the consignee and
 * dated between the pickup and now, the shipper's confirmation, or the carrier's weaker proof backed by a telematics
 * arrival at the consignee. {@code WEAK}: the carrier's proof alone, unplaced (no position), undated (a photo without a
 * capture time), dated before the pickup or in the future; it is kept as evidence, but it moves no money by itself: a
 * second signal must back it. {@code source} says what gave the evidence ({@code pod}, {@code shipper},
 * {@code pod+telematics}).
 */
public record DeliveryEvidence(Strength strength, List<Weakness> weaknesses, String source) {

    public DeliveryEvidence {
        weaknesses = List.copyOf(weaknesses);
        if ((strength == Strength.WEAK) == weaknesses.isEmpty()) {
            throw new IllegalArgumentException("Weak evidence names its weaknesses, strong evidence has none");
        }
    }

    public enum Strength {
        STRONG,
        WEAK
    }

    /** Why the carrier's proof alone does not prove the delivery. */
    public enum Weakness {
        NO_POSITION("the proof of delivery has no position"),
        NO_TIME("the photo has no capture time"),
        BEFORE_PICKUP("the proof of delivery is dated before the pickup"),
        IN_FUTURE("the proof of delivery is dated in the future");

        private final String description;

        Weakness(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public static DeliveryEvidence strong(String source) {
        return new DeliveryEvidence(Strength.STRONG, List.of(), source);
    }

    public static DeliveryEvidence weak(String source, List<Weakness> weaknesses) {
        return new DeliveryEvidence(Strength.WEAK, weaknesses, source);
    }

    public boolean provesDelivery() {
        return strength == Strength.STRONG;
    }

    /** The weaknesses in words ("the proof of delivery has no position; ..."), empty for strong evidence. */
    public String reason() {
        return weaknesses.stream().map(Weakness::description).collect(Collectors.joining("; "));
    }
}

package io.freightgate.billing;

/**
 * What the evidence of a load's delivery is worth to the release policy. {@link Sufficient}: it proves the delivery
 * (a proof placed at the consignee and dated between pickup and now, the shipper's confirmation, a telematics arrival
 * backing the proof, or a platform release). {@link NeedsSecondSignal}: the carrier's word alone (unplaced, undated or
 * misdated proof); the transfer waits for one of the signals above, and {@code reason} says what the proof lacks.
 */
public sealed interface DeliveryProof {

    record Sufficient(String source) implements DeliveryProof {}

    record NeedsSecondSignal(String reason) implements DeliveryProof {}
}

package io.freightgate.loads.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.loads.DeliveryEvidence;
import io.freightgate.loads.DeliveryEvidence.Weakness;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceStrengthTests {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Instant PICKUP = NOW.minus(Duration.ofHours(12));

    static DeliveryEvidence weigh(boolean photo, boolean placed, boolean photoDated, Instant claimedAt) {
        return EvidenceStrength.weigh(
                new EvidenceStrength.Proof(photo, placed, photoDated, claimedAt, Optional.empty()), PICKUP, NOW);
    }

    @Test
    void aPlacedPhotoDatedBetweenPickupAndNowProvesTheDeliveryByItself() {
        assertThat(weigh(true, true, true, NOW.minusSeconds(60))).isEqualTo(DeliveryEvidence.strong("pod"));
        assertThat(weigh(false, true, false, NOW))
                .as("a PDF placed by its device")
                .isEqualTo(DeliveryEvidence.strong("pod"));
    }

    @Test
    void anUnplacedPdfOrAPhotoWithoutGpsIsWeak() {
        assertThat(weigh(false, false, false, NOW).weaknesses()).containsExactly(Weakness.NO_POSITION);
        assertThat(weigh(true, false, true, NOW).weaknesses()).containsExactly(Weakness.NO_POSITION);
        assertThat(weigh(false, false, false, NOW).reason()).isEqualTo("the proof of delivery has no position");
    }

    @Test
    void aPhotoWithoutItsOwnCaptureTimeIsWeak() {
        assertThat(weigh(true, true, false, NOW).weaknesses()).containsExactly(Weakness.NO_TIME);
    }

    @Test
    void aProofDatedBeforeThePickupOrInTheFutureIsWeak() {
        assertThat(weigh(true, true, true, PICKUP.minusSeconds(1)).weaknesses())
                .containsExactly(Weakness.BEFORE_PICKUP);
        assertThat(weigh(true, true, true, NOW.plus(Duration.ofDays(1))).weaknesses())
                .containsExactly(Weakness.IN_FUTURE);
        assertThat(weigh(true, true, true, NOW.plus(EvidenceStrength.FUTURE_TOLERANCE))
                        .provesDelivery())
                .as("a phone's clock a little ahead")
                .isTrue();
        assertThat(weigh(false, false, false, NOW.plus(Duration.ofDays(30))).weaknesses())
                .containsExactly(Weakness.NO_POSITION, Weakness.IN_FUTURE);
    }

    @Test
    void aTelematicsArrivalAtTheConsigneeBacksWeakProof() {
        var backed = EvidenceStrength.weigh(
                new EvidenceStrength.Proof(false, false, false, NOW, Optional.of(NOW.minusSeconds(600))), PICKUP, NOW);
        assertThat(backed).isEqualTo(DeliveryEvidence.strong("pod+telematics"));
    }
}

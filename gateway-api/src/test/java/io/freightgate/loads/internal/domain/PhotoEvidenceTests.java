package io.freightgate.loads.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhotoEvidenceTests {

    static final GeoPoint CONSIGNEE = new GeoPoint(45.7640, 4.8357);
    static final Instant CLAIMED = Instant.parse("2026-12-01T14:00:00Z");

    final PhotoEvidence rules = new PhotoEvidence(1000, Duration.ofHours(2));

    @Test
    void aPhotoTakenAtTheConsigneeAroundTheClaimedTimeIsNotSuspicious() {
        var assessment = rules.assess(
                CONSIGNEE,
                CLAIMED,
                Optional.of(new GeoPoint(45.7642, 4.8360)),
                Optional.of(CLAIMED.minus(Duration.ofMinutes(3))));
        assertThat(assessment.flags()).isEmpty();
        assertThat(assessment.suspicious()).isFalse();
        assertThat(assessment.distanceMeters().orElseThrow()).isLessThan(50);
        assertThat(assessment.timeGapSeconds()).contains(180L);
    }

    @Test
    void aPhotoTaken40KilometersAwayIsFlagged() {
        var assessment =
                rules.assess(CONSIGNEE, CLAIMED, Optional.of(new GeoPoint(46.1240, 4.8357)), Optional.of(CLAIMED));
        assertThat(assessment.flags()).containsExactly(PhotoEvidence.Flag.FAR_FROM_CONSIGNEE);
        assertThat(assessment.distanceMeters().orElseThrow()).isBetween(39_000L, 41_000L);
        assertThat(assessment.suspicious()).isTrue();
    }

    @Test
    void aPhotoTakenHoursBeforeTheClaimedTimeIsFlagged() {
        var assessment = rules.assess(
                CONSIGNEE, CLAIMED, Optional.of(CONSIGNEE), Optional.of(CLAIMED.minus(Duration.ofHours(5))));
        assertThat(assessment.flags()).containsExactly(PhotoEvidence.Flag.TIME_GAP);
        assertThat(assessment.timeGapSeconds()).contains(5 * 3600L);
    }

    @Test
    void aPhotoWithoutMetadataIsNotedButNotHeldAgainstTheDelivery() {
        var assessment = rules.assess(CONSIGNEE, CLAIMED, Optional.empty(), Optional.empty());
        assertThat(assessment.flags())
                .containsExactly(PhotoEvidence.Flag.NO_PHOTO_POSITION, PhotoEvidence.Flag.NO_PHOTO_TIME);
        assertThat(assessment.suspicious()).isFalse();
    }
}

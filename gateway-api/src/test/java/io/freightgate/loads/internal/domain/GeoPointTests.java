package io.freightgate.loads.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTests {

    @Test
    void measuresTheGreatCircleDistanceBetweenTwoCities() {
        GeoPoint paris = new GeoPoint(48.8566, 2.3522);
        GeoPoint london = new GeoPoint(51.5074, -0.1278);
        assertThat(paris.metersTo(london)).isCloseTo(343_500, within(1_500.0));
        assertThat(london.metersTo(paris)).isCloseTo(paris.metersTo(london), within(0.001));
    }

    @Test
    void aPointIsZeroMetersFromItselfAndOneDegreeOfLatitudeIsAbout111Kilometers() {
        GeoPoint hamburg = new GeoPoint(53.5511, 9.9937);
        assertThat(hamburg.metersTo(hamburg)).isZero();
        assertThat(new GeoPoint(0, 0).metersTo(new GeoPoint(1, 0))).isCloseTo(111_195, within(50.0));
    }

    @Test
    void refusesCoordinatesOutsideTheGlobe() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, -181)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

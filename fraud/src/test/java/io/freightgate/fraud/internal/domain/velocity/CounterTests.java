package io.freightgate.fraud.internal.domain.velocity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.fraud.internal.domain.rules.Attribute;
import io.freightgate.fraud.internal.domain.rules.AttributeType;
import io.freightgate.fraud.internal.domain.rules.StandardAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CounterTests {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

    @Test
    void everyMeasureIsCountedPerEveryKeyAndWindowButCardsAreNotCountedPerCard() {
        assertThat(Counter.ALL).hasSize(3 * 5 * 3 - 3).doesNotHaveDuplicates();
        assertThat(Counter.ALL)
                .noneMatch(counter ->
                        counter.measure() == Measure.DISTINCT_CARDS && counter.dimension() == Dimension.CARD);
        assertThatThrownBy(() -> new Counter(Measure.DISTINCT_CARDS, Dimension.CARD, Window.HOUR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCounterIsNamedAsRulesWriteIt() {
        assertThat(new Counter(Measure.DISTINCT_CARDS, Dimension.PAY_LINK, Window.HOUR).attribute())
                .isEqualTo("distinct_cards_per_pay_link_1h");
        assertThat(new Counter(Measure.ATTEMPTS, Dimension.CARD, Window.DAY).attribute())
                .isEqualTo("attempts_per_card_24h");
        assertThat(new Counter(Measure.DECLINED_ATTEMPTS, Dimension.IP, Window.WEEK).attribute())
                .isEqualTo("declined_attempts_per_ip_7d");
        assertThat(new Counter(Measure.ATTEMPTS, Dimension.SHIPPER, Window.WEEK).description())
                .isEqualTo("Payment attempts with this payment's shipper in the last 7 days, this one included;"
                        + " unknown without a shipper.");
    }

    @Test
    void everyCounterIsANumberRulesCanNameBeforeConfirmation() {
        var registry = StandardAttributes.registry();

        for (Counter counter : Counter.ALL) {
            assertThat(registry.find(counter.attribute()))
                    .get()
                    .extracting(Attribute::type, Attribute::known)
                    .containsExactly(AttributeType.NUMBER, Attribute.Known.BEFORE_CONFIRMATION);
        }
    }

    @Test
    void aWindowHoldsWhatHappenedStrictlyAfterItsStart() {
        assertThat(Window.HOUR.contains(NOW.minusSeconds(3599), NOW)).isTrue();
        assertThat(Window.HOUR.contains(NOW.minusSeconds(3600), NOW))
                .as("exactly an hour old is out")
                .isFalse();
        assertThat(Window.DAY.contains(NOW.minusSeconds(3600), NOW)).isTrue();
        assertThat(Window.WEEK.contains(NOW.minus(java.time.Duration.ofDays(7)), NOW))
                .isFalse();
        assertThat(Window.LONGEST).isEqualTo(Window.WEEK);
    }

    @Test
    void anAttemptKeepsOnlyTheKeysItHasAValueFor() {
        var attempt = new CountedAttempt(
                "a1",
                NOW,
                Map.of(Dimension.SHIPPER, "s1", Dimension.DEVICE, " ", Dimension.PAY_LINK, "link"),
                Optional.of(""));

        assertThat(attempt.keys()).containsOnlyKeys(Dimension.SHIPPER, Dimension.PAY_LINK);
        assertThat(attempt.card()).isEmpty();
    }

    @Test
    void countsAreNamedAsAttributesAndNeverNegative() {
        var fourth = new Counter(Measure.DISTINCT_CARDS, Dimension.PAY_LINK, Window.HOUR);

        assertThat(new VelocityCounts(Map.of(fourth, 4L)).byAttribute())
                .containsExactly(Map.entry("distinct_cards_per_pay_link_1h", 4L));
        assertThatThrownBy(() -> new VelocityCounts(Map.of(fourth, -1L))).isInstanceOf(IllegalArgumentException.class);
    }
}

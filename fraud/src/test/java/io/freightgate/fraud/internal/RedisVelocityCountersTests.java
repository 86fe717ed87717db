package io.freightgate.fraud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.fraud.internal.domain.velocity.CountedAttempt;
import io.freightgate.fraud.internal.domain.velocity.Counter;
import io.freightgate.fraud.internal.domain.velocity.Dimension;
import io.freightgate.fraud.internal.domain.velocity.Measure;
import io.freightgate.fraud.internal.domain.velocity.VelocityCounts;
import io.freightgate.fraud.internal.domain.velocity.Window;
import io.freightgate.local.EmbeddedRedisServer;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counters against a real Redis: what is counted once, what each window holds, and what ages out. */
class RedisVelocityCountersTests {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

    private static EmbeddedRedisServer server;
    private static RedisClient client;
    private static RedisVelocityCounters counters;

    @BeforeAll
    static void startRedis() {
        server = EmbeddedRedisServer.start(null);
        client = RedisClient.create("redis://127.0.0.1:" + server.port());
        counters = new RedisVelocityCounters(() -> client, Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopRedis() {
        counters.close();
        client.shutdown();
        server.close();
    }

    @Test
    void theFourthCardInAnHourOnOnePayLinkCountsFourAndItsAttemptsWithIt() {
        String link = "link-" + UUID.randomUUID();
        VelocityCounts counts = null;
        for (int card = 1; card <= 4; card++) {
            counts = counters.count(attempt(NOW.plusSeconds(card * 60L), link, "fp_" + card));
        }

        assertThat(counts.of(counter(Measure.DISTINCT_CARDS, Dimension.PAY_LINK, Window.HOUR)))
                .contains(4L);
        assertThat(counts.of(counter(Measure.ATTEMPTS, Dimension.PAY_LINK, Window.HOUR)))
                .contains(4L);
        assertThat(counts.of(counter(Measure.DECLINED_ATTEMPTS, Dimension.PAY_LINK, Window.HOUR)))
                .contains(0L);
        assertThat(counts.of(counter(Measure.ATTEMPTS, Dimension.CARD, Window.HOUR)))
                .as("per card: only this card's attempt")
                .contains(1L);
        assertThat(counts.of(counter(Measure.ATTEMPTS, Dimension.IP, Window.HOUR)))
                .as("no IP, no counter")
                .isEmpty();
    }

    @Test
    void aRetriedScreeningOfTheSameAttemptCountsOnceAndTheSameCardAgainIsNotANewCard() {
        String link = "link-" + UUID.randomUUID();
        CountedAttempt first = attempt(NOW, link, "fp_same");

        counters.count(first);
        counters.count(new CountedAttempt(first.attempt(), NOW.plusSeconds(5), first.keys(), first.card()));
        VelocityCounts again = counters.count(attempt(NOW.plusSeconds(10), link, "fp_same"));

        assertThat(again.of(counter(Measure.ATTEMPTS, Dimension.PAY_LINK, Window.HOUR)))
                .contains(2L);
        assertThat(again.of(counter(Measure.DISTINCT_CARDS, Dimension.PAY_LINK, Window.HOUR)))
                .contains(1L);
    }

    @Test
    void windowsSlideAnAttemptTwoHoursOldIsInTheDayNotTheHourAndOneOlderThanAWeekIsGone() {
        String link = "link-" + UUID.randomUUID();
        counters.count(attempt(NOW.minus(Duration.ofDays(8)), link, "fp_old"));
        counters.count(attempt(NOW.minus(Duration.ofDays(2)), link, "fp_days"));
        counters.count(attempt(NOW.minus(Duration.ofHours(2)), link, "fp_hours"));

        VelocityCounts now = counters.count(attempt(NOW, link, "fp_now"));

        assertThat(now.of(counter(Measure.ATTEMPTS, Dimension.PAY_LINK, Window.HOUR)))
                .contains(1L);
        assertThat(now.of(counter(Measure.ATTEMPTS, Dimension.PAY_LINK, Window.DAY)))
                .contains(2L);
        assertThat(now.of(counter(Measure.ATTEMPTS, Dimension.PAY_LINK, Window.WEEK)))
                .contains(3L);
        assertThat(now.of(counter(Measure.DISTINCT_CARDS, Dimension.PAY_LINK, Window.WEEK)))
                .contains(3L);
    }

    @Test
    void aDeclinedAttemptCountsOnceHoweverOftenItIsHeard() {
        String link = "link-" + UUID.randomUUID();
        CountedAttempt declined = attempt(NOW, link, "fp_declined");
        counters.count(declined);

        counters.declined(declined);
        counters.declined(declined);
        VelocityCounts next = counters.count(attempt(NOW.plusSeconds(30), link, "fp_next"));

        assertThat(next.of(counter(Measure.DECLINED_ATTEMPTS, Dimension.PAY_LINK, Window.HOUR)))
                .contains(1L);
        assertThat(next.of(counter(Measure.DECLINED_ATTEMPTS, Dimension.PAY_LINK, Window.DAY)))
                .contains(1L);
    }

    @Test
    void aRedisThatDoesNotAnswerIsAFailureNotACountOfZero() {
        var nowhere = new RedisVelocityCounters(
                () -> RedisClient.create("redis://127.0.0.1:" + EmbeddedRedisServerPorts.unused()),
                Duration.ofMillis(200));

        assertThatThrownBy(() -> nowhere.count(attempt(NOW, "link", "fp"))).isInstanceOf(RuntimeException.class);
        assertThat(nowhere.answers()).isFalse();
        assertThat(counters.answers()).isTrue();
    }

    private static CountedAttempt attempt(Instant at, String payLink, String card) {
        Map<Dimension, String> keys = new EnumMap<>(Dimension.class);
        keys.put(Dimension.SHIPPER, "shipper-" + payLink);
        keys.put(Dimension.CARD, card + "-" + payLink);
        keys.put(Dimension.PAY_LINK, payLink);
        return new CountedAttempt(UUID.randomUUID().toString(), at, keys, Optional.of(card));
    }

    private static Counter counter(Measure measure, Dimension dimension, Window window) {
        return new Counter(measure, dimension, window);
    }

    /** A loopback port nothing listens on. */
    private static final class EmbeddedRedisServerPorts {
        static int unused() {
            try (var socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

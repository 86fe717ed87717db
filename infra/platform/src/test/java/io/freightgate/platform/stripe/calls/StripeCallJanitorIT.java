package io.freightgate.platform.stripe.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.SystemAccess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The janitor against the real embedded PostgreSQL: a call left for an operator after {@code max-checks} is logged and
 * counted once per {@code max-backoff}, not in every round, so such calls (a payment abandoned at 3-D Secure stays
 * pending at Stripe for good) never fill a round's batch ahead of the calls it can still settle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StripeCallJanitorIT {

    static final String OPERATION = "test.stuck";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    SystemAccess systemAccess;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    final MeterRegistry meters = new SimpleMeterRegistry();
    final AtomicInteger lookUps = new AtomicInteger();

    @Test
    void aCallLeftForAnOperatorIsLookedAtAgainOnlyAfterTheLongestWait() {
        StripeCalls calls = new StripeCalls(jdbc, clock, Duration.ofMinutes(1), Duration.ofHours(1));
        StripeCallJanitor janitor = new StripeCallJanitor(
                calls, List.of(new NeverAnswered()), systemAccess, transactions, meters, clock, 2, 1);
        String key = "fg-test-" + UUID.randomUUID();
        UUID call = systemAccess.call(
                "test",
                () -> transactions.execute(
                        status -> calls.intend(UUID.randomUUID(), OPERATION, "business-" + key, key)));

        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofHours(1));
            assertThat(janitor.run(List.of(OPERATION)).examined()).isEqualTo(1);
        }
        assertThat(lookUps).as("looked up max-checks times").hasValue(2);

        clock.advance(Duration.ofHours(1));
        assertThat(janitor.run(List.of(OPERATION))).isEqualTo(new StripeCallJanitor.Round(1, 0, 0, 1));
        assertThat(janitor.run(List.of(OPERATION)))
                .as("not due again in the next round")
                .isEqualTo(new StripeCallJanitor.Round(0, 0, 0, 0));
        clock.advance(Duration.ofMinutes(59));
        assertThat(janitor.run(List.of(OPERATION)).examined()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(janitor.run(List.of(OPERATION)))
                .as("logged and counted again after max-backoff")
                .isEqualTo(new StripeCallJanitor.Round(1, 0, 0, 1));
        assertThat(meters.counter("freightgate.stripe.calls.stuck").count()).isEqualTo(2.0);
        assertThat(lookUps).as("a call left for an operator is not looked up").hasValue(2);
        var stored = systemAccess.call(
                "test", () -> transactions.execute(status -> calls.find(call).orElseThrow()));
        assertThat(stored.outcome()).isEqualTo(CallOutcome.INTENDED);
        assertThat(stored.checks()).isEqualTo(2);
    }

    /** Stripe cannot be asked: every look-up fails, so the call stays open. */
    final class NeverAnswered implements StripeCallLookup<String> {

        @Override
        public String operation() {
            return OPERATION;
        }

        @Override
        public ProviderOutcome<Optional<String>> lookUp(StripeCall call) {
            lookUps.incrementAndGet();
            return new ProviderOutcome.Unknown<>("Stripe did not answer");
        }

        @Override
        public ProviderOutcome<String> resend(StripeCall call) {
            throw new AssertionError("never sent again");
        }

        @Override
        public void settle(StripeCall call, ProviderOutcome<String> outcome) {
            throw new AssertionError("never settled");
        }

        @Override
        public String objectId(String result) {
            return result;
        }
    }

    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

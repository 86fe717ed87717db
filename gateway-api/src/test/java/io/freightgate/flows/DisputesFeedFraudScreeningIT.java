package io.freightgate.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.fraud.FraudScreening;
import io.freightgate.fraud.PaymentSignals;
import io.freightgate.fraud.ScreeningDecision;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.support.GatewayIT;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispute engine's {@link DisputeOpened} feeds fraud screening: the disputed payment's card and IP (from its stored
 * decision) are watched, once however often the dispute is heard, and the card's next payment knows
 * {@code :card_has_disputes:}. The reaction is called through its proxy, asynchronously as the event registry calls it (the journey with a real dispute
 * is {@code ChargebackJourneyIT}, which counts this reaction's completed publication).
 */
class DisputesFeedFraudScreeningIT extends GatewayIT {

    private static final Reach TEST = Reach.acrossTenants("test reads fraud tables");

    @Autowired
    DisputesFeedFraudScreening reaction;

    @Autowired
    FraudScreening screening;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDisputeWatchesTheCardAndIpOfTheDisputedPaymentOnce() {
        String card = "fp_disputed_" + UUID.randomUUID();
        String device = "dev_disputed_" + UUID.randomUUID();
        String ip = "2001:db8:d15:%x::1".formatted(ThreadLocalRandom.current().nextInt(0x10000));
        PaymentSignals disputed = payment(card, Optional.of(device), ip);
        screening.screenBeforeConfirmation(disputed);
        String stripeDisputeId = "du_" + UUID.randomUUID().toString().replace("-", "");
        DisputeOpened opened = new DisputeOpened(
                DisputeId.random(),
                stripeDisputeId,
                "pi_" + UUID.randomUUID().toString().replace("-", ""),
                new PaymentRequestId(disputed.paymentRequestId()),
                disputed.carrier(),
                DisputeStatus.NEEDS_RESPONSE,
                disputed.amount(),
                "fraudulent",
                Optional.empty(),
                Instant.now());

        // The listener's proxy runs it asynchronously, as after a commit; twice at once, as a redelivery could.
        reaction.on(opened);
        reaction.on(opened);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM fraud_feedback WHERE source_id = ?", stripeDisputeId) == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "SELECT count(*) FROM fraud_list_entries WHERE list = 'WATCH' AND value IN (?, ?)"
                                        + " AND created_by = 'system:fraud-feedback' AND reason LIKE ?",
                                card,
                                io.freightgate.fraud.internal.ListEntries.Kind.IP.canonical(ip),
                                "dispute " + stripeDisputeId + "%")
                        == 2);
        assertThat(count("SELECT count(*) FROM fraud_list_entries WHERE value = ?", device))
                .as("a value that is not a device id of the collector script (a user agent) is never watched")
                .isZero();
        assertThat(count("SELECT count(*) FROM fraud_feedback WHERE source_id = ?", stripeDisputeId))
                .isEqualTo(1);
        ScreeningDecision next = screening.screenBeforeConfirmation(payment(
                card,
                Optional.empty(),
                "2001:db8:d16:%x::1".formatted(ThreadLocalRandom.current().nextInt(0x10000))));
        assertThat(next.decision()).isEqualTo(ScreeningDecision.Decision.REVIEW);
        assertThat(next.explanations())
                .contains("review if :card_has_disputes: or :card_has_early_fraud_warnings:"
                        + " (:card_has_disputes: = true, :card_has_early_fraud_warnings: = false)");
    }

    private int count(String sql, Object... args) {
        return systemAccess.transaction(TEST, "test", () -> jdbc.queryForObject(sql, Integer.class, args));
    }

    private static PaymentSignals payment(String card, Optional<String> device, String ip) {
        return new PaymentSignals(
                UUID.randomUUID(),
                Optional.of(UUID.randomUUID()),
                new TenantId(UUID.randomUUID()),
                new TenantId(UUID.randomUUID()),
                Money.of(250_00, "EUR"),
                "card",
                Optional.of(card),
                Optional.of(ip),
                device,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}

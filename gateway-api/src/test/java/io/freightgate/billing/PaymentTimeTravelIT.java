package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.PaymentRequestId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The payment journeys that move time forward by days: the authorization expiry guard and the reminders. Advancing
 * the clock moves the clock of the whole JVM's gateway and emulators, so these run in a JVM of their own (the
 * {@code time-travel} failsafe execution), never next to the tests that log in.
 */
@Tag("time-travel")
class PaymentTimeTravelIT extends PaymentJourneys {

    @Test
    void anAuthorizationHeldUntilDeliveryIsCapturedByTheGuardBeforeItExpires() {
        Parties parties = parties();
        String id = id(create(parties, 99_000, "EUR", "LD-HOLD", true));
        var authorized = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(authorized.status()).as(authorized.body()).isEqualTo(201);
        JsonNode held = read(parties.carrier(), id);
        assertThat(held.get("status").asString()).isEqualTo("AUTHORIZED");
        var captureBefore = java.time.Instant.parse(held.get("capture_before").asString());
        assertThat(captureBefore).isAfter(clock.instant().plus(Duration.ofDays(6)));

        assertThat(guard.run())
                .noneMatch(action -> action.paymentRequestId().toString().equals(id));
        stripe.control().advanceClock(Duration.ofDays(6).plusHours(2));
        var actions = guard.run();

        assertThat(actions)
                .filteredOn(action -> action.paymentRequestId().toString().equals(id))
                .singleElement()
                .satisfies(action -> assertThat(action.result()).isEqualTo("PAID"));
        assertThat(read(parties.carrier(), id).get("amount_paid").get("minor").asLong())
                .isEqualTo(99_000);
        assertThat(chargesOf(id).getFirst().getCaptured()).isTrue();
    }

    @Test
    void shippersAreRemindedBeforeTheDueDateAndWhenOverdueOnceEach() {
        Parties parties = parties();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String id = id(create(parties, 70_000, "EUR", "LD-REMIND", false, today.plusDays(1)));

        assertThat(reminders.run()).contains(new PaymentReminders.Sent(PaymentRequestId.of(id), false));
        assertThat(reminders.run())
                .noneMatch(sent -> sent.paymentRequestId().toString().equals(id));
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedMail().stream()
                .anyMatch(mail -> mail.to().contains(parties.shipperEmail())
                        && mail.subject().equals("Reminder: payment request LD-REMIND")));

        stripe.control().advanceClock(Duration.ofDays(2));
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(reminders.run()).contains(new PaymentReminders.Sent(PaymentRequestId.of(id), true));
        assertThat(reminders.run())
                .noneMatch(sent -> sent.paymentRequestId().toString().equals(id));
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedMail().stream()
                .anyMatch(mail -> mail.to().contains(parties.shipperEmail())
                        && mail.subject().equals("Overdue: payment request LD-REMIND")));
    }
}

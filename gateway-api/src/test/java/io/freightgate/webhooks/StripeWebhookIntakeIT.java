package io.freightgate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import io.freightgate.webhooks.internal.StripeSignature;
import io.freightgate.webhooks.internal.WebhookSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class StripeWebhookIntakeIT extends GatewayIT {

    @Autowired
    WebhookSecrets secrets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void healHandler() {
        TestEventHandler.failing = false;
    }

    @Test
    void storesASignedEventOnceAndAcknowledgesItsDuplicatesWithoutProcessingThemAgain() {
        String event = event(TestEventHandler.RECORDED);
        String id = idOf(event);

        var first = deliver("/webhooks/stripe", event, sign(event, 0));
        var second = deliver("/webhooks/stripe", event, sign(event, 0));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("status").asString()).isEqualTo("DUPLICATE");
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(status(id)));
        assertThat(rows(id)).isEqualTo(1);
        assertThat(TestEventHandler.handled.stream().filter(id::equals)).hasSize(1);
    }

    @Test
    void refusesForgedStaleFutureDatedAndUnsignedDeliveriesAndStoresNothing() {
        String event = event(TestEventHandler.RECORDED);
        long now = clock.instant().getEpochSecond();
        byte[] body = event.getBytes(StandardCharsets.UTF_8);

        var forged = deliver("/webhooks/stripe", event, StripeSignature.header("whsec_forged", now, body));
        var stale = deliver("/webhooks/stripe", event, sign(event, -301));
        var future = deliver("/webhooks/stripe", event, sign(event, 301));
        var unsigned =
                api.call("POST", "/webhooks/stripe", event, "application/json").send();
        var wrongEndpoint = deliver("/webhooks/stripe/connect", event, sign(event, 0));

        for (Api.Response response : new Api.Response[] {forged, stale, future, unsigned, wrongEndpoint}) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/webhook-signature-invalid");
        }
        assertThat(stale.json().get("detail").asString()).contains("older");
        assertThat(future.json().get("detail").asString()).contains("future");
        assertThat(rows(idOf(event))).isZero();
    }

    @Test
    void refusesASignedBodyThatIsNoEventAndAnOversizedBody() {
        String notJson = "{\"id\":\"evt_broken\",";
        String notAnEvent = "{\"hello\":\"world\"}";
        String huge = "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"pad\":\""
                + "x".repeat(1_100_000) + "\"}";

        var malformed = deliver("/webhooks/stripe", notJson, sign(notJson, 0));
        var noEvent = deliver("/webhooks/stripe", notAnEvent, sign(notAnEvent, 0));
        var tooLarge = deliver("/webhooks/stripe", huge, sign(huge, 0));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("type").asString()).isEqualTo("/problems/payload-too-large");
    }

    @Test
    void acknowledgesATypeNobodyHandlesAndStoresItAsIgnored() {
        String event = event("customer.tax_id.created");

        var response = deliver("/webhooks/stripe", event, sign(event, 0));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("IGNORED");
        assertThat(status(idOf(event))).isEqualTo("IGNORED");
    }

    @Test
    void parksAnEventWhoseHandlerKeepsFailingAndAnAdminSendsItBack() {
        TestEventHandler.failing = true;
        String event = event(TestEventHandler.FLAKY);
        String id = idOf(event);

        assertThat(deliver("/webhooks/stripe", event, sign(event, 0)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "PARKED".equals(status(id)));

        String admin = callers.platformAdmin();
        var parked = api.get("/api/v1/admin/inbox-events?status=PARKED&type=" + TestEventHandler.FLAKY)
                .token(admin)
                .send();
        assertThat(parked.status()).as(parked.body()).isEqualTo(200);
        tools.jackson.databind.JsonNode entry = null;
        for (var candidate : parked.json()) {
            if (candidate.get("event_id").asString().equals(id)) {
                entry = candidate;
            }
        }
        assertThat(entry).as(parked.body()).isNotNull();
        assertThat(entry.get("attempts").asInt()).isEqualTo(3);
        assertThat(entry.get("last_error").asString()).contains("the downstream system is down");

        var notAllowed = api.post(
                        "/api/v1/admin/inbox-events/" + entry.get("id").asLong() + "/retry", "")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(notAllowed.status()).isEqualTo(403);

        TestEventHandler.failing = false;
        var retried = api.post("/api/v1/admin/inbox-events/" + entry.get("id").asLong() + "/retry", "")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSED".equals(status(id)));
        assertThat(TestEventHandler.handled).contains(id);

        var again = api.post("/api/v1/admin/inbox-events/" + entry.get("id").asLong() + "/retry", "")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void metersCountIntakeFailuresParkedEventsAndTheWaitingBacklog() {
        double stored = received("stored");
        double duplicates = received("duplicate");
        double rejected = received("rejected");
        long intakes = timerCount("freightgate.webhooks.intake");
        long processed = timerCount("freightgate.webhooks.processing.lag");
        double failures = counter("freightgate.webhooks.processing.failures", TestEventHandler.FLAKY);
        double parkedTotal = counter("freightgate.webhooks.parked.total", TestEventHandler.FLAKY);
        String recorded = event(TestEventHandler.RECORDED);
        TestEventHandler.failing = true;
        String flaky = event(TestEventHandler.FLAKY);

        deliver("/webhooks/stripe", recorded, sign(recorded, 0));
        deliver("/webhooks/stripe", recorded, sign(recorded, 0));
        deliver("/webhooks/stripe", recorded, StripeSignature.header("whsec_forged", 1, new byte[0]));
        deliver("/webhooks/stripe", flaky, sign(flaky, 0));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "PROCESSED".equals(status(idOf(recorded))) && "PARKED".equals(status(idOf(flaky))));

        assertThat(received("stored")).isEqualTo(stored + 2);
        assertThat(received("duplicate")).isEqualTo(duplicates + 1);
        assertThat(received("rejected")).isEqualTo(rejected + 1);
        assertThat(timerCount("freightgate.webhooks.intake")).isEqualTo(intakes + 3);
        assertThat(timerCount("freightgate.webhooks.processing.lag")).isGreaterThan(processed);
        assertThat(counter("freightgate.webhooks.processing.failures", TestEventHandler.FLAKY))
                .isEqualTo(failures + 3);
        assertThat(counter("freightgate.webhooks.parked.total", TestEventHandler.FLAKY))
                .isEqualTo(parkedTotal + 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> meters.get("freightgate.webhooks.parked").gauge().value() >= 1);

        String waiting = "evt_waiting" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                "INSERT INTO webhook_inbox (endpoint, event_id, event_type, event_created, payload, status, attempts,"
                        + " next_attempt_at, received_at) VALUES ('platform', ?, ?, ?, '{}'::jsonb, 'RETRYING', 1, ?, ?)",
                waiting,
                TestEventHandler.RECORDED,
                java.sql.Timestamp.from(clock.instant()),
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1))),
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(2))));
        try {
            await().atMost(Duration.ofSeconds(5))
                    .until(() ->
                            meters.get("freightgate.webhooks.backlog").gauge().value() >= 1
                                    && meters.get("freightgate.webhooks.backlog.age")
                                                    .gauge()
                                                    .value()
                                            >= 7200);
        } finally {
            jdbc.update("DELETE FROM webhook_inbox WHERE event_id = ?", waiting);
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        meters.get("freightgate.webhooks.backlog.age").gauge().value() < 7200);
    }

    private double received(String outcome) {
        var counter = meters.find("freightgate.webhooks.received")
                .tags("endpoint", "platform", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long timerCount(String name) {
        return meters.find(name).timers().stream()
                .mapToLong(timer -> timer.count())
                .sum();
    }

    private double counter(String name, String type) {
        var counter = meters.find(name).tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private Api.Response deliver(String path, String body, String signature) {
        return api.call("POST", path, body, "application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .send();
    }

    private String sign(String body, long offsetSeconds) {
        return StripeSignature.header(
                secrets.of(WebhookEndpoint.PLATFORM).getFirst(),
                clock.instant().getEpochSecond() + offsetSeconds,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private String event(String type) {
        return """
                {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,\
                "data":{"object":{"id":"cus_1","object":"customer"}},"livemode":false,"pending_webhooks":1,\
                "request":{"id":null,"idempotency_key":null},"type":"%s"}""".formatted(
                UUID.randomUUID().toString().replace("-", ""), clock.instant().getEpochSecond(), type);
    }

    private static String idOf(String event) {
        return event.substring(event.indexOf("evt_"), event.indexOf('"', event.indexOf("evt_")));
    }

    private int rows(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE event_id = ?", Integer.class, eventId);
    }

    private String status(String eventId) {
        return jdbc.queryForList("SELECT status FROM webhook_inbox WHERE event_id = ?", String.class, eventId).stream()
                .findFirst()
                .orElse(null);
    }
}

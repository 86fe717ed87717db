package io.freightgate.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Integrator webhooks end to end: carriers and shippers register endpoints through the API, payments made against the
 * Stripe emulator produce deliveries, and a real HTTP receiver on loopback verifies every delivery with its own
 * implementation of the documented signature check. Failing receivers see retries then success or a failed delivery,
 * which a redelivery sends again; a rotated secret signs beside the new one; another organization sees and touches
 * nothing; internal addresses are refused.
 */
class IntegratorWebhooksIT extends GatewayIT {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Clock clock;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    record Parties(TenantId carrier, TenantId shipper) {}

    record Endpoint(String id, String secret) {}

    @Test
    void paymentEventsReachTheSubscribedEndpointsOfBothPartiesSignedAsDocumented() {
        Parties parties = parties();
        WebhookReceiver carrierReceiver = receiver();
        WebhookReceiver shipperReceiver = receiver();
        Endpoint carrierEndpoint = register(
                carrierAdmin(parties.carrier()),
                carrierReceiver.url(),
                "payment_request.created",
                "payment_request.paid",
                "payment_attempt.failed");
        Endpoint shipperEndpoint =
                register(shipperAdmin(parties.shipper()), shipperReceiver.url(), "payment_request.paid");

        String request = createPaymentRequest(parties, 125_000);
        var declined = pay(parties, request, "pm_card_chargeDeclinedInsufficientFunds");
        assertThat(declined.status()).as(declined.body()).isEqualTo(402);
        var paid = pay(parties, request, "pm_card_visa");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        await().atMost(PATIENCE)
                .until(() -> carrierReceiver.received().size() >= 3
                        && !shipperReceiver.ofType("payment_request.paid").isEmpty());

        for (WebhookReceiver.Received delivery : carrierReceiver.received()) {
            assertThat(WebhookReceiver.verifiedBy(
                            delivery, Set.of(carrierEndpoint.secret()), clock.instant(), TOLERANCE))
                    .as("signature of %s", delivery.header("FreightGate-Event-Type"))
                    .containsExactly(carrierEndpoint.secret());
            assertThat(WebhookReceiver.verifiedBy(
                            delivery, Set.of(shipperEndpoint.secret()), clock.instant(), TOLERANCE))
                    .as("another endpoint's secret does not verify")
                    .isEmpty();
            JsonNode payload = JSON.readTree(delivery.body());
            assertThat(delivery.header("FreightGate-Event-Id"))
                    .isEqualTo(payload.get("id").asString());
            assertThat(delivery.header("FreightGate-Event-Type"))
                    .isEqualTo(payload.get("type").asString());
            assertThat(payload.get("data").get("payment_request_id").asString()).isEqualTo(request);
        }
        assertThat(carrierReceiver.received())
                .extracting(delivery -> delivery.header("FreightGate-Event-Type"))
                .containsExactlyInAnyOrder("payment_request.created", "payment_attempt.failed", "payment_request.paid");
        JsonNode paidEvent = JSON.readTree(
                carrierReceiver.ofType("payment_request.paid").getFirst().body());
        assertThat(paidEvent.get("data").get("amount").get("amount_minor").asLong())
                .isEqualTo(125_000);
        assertThat(paidEvent.get("data").get("amount").get("currency").asString())
                .isEqualTo("EUR");
        assertThat(paidEvent.get("data").get("carrier_id").asString())
                .isEqualTo(parties.carrier().toString());
        JsonNode failedEvent = JSON.readTree(
                carrierReceiver.ofType("payment_attempt.failed").getFirst().body());
        assertThat(failedEvent.get("data").get("decline_code").asString()).isEqualTo("insufficient_funds");

        assertThat(shipperReceiver.received())
                .extracting(delivery -> delivery.header("FreightGate-Event-Type"))
                .containsExactly("payment_request.paid");
        WebhookReceiver.Received shipperDelivery = shipperReceiver.received().getFirst();
        assertThat(WebhookReceiver.verifiedBy(
                        shipperDelivery, Set.of(shipperEndpoint.secret()), clock.instant(), TOLERANCE))
                .containsExactly(shipperEndpoint.secret());
        assertThat(shipperDelivery.header("FreightGate-Event-Id"))
                .as("the same event has the same id at every endpoint")
                .isEqualTo(carrierReceiver
                        .ofType("payment_request.paid")
                        .getFirst()
                        .header("FreightGate-Event-Id"));

        await().atMost(PATIENCE).until(() -> deliveries(carrierAdmin(parties.carrier()), carrierEndpoint.id()).stream()
                .allMatch(delivery -> delivery.get("status").asString().equals("SUCCEEDED")));
        List<JsonNode> log = deliveries(carrierAdmin(parties.carrier()), carrierEndpoint.id());
        assertThat(log).hasSize(3);
        for (JsonNode delivery : log) {
            assertThat(delivery.get("attempts")).hasSize(1);
            assertThat(delivery.get("attempts").get(0).get("status_code").asInt())
                    .isEqualTo(200);
        }

        var shown = api.get("/api/v1/webhook-endpoints/" + carrierEndpoint.id())
                .token(carrierAdmin(parties.carrier()))
                .send();
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain(carrierEndpoint.secret()).doesNotContain("secret\":\"");
        assertThat(shown.json().get("event_types")).hasSize(3);
    }

    @Test
    void aFailingReceiverIsRetriedUntilItAcceptsAndEveryAttemptIsLogged() {
        Parties parties = parties();
        WebhookReceiver receiver = receiver().thenAnswer(500, 503);
        Endpoint endpoint = register(carrierAdmin(parties.carrier()), receiver.url(), "payment_request.created");

        createPaymentRequest(parties, 10_000);

        await().atMost(PATIENCE).until(() -> deliveries(carrierAdmin(parties.carrier()), endpoint.id()).stream()
                .anyMatch(delivery -> delivery.get("status").asString().equals("SUCCEEDED")));
        JsonNode delivery =
                deliveries(carrierAdmin(parties.carrier()), endpoint.id()).getFirst();
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received())
                .extracting(request -> request.header("FreightGate-Event-Id"))
                .as("every attempt carries the same event id")
                .containsOnly(delivery.get("event_id").asString());
        assertThat(receiver.received())
                .extracting(WebhookReceiver.Received::body)
                .as("and the same body")
                .containsOnly(receiver.received().getFirst().body());
        assertThat(delivery.get("attempt_count").asInt()).isEqualTo(3);
        JsonNode attempts = delivery.get("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(List.of(
                        attempts.get(0).get("status_code").asInt(),
                        attempts.get(1).get("status_code").asInt(),
                        attempts.get(2).get("status_code").asInt()))
                .containsExactly(500, 503, 200);
        assertThat(attempts.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(attempts.get(0).get("response_body").asString())
                .startsWith("receiver says no")
                .hasSizeLessThanOrEqualTo(1000);
    }

    @Test
    void aDeliveryThatFailedEveryAttemptIsMarkedFailedAndCanBeRedelivered() {
        Parties parties = parties();
        WebhookReceiver receiver = receiver().answerAlways(500);
        Endpoint endpoint = register(carrierAdmin(parties.carrier()), receiver.url(), "payment_request.created");

        createPaymentRequest(parties, 20_000);

        await().atMost(PATIENCE).until(() -> deliveries(carrierAdmin(parties.carrier()), endpoint.id()).stream()
                .anyMatch(delivery -> delivery.get("status").asString().equals("FAILED")));
        JsonNode failed =
                deliveries(carrierAdmin(parties.carrier()), endpoint.id()).getFirst();
        assertThat(failed.get("attempts"))
                .as("max-attempts in the test configuration")
                .hasSize(3);
        assertThat(receiver.received()).hasSize(3);

        receiver.answerAlways(204);
        String deliveryId = failed.get("id").asString();
        var redelivery = api.post(
                        "/api/v1/webhook-endpoints/" + endpoint.id() + "/deliveries/" + deliveryId + "/redelivery", "")
                .token(carrierAdmin(parties.carrier()))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(redelivery.status()).as(redelivery.body()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> deliveries(carrierAdmin(parties.carrier()), endpoint.id())
                .getFirst()
                .get("status")
                .asString()
                .equals("SUCCEEDED"));
        JsonNode redelivered =
                deliveries(carrierAdmin(parties.carrier()), endpoint.id()).getFirst();
        assertThat(redelivered.get("id").asString()).isEqualTo(deliveryId);
        assertThat(redelivered.get("attempts")).hasSize(4);
        assertThat(redelivered.get("attempts").get(3).get("status_code").asInt())
                .isEqualTo(204);
        assertThat(receiver.received()).hasSize(4);
        assertThat(WebhookReceiver.verifiedBy(
                        receiver.received().getLast(), Set.of(endpoint.secret()), clock.instant(), TOLERANCE))
                .containsExactly(endpoint.secret());

        var unknown = api.post(
                        "/api/v1/webhook-endpoints/" + endpoint.id() + "/deliveries/" + UUID.randomUUID()
                                + "/redelivery",
                        "")
                .token(carrierAdmin(parties.carrier()))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aRotatedSecretKeepsSigningBesideTheNewOneDuringTheOverlap() {
        Parties parties = parties();
        WebhookReceiver receiver = receiver();
        Endpoint endpoint = register(carrierAdmin(parties.carrier()), receiver.url(), "payment_request.created");

        java.time.Instant before = clock.instant();
        var rotated = api.post("/api/v1/webhook-endpoints/" + endpoint.id() + "/secret-rotations", "")
                .token(carrierAdmin(parties.carrier()))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        java.time.Instant after = clock.instant();
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asString();
        assertThat(newSecret).startsWith("fgwhsec_").isNotEqualTo(endpoint.secret());
        assertThat(java.time.Instant.parse(rotated.json()
                        .get("endpoint")
                        .get("previous_secret_expires_at")
                        .asString()))
                .isBetween(
                        before.plus(Duration.ofHours(24)).minusSeconds(1),
                        after.plus(Duration.ofHours(24)).plusSeconds(1));

        createPaymentRequest(parties, 30_000);

        await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());
        WebhookReceiver.Received delivery = receiver.received().getFirst();
        assertThat(delivery.header("FreightGate-Signature")).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(WebhookReceiver.verifiedBy(delivery, Set.of(newSecret), clock.instant(), TOLERANCE))
                .containsExactly(newSecret);
        assertThat(WebhookReceiver.verifiedBy(delivery, Set.of(endpoint.secret()), clock.instant(), TOLERANCE))
                .as("the previous secret still verifies during the overlap")
                .containsExactly(endpoint.secret());
        assertThat(delivery.header("FreightGate-Signature").split(",")[1])
                .as("the current secret's signature comes first")
                .isEqualTo("v1="
                        + io.freightgate.integrations.internal.domain.WebhookSignature.hmac(
                                newSecret,
                                delivery.header("FreightGate-Signature")
                                                .split(",")[0]
                                                .substring(2) + "." + delivery.body()));
    }

    @Test
    void anotherOrganizationNeitherSeesNorTouchesTheEndpoint() {
        Parties parties = parties();
        WebhookReceiver receiver = receiver();
        Endpoint endpoint = register(carrierAdmin(parties.carrier()), receiver.url(), "payment_request.created");
        TenantId other = organization("CARRIER");
        String intruder = carrierAdmin(other);
        String path = "/api/v1/webhook-endpoints/" + endpoint.id();

        assertThat(api.get(path).token(intruder).send().status()).isEqualTo(404);
        assertThat(api.get(path + "/deliveries").token(intruder).send().status())
                .isEqualTo(404);
        assertThat(mutate(intruder, "PUT", path + "/event-types", "{\"event_types\":[\"payment_request.paid\"]}")
                        .status())
                .isEqualTo(404);
        assertThat(mutate(intruder, "POST", path + "/disable", "").status()).isEqualTo(404);
        assertThat(mutate(intruder, "POST", path + "/secret-rotations", "").status())
                .isEqualTo(404);
        assertThat(mutate(intruder, "POST", path + "/deliveries/" + UUID.randomUUID() + "/redelivery", "")
                        .status())
                .isEqualTo(404);
        assertThat(mutate(intruder, "DELETE", path, null).status()).isEqualTo(404);
        var theirList = api.get("/api/v1/webhook-endpoints").token(intruder).send();
        assertThat(theirList.status()).isEqualTo(200);
        assertThat(theirList.json()).isEmpty();
        assertThat(mutate(callers.of(parties.shipper(), Role.SHIPPER_ADMIN), "DELETE", path, null)
                        .status())
                .as("not even the carrier's own shipper")
                .isEqualTo(404);

        var own = api.get(path).token(carrierAdmin(parties.carrier())).send();
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("enabled").asBoolean()).isTrue();
        assertThat(own.json().get("event_types").get(0).asString()).isEqualTo("payment_request.created");

        createPaymentRequest(parties, 40_000);
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);

        var disabled = mutate(carrierAdmin(parties.carrier()), "POST", path + "/disable", "");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        createPaymentRequest(parties, 41_000);
        assertThat(deliveries(carrierAdmin(parties.carrier()), endpoint.id()))
                .as("a disabled endpoint gets no deliveries")
                .hasSize(1);

        assertThat(mutate(carrierAdmin(parties.carrier()), "DELETE", path, null).status())
                .isEqualTo(204);
        assertThat(api.get(path).token(carrierAdmin(parties.carrier())).send().status())
                .isEqualTo(404);
    }

    @Test
    void endpointsOnInternalAddressesAndUnknownEventTypesAreRefused() {
        TenantId carrier = organization("CARRIER");
        String admin = carrierAdmin(carrier);
        for (String url : List.of(
                "https://10.0.0.7/hooks",
                "https://169.254.169.254/latest/meta-data/",
                "https://192.168.1.20/hooks",
                "https://[fd12::1]/hooks",
                "ftp://hooks.example.com/x")) {
            var refused = create(admin, url, "payment_request.paid");
            assertThat(refused.status()).as(url + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("/problems/webhook-url-refused");
            assertThat(refused.body()).doesNotContain("10.0.0.7").doesNotContain("169.254");
        }
        var unknownType = create(admin, "http://127.0.0.1:9/hooks", "payment_request.teleported");
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.json().get("type").asString()).isEqualTo("/problems/unprocessable");
        var noType = api.post("/api/v1/webhook-endpoints", "{\"url\":\"http://127.0.0.1:9/hooks\",\"event_types\":[]}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(noType.status()).isEqualTo(400);

        var list = api.get("/api/v1/webhook-endpoints").token(admin).send();
        assertThat(list.json()).as("nothing was registered").isEmpty();
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private Endpoint register(String adminToken, String url, String... eventTypes) {
        var response = create(adminToken, url, eventTypes);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("secret").asString()).startsWith("fgwhsec_");
        return new Endpoint(
                body.get("endpoint").get("id").asString(), body.get("secret").asString());
    }

    private Api.Response create(String adminToken, String url, String... eventTypes) {
        String types = String.join(
                ",",
                java.util.Arrays.stream(eventTypes)
                        .map(type -> "\"" + type + "\"")
                        .toList());
        return api.post("/api/v1/webhook-endpoints", "{\"url\":\"%s\",\"event_types\":[%s]}".formatted(url, types))
                .token(adminToken)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response mutate(String token, String method, String path, String body) {
        return api.call(method, path, body, body == null ? null : "application/json")
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private List<JsonNode> deliveries(String token, String endpointId) {
        var response = api.get("/api/v1/webhook-endpoints/" + endpointId + "/deliveries")
                .token(token)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        response.json().forEach(deliveries::add);
        return deliveries;
    }

    private String carrierAdmin(TenantId carrier) {
        return callers.of(carrier, Role.CARRIER_ADMIN);
    }

    private String shipperAdmin(TenantId shipper) {
        return callers.of(shipper, Role.SHIPPER_ADMIN);
    }

    private Parties parties() {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        return new Parties(carrier, shipper);
    }

    private TenantId organization(String type) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson(
                                type,
                                type + " " + UUID.randomUUID(),
                                type.toLowerCase() + "-" + UUID.randomUUID() + "@example.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    private String createPaymentRequest(Parties parties, long amountMinor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String json = """
                {"shipper_id":"%s","amount_minor":%d,"currency":"EUR","load_reference":"LD-HOOK","origin":"Hamburg, DE",
                 "destination":"Lyon, FR","pickup_date":"%s","delivery_date":"%s","due_date":"%s"}
                """.formatted(
                        parties.shipper(), amountMinor, today.minusDays(2), today.minusDays(1), today.plusDays(14));
        var response = api.post("/api/v1/payment-requests", json)
                .token(callers.of(parties.carrier(), Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("payment_request").get("id").asString();
    }

    private Api.Response pay(Parties parties, String id, String paymentMethod) {
        return api.post(
                        "/api/v1/payment-requests/" + id + "/payments",
                        "{\"method\":\"card\",\"payment_method\":\"%s\"}".formatted(paymentMethod))
                .token(callers.of(parties.shipper(), Role.SHIPPER_PAYER))
                .idempotencyKey(UUID.randomUUID().toString())
                .header("User-Agent", "FreightGate-IT/1.0")
                .send();
    }
}

package io.freightgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.Callers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the browser journeys set up through the API: organizations, payment requests, loads with a driver link. */
record Fixtures(Api api, Callers callers, Clock clock) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TenantId organization(String type, String name, String email) {
        String json = JSON.writeValueAsString(java.util.Map.of(
                "type", type,
                "legal_name", name,
                "country", "DE",
                "vat_number", "DE811907980",
                "contact_email", email));
        var response = api.post("/api/v1/organizations", json)
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    JsonNode paymentRequest(TenantId carrier, TenantId shipper, long amount, String reference) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String json = JSON.writeValueAsString(java.util.Map.of(
                "shipper_id",
                shipper.toString(),
                "amount_minor",
                amount,
                "currency",
                "EUR",
                "load_reference",
                reference,
                "origin",
                "Hamburg, DE",
                "destination",
                "Lyon, FR",
                "pickup_date",
                today.minusDays(2).toString(),
                "delivery_date",
                today.minusDays(1).toString(),
                "due_date",
                today.plusDays(14).toString(),
                "terms",
                "Net 14"));
        var response = api.post("/api/v1/payment-requests", json)
                .token(callers.of(carrier, Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    String driverLink(TenantId carrier, TenantId shipper, String deliveryAddress) {
        String dispatcher = callers.of(carrier, Role.CARRIER_DISPATCHER);
        Instant pickup = clock.instant().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);
        String number = "LD-WEB-" + UUID.randomUUID().toString().substring(0, 6);
        String json = JSON.writeValueAsString(java.util.Map.of(
                "shipper_id",
                shipper.toString(),
                "load_number",
                number,
                "cmr_number",
                "CMR-" + number,
                "pickup",
                java.util.Map.of(
                        "address",
                        "Hafenstrasse 1, 20457 Hamburg, DE",
                        "lat",
                        53.5461,
                        "lon",
                        9.9661,
                        "planned_at",
                        pickup.toString()),
                "delivery",
                java.util.Map.of(
                        "address",
                        deliveryAddress,
                        "lat",
                        45.7640,
                        "lon",
                        4.8357,
                        "planned_at",
                        pickup.plus(Duration.ofHours(11)).toString()),
                "driver_user_id",
                "driver-" + UUID.randomUUID()));
        var load = api.post("/api/v1/loads", json)
                .token(dispatcher)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(load.status()).as(load.body()).isEqualTo(201);
        var link = api.post("/api/v1/loads/" + load.json().get("id").asString() + "/driver-links", "")
                .token(dispatcher)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        return link.json().get("url").asString();
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.test";
    }
}

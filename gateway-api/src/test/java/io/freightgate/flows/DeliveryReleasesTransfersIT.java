package io.freightgate.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.kernel.TenantId;
import io.freightgate.loads.LoadFixtures;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The load's proof of delivery releases the money: a paid payment request for a load waits for delivery; the driver's
 * photo at the consignee confirms it (loads publishes {@code DeliveryConfirmed}), and the flow has the carrier's share
 * transferred to its connected account, where the emulator shows it with the request's transfer group. A photo far
 * from the consignee confirms nothing and transfers nothing.
 */
class DeliveryReleasesTransfersIT extends GatewayIT {

    static final double CONSIGNEE_LAT = 45.7640;
    static final double CONSIGNEE_LON = 4.8357;

    @Autowired
    Clock clock;

    @Autowired
    StripeEmulator stripe;

    @Autowired
    com.stripe.StripeClient stripeClient;

    @Value("${freightgate.stripe.api-key}")
    String apiKey;

    @Test
    void aProofOfDeliveryAtTheConsigneeReleasesTheTransferAndOneFarAwayDoesNot() throws Exception {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        String account = payoutAccount(carrier);
        String driverId = "driver-" + UUID.randomUUID();
        String driver = accessTokens.issue(driverId, carrier, List.of(Role.CARRIER_DRIVER));
        String load = createLoad(carrier, shipper, driverId);
        TenantId otherCarrier = organization("CARRIER");
        verifications.verify(otherCarrier, true);
        var foreign = api.post("/api/v1/payment-requests", requestJson(shipper, load))
                .token(callers.of(otherCarrier, Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(foreign.status())
                .as("another carrier may not bill against this load, whose delivery would release its transfer")
                .isEqualTo(422);
        String request = paidRequestFor(carrier, shipper, load);
        String finance = callers.platformStaff(Role.FINANCE_AGENT);
        JsonNode waiting = transfer(request, finance);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");

        Instant delivered = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var far = pod(driver, load, LoadFixtures.photo(CONSIGNEE_LAT + 0.36, CONSIGNEE_LON, delivered, 1), delivered);
        assertThat(far.status()).as(far.body()).isEqualTo(201);
        assertThat(far.json().get("confirms_delivery").asBoolean()).isFalse();
        assertThat(transfer(request, finance).get("status").asString()).isEqualTo("PENDING");

        var near = pod(
                driver,
                load,
                LoadFixtures.photo(CONSIGNEE_LAT + 0.0002, CONSIGNEE_LON, delivered.minusSeconds(60), 1),
                delivered);
        assertThat(near.status()).as(near.body()).isEqualTo(201);
        assertThat(near.json().get("confirms_delivery").asBoolean()).isTrue();

        JsonNode sent = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> transfer(request, finance),
                        t -> t.get("status").asString().equals("SENT"));
        assertThat(sent.get("amount").get("minor").asLong()).isEqualTo(97_975); // 100,000 - 2 % - 0.25 EUR
        String stripeTransfer = sent.get("stripe_transfer_id").asString();
        com.stripe.model.Transfer onStripe = stripeClient.v1().transfers().retrieve(stripeTransfer);
        assertThat(onStripe.getAmount()).isEqualTo(97_975);
        assertThat(onStripe.getTransferGroup()).isEqualTo("payment_request_" + request);
        assertThat(onStripe.getDestination()).isEqualTo(account);
        assertThat(onStripe.getSourceTransaction()).startsWith("ch_");
    }

    @Test
    void aPodWithoutAPositionReleasesNothingUntilTheShipperConfirmsThenExactlyOneTransfer() throws Exception {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        payoutAccount(carrier);
        String driverId = "driver-" + UUID.randomUUID();
        String driver = accessTokens.issue(driverId, carrier, List.of(Role.CARRIER_DRIVER));
        String load = createLoad(carrier, shipper, driverId);
        String request = paidRequestFor(carrier, shipper, load);
        String finance = callers.platformStaff(Role.FINANCE_AGENT);
        Instant delivered = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        var unplaced = api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/delivery-confirmations",
                        Map.of("signatory_name", "J. Smit", "delivered_at", delivered.toString()),
                        "file",
                        "pod.pdf",
                        "application/pdf",
                        LoadFixtures.pdf(List.of("Proof of delivery", "CMR signed by J. Smit")))
                .token(driver)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(unplaced.status()).as(unplaced.body()).isEqualTo(201);

        JsonNode waiting = deliveryRecorded(request, finance);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("waiting_for").toString()).contains("SECOND_DELIVERY_SIGNAL");
        assertThat(waiting.get("delivery_wait").asString())
                .contains("waits for a second delivery signal")
                .contains("no position");
        assertThat(transfersAtStripe(request))
                .as("no POST /v1/transfers reached Stripe")
                .isEmpty();

        var carrierTries = api.post("/api/v1/loads/" + load + "/shipper-confirmation", "")
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(carrierTries.status())
                .as("the carrier cannot confirm for the shipper")
                .isEqualTo(403);
        TenantId otherShipper = organization("SHIPPER");
        var foreign = api.post("/api/v1/loads/" + load + "/shipper-confirmation", "")
                .token(callers.of(otherShipper, Role.SHIPPER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(transfersAtStripe(request)).isEmpty();

        var confirmed = api.post("/api/v1/loads/" + load + "/shipper-confirmation", "")
                .token(callers.of(shipper, Role.SHIPPER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("delivery_evidence").get("strength").asString())
                .isEqualTo("STRONG");
        assertThat(confirmed.json().get("delivery_evidence").get("source").asString())
                .isEqualTo("shipper");

        JsonNode sent = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> transfer(request, finance),
                        t -> t.get("status").asString().equals("SENT"));
        assertThat(sent.get("delivery_wait").isNull()
                        || sent.get("delivery_wait").isMissingNode())
                .isTrue();
        var again = api.post("/api/v1/loads/" + load + "/shipper-confirmation", "")
                .token(callers.of(shipper, Role.SHIPPER_PAYER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        Thread.sleep(1_000);
        assertThat(transfersAtStripe(request)).singleElement().satisfies(transfer -> assertThat(transfer.getAmount())
                .isEqualTo(97_975));
    }

    @Test
    void aFutureDatedPhotoReleasesNothingUntilTelematicsArrivesAtTheConsignee() throws Exception {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        payoutAccount(carrier);
        String driverId = "driver-" + UUID.randomUUID();
        String driver = accessTokens.issue(driverId, carrier, List.of(Role.CARRIER_DRIVER));
        String load = createLoad(carrier, shipper, driverId);
        String request = paidRequestFor(carrier, shipper, load);
        String finance = callers.platformStaff(Role.FINANCE_AGENT);
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

        var future = pod(
                driver,
                load,
                LoadFixtures.photo(CONSIGNEE_LAT + 0.0002, CONSIGNEE_LON, tomorrow.minusSeconds(60), 1),
                tomorrow);
        assertThat(future.status()).as(future.body()).isEqualTo(201);

        JsonNode waiting = deliveryRecorded(request, finance);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("waiting_for").toString()).contains("SECOND_DELIVERY_SIGNAL");
        assertThat(waiting.get("delivery_wait").asString()).contains("in the future");
        assertThat(transfersAtStripe(request)).isEmpty();

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ping(driver, load, now.minus(Duration.ofHours(10)), 53.5461, 9.9661);
        ping(driver, load, now.minus(Duration.ofHours(5)), 49.5, 7.0);
        ping(driver, load, now.minus(Duration.ofMinutes(10)), CONSIGNEE_LAT, CONSIGNEE_LON);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> transfer(request, finance).get("status").asString().equals("SENT"));
        assertThat(transfersAtStripe(request)).hasSize(1);
    }

    @Test
    void aPhotoWithoutGpsWaitsUntilFinanceReleasesTheDelivery() throws Exception {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        payoutAccount(carrier);
        String driverId = "driver-" + UUID.randomUUID();
        String driver = accessTokens.issue(driverId, carrier, List.of(Role.CARRIER_DRIVER));
        String load = createLoad(carrier, shipper, driverId);
        String request = paidRequestFor(carrier, shipper, load);
        String finance = callers.platformStaff(Role.FINANCE_AGENT);

        var bare = api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/delivery-confirmations",
                        Map.of(
                                "signatory_name",
                                "J. Smit",
                                "delivered_at",
                                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                                "lat",
                                String.valueOf(CONSIGNEE_LAT),
                                "lon",
                                String.valueOf(CONSIGNEE_LON)),
                        "file",
                        "pod.png",
                        "image/png",
                        LoadFixtures.pngHeader(64, 48))
                .token(driver)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(bare.status()).as(bare.body()).isEqualTo(201);
        JsonNode waiting = deliveryRecorded(request, finance);
        assertThat(waiting.get("waiting_for").toString()).contains("SECOND_DELIVERY_SIGNAL");
        assertThat(waiting.get("delivery_wait").asString())
                .contains("no position")
                .contains("no capture time");
        JsonNode loadView = api.get("/api/v1/loads/" + load)
                .token(callers.of(shipper, Role.SHIPPER_ADMIN))
                .send()
                .json();
        assertThat(loadView.get("delivery_evidence").get("strength").asString()).isEqualTo("WEAK");
        assertThat(transfersAtStripe(request)).isEmpty();

        var agent = api.post("/api/v1/payment-requests/" + request + "/transfer/delivery-release", "")
                .token(finance)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(agent.status()).as("a finance agent does not release").isEqualTo(403);
        var released = api.post("/api/v1/payment-requests/" + request + "/transfer/delivery-release", "")
                .token(callers.platformStaff(Role.FINANCE_SUPERVISOR))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("SENT");
        assertThat(transfersAtStripe(request)).hasSize(1);
    }

    private JsonNode deliveryRecorded(String request, String finance) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> transfer(request, finance),
                        t -> t.hasNonNull("delivery_confirmed_at")
                                && !t.get("status").asString().equals("SENDING"));
    }

    private List<com.stripe.model.Transfer> transfersAtStripe(String request) throws Exception {
        return stripeClient
                .v1()
                .transfers()
                .list(com.stripe.param.TransferListParams.builder()
                        .setTransferGroup("payment_request_" + request)
                        .build())
                .getData();
    }

    private void ping(String driver, String load, Instant at, double lat, double lon) {
        var response = api.post(
                        "/api/v1/loads/" + load + "/telematics-events",
                        "{\"device_id\":\"truck-7\",\"timestamp\":\"%s\",\"lat\":%s,\"lon\":%s}"
                                .formatted(at, lat, lon))
                .token(driver)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String payoutAccount(TenantId carrier) {
        var opened = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{}")
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        stripe.control()
                .accountRequirements(
                        apiKey, opened.json().get("stripe_account_id").asString(), AccountRequirements.satisfied());
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/carriers/" + carrier + "/payout-account")
                .token(callers.platformAdmin())
                .send()
                .json()
                .get("status")
                .asString()
                .equals("ACTIVE"));
        return opened.json().get("stripe_account_id").asString();
    }

    private String createLoad(TenantId carrier, TenantId shipper, String driverId) {
        Instant pickup = clock.instant().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);
        String number = "LD-" + UUID.randomUUID().toString().substring(0, 8);
        var response = api.post("/api/v1/loads", """
                        {"shipper_id":"%s","load_number":"%s","cmr_number":"CMR-%s",
                         "pickup":{"address":"Hafenstrasse 1, 20457 Hamburg, DE","lat":53.5461,"lon":9.9661,"planned_at":"%s"},
                         "delivery":{"address":"12 Rue de la Republique, 69002 Lyon, FR","lat":%s,"lon":%s,"planned_at":"%s"},
                         "driver_user_id":"%s"}
                        """.formatted(
                                shipper,
                                number,
                                number,
                                pickup,
                                CONSIGNEE_LAT,
                                CONSIGNEE_LON,
                                pickup.plus(Duration.ofHours(11)),
                                driverId))
                .token(callers.of(carrier, Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private String requestJson(TenantId shipper, String load) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return """
                {"shipper_id":"%s","amount_minor":100000,"currency":"EUR","load_reference":"LD-FLOW",
                 "load_id":"%s","origin":"Hamburg, DE","destination":"Lyon, FR","pickup_date":"%s",
                 "delivery_date":"%s","due_date":"%s"}
                """.formatted(shipper, load, today.minusDays(1), today, today.plusDays(14));
    }

    private String paidRequestFor(TenantId carrier, TenantId shipper, String load) {
        var created = api.post("/api/v1/payment-requests", requestJson(shipper, load))
                .token(callers.of(carrier, Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("payment_request").get("id").asString();
        var paid = api.post(
                        "/api/v1/payment-requests/" + id + "/payments",
                        "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}")
                .token(callers.of(shipper, Role.SHIPPER_PAYER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return id;
    }

    private JsonNode transfer(String request, String token) {
        var response = api.get("/api/v1/payment-requests/" + request + "/transfer")
                .token(token)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Api.Response pod(String driver, String load, byte[] jpeg, Instant deliveredAt) {
        return api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/delivery-confirmations",
                        Map.of("signatory_name", "J. Smit", "delivered_at", deliveredAt.toString()),
                        "file",
                        "pod.jpg",
                        "image/jpeg",
                        jpeg)
                .token(driver)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private TenantId organization(String type) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson(
                                type, type + " " + UUID.randomUUID(), "ops-" + UUID.randomUUID() + "@example.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }
}

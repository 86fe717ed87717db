package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.param.ChargeListParams;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * What the payment journeys share: verified parties, the API calls of carriers and shippers, and a look at the charges
 * in the Stripe emulator.
 */
public abstract class PaymentJourneys extends GatewayIT {

    @Autowired
    public StripeEmulator stripe;

    @Autowired
    public StripeClient stripeClient;

    @Autowired
    public EmbeddedSmtpServer smtp;

    @Autowired
    public Clock clock;

    @Autowired
    public PaymentReconciliation reconciliation;

    @Autowired
    public AuthorizationExpiryGuard guard;

    @Autowired
    public PaymentReminders reminders;

    @Value("${freightgate.stripe.api-key}")
    public String apiKey;

    @AfterEach
    public void noFaults() {
        stripe.control().clearFaults();
    }

    public record Parties(TenantId carrier, TenantId shipper, String shipperEmail) {}

    public Parties parties() {
        String email = "ap-" + UUID.randomUUID() + "@shipper.test";
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER", email);
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        return new Parties(carrier, shipper, email);
    }

    public TenantId organization(String type) {
        return organization(type, type.toLowerCase() + "-" + UUID.randomUUID() + "@example.test");
    }

    public TenantId organization(String type, String email) {
        var response = api.post("/api/v1/organizations", organizationJson(type, type + " " + UUID.randomUUID(), email))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    public JsonNode create(Parties parties, long amount, String currency, String load, boolean captureOnDelivery) {
        return create(
                parties,
                amount,
                currency,
                load,
                captureOnDelivery,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(14));
    }

    public JsonNode create(
            Parties parties, long amount, String currency, String load, boolean captureOnDelivery, LocalDate due) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String json = """
                {"shipper_id":"%s","amount_minor":%d,"currency":"%s","load_reference":"%s",
                 "origin":"Hamburg, DE","destination":"Lyon, FR","pickup_date":"%s","delivery_date":"%s",
                 "due_date":"%s","terms":"Net 14","capture_on_delivery":%s}
                """.formatted(
                        parties.shipper(),
                        amount,
                        currency,
                        load,
                        today.minusDays(2),
                        today.minusDays(1),
                        due,
                        captureOnDelivery);
        var response = post(callers.of(parties.carrier(), Role.CARRIER_DISPATCHER), json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    public String body(TenantId shipper, String amount, String currency) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return """
                {"shipper_id":"%s","amount_minor":%s,"currency":"%s","load_reference":"LD-X","origin":"A",
                 "destination":"B","pickup_date":"%s","delivery_date":"%s","due_date":"%s"}
                """.formatted(shipper, amount, currency, today, today, today.plusDays(7));
    }

    public static String id(JsonNode created) {
        return created.get("payment_request").get("id").asString();
    }

    public Api.Response post(String token, String json) {
        return api.post("/api/v1/payment-requests", json)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    public Api.Response pay(Parties parties, String id, String json) {
        return api.post("/api/v1/payment-requests/" + id + "/payments", json)
                .token(callers.of(parties.shipper(), Role.SHIPPER_PAYER))
                .idempotencyKey(UUID.randomUUID().toString())
                .header("User-Agent", "FreightGate-IT/1.0")
                .send();
    }

    public Api.Response refund(TenantId carrier, String id, String json) {
        return refund(callers.of(carrier, Role.CARRIER_FINANCE), id, json);
    }

    public Api.Response refund(String token, String id, String json) {
        return api.post("/api/v1/payment-requests/" + id + "/refunds", json)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    public static String sepa(String iban) {
        return """
                {"method":"sepa_debit","iban":"%s","account_holder_name":"Erika Mustermann",
                 "email":"erika@shipper.test","mandate_accepted":true}
                """.formatted(iban);
    }

    public JsonNode read(TenantId organization, String id) {
        var response = api.get("/api/v1/payment-requests/" + id)
                .token(tokenFor(organization))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public JsonNode read(TenantId organization, String id, int expectedStatus) {
        var response = api.get("/api/v1/payment-requests/" + id)
                .token(tokenFor(organization))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return expectedStatus == 200 ? response.json() : null;
    }

    /** A reader of either side: the roles that do not match the organization's type simply grant nothing more. */
    public String tokenFor(TenantId organization) {
        return callers.of(organization, Role.CARRIER_FINANCE, Role.SHIPPER_ADMIN);
    }

    public java.util.List<JsonNode> list(String token) {
        var response =
                api.get("/api/v1/payment-requests?limit=200").token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var list = new java.util.ArrayList<JsonNode>();
        response.json().forEach(list::add);
        return list;
    }

    public java.util.List<com.stripe.model.Charge> chargesOf(String requestId) {
        try {
            return stripeClient
                    .v1()
                    .charges()
                    .list(ChargeListParams.builder()
                            .setTransferGroup("payment_request_" + requestId)
                            .build())
                    .getData();
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A risk analyst reviews the carrier's payout bank account change and ends its payout hold (issue 21: a change
     * shortly before a transfer holds the carrier's payouts). With {@code awaitOne}, waits for the hold first (it is
     * placed after the transfer, asynchronously).
     */
    public void analystReleasesPayoutAccountChangeHolds(TenantId carrier, boolean awaitOne) {
        String analyst = callers.platformStaff(io.freightgate.security.Role.RISK_ANALYST);
        java.util.function.Supplier<java.util.List<String>> held = () -> {
            var response = api.get("/api/v1/carriers/" + carrier + "/payout-holds")
                    .token(analyst)
                    .send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            java.util.List<String> references = new java.util.ArrayList<>();
            response.json()
                    .get("active")
                    .forEach(hold -> references.add(hold.get("reference").asString()));
            return references.stream()
                    .filter(reference -> reference.startsWith("payout-account-change:"))
                    .toList();
        };
        if (awaitOne) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> !held.get().isEmpty());
        }
        for (String reference : held.get()) {
            var released = api.call(
                            "DELETE",
                            "/api/v1/carriers/" + carrier + "/payout-holds/" + reference,
                            "",
                            "application/json")
                    .idempotencyKey(java.util.UUID.randomUUID().toString())
                    .token(analyst)
                    .send();
            assertThat(released.status()).as(released.body()).isEqualTo(204);
        }
    }
}

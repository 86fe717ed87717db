package io.freightgate.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Transfer;
import com.stripe.param.TransferListParams;
import io.freightgate.billing.PaymentJourneys;
import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the transfer journeys share: a carrier with an active payout account, loads, paid requests, transfers. */
public abstract class TransferJourneys extends PaymentJourneys {

    @Autowired
    public Transfers transfers;

    @Autowired
    public TransferRetries retries;

    public record Carrier(Parties parties, String account) {}

    public Carrier carrierWithPayouts() {
        return carrierWithPayouts("Carrier " + UUID.randomUUID());
    }

    /** A verified carrier (named {@code legalName}) whose payout account is active, and a verified shipper. */
    public Carrier carrierWithPayouts(String legalName) {
        return carrierWithPayouts(legalName, null);
    }

    /** The same, with the payout account's schedule ({@code daily}, {@code weekly}, {@code monthly}, {@code manual}). */
    public Carrier carrierWithPayouts(String legalName, String payoutInterval) {
        String email = "ap-" + UUID.randomUUID() + "@shipper.test";
        var registered = api.post(
                        "/api/v1/organizations",
                        organizationJson("CARRIER", legalName, "ops-" + UUID.randomUUID() + "@carrier.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        TenantId carrier = TenantId.of(registered.json().get("id").asString());
        TenantId shipper = organization("SHIPPER", email);
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);
        var opened = api.post(
                        "/api/v1/carriers/" + carrier + "/payout-account",
                        payoutInterval == null ? "{}" : "{\"payout_interval\":\"" + payoutInterval + "\"}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String account = opened.json().get("stripe_account_id").asString();
        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/carriers/" + carrier + "/payout-account")
                .token(admin)
                .send()
                .json()
                .get("status")
                .asString()
                .equals("ACTIVE"));
        return new Carrier(new Parties(carrier, shipper, email), account);
    }

    /** A load of the carrier for the shipper (payment requests may name only such a load). */
    public UUID load(Parties parties) {
        String number = "LD-" + UUID.randomUUID().toString().substring(0, 8);
        var response = api.post("/api/v1/loads", """
                        {"shipper_id":"%s","load_number":"%s",
                         "pickup":{"address":"Hafenstrasse 1, 20457 Hamburg, DE","lat":53.5461,"lon":9.9661,
                                   "planned_at":"%s"},
                         "delivery":{"address":"12 Rue de la Republique, 69002 Lyon, FR","lat":45.764,"lon":4.8357,
                                     "planned_at":"%s"}}
                        """.formatted(
                                parties.shipper(),
                                number,
                                clock.instant().minus(java.time.Duration.ofDays(2)),
                                clock.instant().minus(java.time.Duration.ofDays(1))))
                .token(callers.of(parties.carrier(), Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    public String createForLoad(Parties parties, long amount, String reference, UUID load) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String json = """
                {"shipper_id":"%s","amount_minor":%d,"currency":"EUR","load_reference":"%s","load_id":"%s",
                 "origin":"Hamburg, DE","destination":"Lyon, FR","pickup_date":"%s","delivery_date":"%s",
                 "due_date":"%s"}
                """.formatted(
                parties.shipper(), amount, reference, load, today.minusDays(2), today.minusDays(1), today.plusDays(14));
        var response = post(callers.of(parties.carrier(), Role.CARRIER_DISPATCHER), json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id(response.json());
    }

    public void paid(Parties parties, String id, String paymentMethod) {
        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"" + paymentMethod + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PAID");
    }

    public JsonNode transfer(TenantId carrier, String id) {
        var response = api.get("/api/v1/payment-requests/" + id + "/transfer")
                .token(callers.of(carrier, Role.CARRIER_FINANCE))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public Api.Response release(String id, Role staff, String reason) {
        return release(id, callers.platformStaff(staff), reason);
    }

    public Api.Response release(String id, String token, String reason) {
        return api.post("/api/v1/payment-requests/" + id + "/transfer/release", "{\"reason\":\"" + reason + "\"}")
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    public void importSanctions(String csv) {
        var response = api.multipart(
                        "POST",
                        "/api/v1/kyc/sanctions-lists",
                        Map.of("source", "transfers-it"),
                        "file",
                        "list.csv",
                        "text/csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .token(callers.platformStaff(Role.COMPLIANCE_OFFICER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    public List<Transfer> transfersInGroup(String id) {
        try {
            return stripeClient
                    .v1()
                    .transfers()
                    .list(TransferListParams.builder()
                            .setTransferGroup("payment_request_" + id)
                            .build())
                    .getData();
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    public Transfer retrieve(String transferId) {
        try {
            return stripeClient.v1().transfers().retrieve(transferId);
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> strings(JsonNode array) {
        var list = new java.util.ArrayList<String>();
        array.forEach(node -> list.add(node.asString()));
        return list;
    }

    public static String letters() {
        var random = new java.util.Random();
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** The carrier's payout holds as a risk analyst reads them ({@code active}, {@code released}, the account's state). */
    public JsonNode holdsOf(TenantId carrier) {
        var response = api.get("/api/v1/carriers/" + carrier + "/payout-holds")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The payout schedule's interval of a connected account at Stripe ({@code manual} while payouts are held). */
    public String interval(String account) throws Exception {
        return stripeClient
                .v1()
                .accounts()
                .retrieve(account)
                .getSettings()
                .getPayouts()
                .getSchedule()
                .getInterval();
    }
}

package io.freightgate.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.RequestOptions;
import com.stripe.param.AccountUpdateParams;
import io.freightgate.billing.PaymentJourneys;
import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.transfers.TransferView;
import io.freightgate.transfers.Transfers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Carriers' payouts against the Stripe emulator: shippers pay, the carrier's share is transferred to its connected
 * account with the payment request's transfer group, and the money goes out by an on-demand payout or by the account's
 * daily schedule; paid payouts get a remittance (JSON and PDF) whose lines are the payment requests and loads and add
 * up to the payout; a payout the bank refuses fails with its reason and is mailed to the carrier. Payouts arrive a day
 * after they are made, so these tests move the shared clock (tag {@code time-travel}: a JVM of their own).
 */
@Tag("time-travel")
class PayoutsIT extends PaymentJourneys {

    @Autowired
    Transfers transfers;

    @Test
    void anOnDemandPayoutIsPaidAndItsRemittanceNamesEveryLoadAndAddsUp() throws Exception {
        Parties parties = parties();
        payoutAccount(parties.carrier(), "manual");
        String first = paidAndTransferred(parties, 120_000, "LD-PAYOUT-1", 117_575);
        String second = paidAndTransferred(parties, 50_000, "LD-PAYOUT-2", 48_975);
        stripe.control().advanceClock(Duration.ofDays(3));
        String finance = callers.of(parties.carrier(), Role.CARRIER_FINANCE);

        var requested = api.post("/api/v1/carriers/" + parties.carrier() + "/payouts", "{\"currency\":\"EUR\"}")
                .token(finance)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        JsonNode payout = requested.json();
        String payoutId = payout.get("id").asString();
        assertThat(payout.get("amount").get("minor").asLong()).isEqualTo(166_550);
        assertThat(payout.get("automatic").asBoolean()).isFalse();
        assertThat(payout.get("status").asString()).isIn("PENDING", "IN_TRANSIT");
        assertThat(remittance(parties.carrier(), payoutId, finance).status()).isEqualTo(409);

        stripe.control().advanceClock(Duration.ofDays(1).plusHours(1));
        finance = callers.of(parties.carrier(), Role.CARRIER_FINANCE); // access tokens live 5 minutes
        JsonNode paid = awaitPayout(parties.carrier(), payoutId, "PAID");
        assertThat(paid.get("remittance_ready").asBoolean()).isTrue();

        var remittance = remittance(parties.carrier(), payoutId, finance);
        assertThat(remittance.status()).as(remittance.body()).isEqualTo(200);
        JsonNode body = remittance.json();
        assertThat(body.get("balanced").asBoolean()).isTrue();
        assertThat(body.get("total").get("minor").asLong()).isEqualTo(166_550);
        assertThat(body.get("difference").get("minor").asLong()).isZero();
        List<JsonNode> lines = list(body.get("lines"));
        assertThat(lines).hasSize(2);
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.get("kind").asString()).isEqualTo("PAYMENT"));
        JsonNode line1 = lines.stream()
                .filter(line -> first.equals(line.get("payment_request_id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(line1.get("load_reference").asString()).isEqualTo("LD-PAYOUT-1");
        assertThat(line1.get("invoice_amount").get("minor").asLong()).isEqualTo(120_000);
        assertThat(line1.get("platform_fee").get("minor").asLong()).isEqualTo(2_425);
        assertThat(line1.get("net").get("minor").asLong()).isEqualTo(117_575);
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line.get("payment_request_id").asString()).isEqualTo(second));

        HttpResponse<byte[]> pdf = pdf(parties.carrier(), payoutId, finance);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("LD-PAYOUT-1")
                    .contains("LD-PAYOUT-2")
                    .contains("1665.50 EUR")
                    .contains("The lines add up to the payout.");
        }

        TenantId stranger = organization("CARRIER");
        String strangerFinance = callers.of(stranger, Role.CARRIER_FINANCE);
        assertThat(api.get("/api/v1/carriers/" + parties.carrier() + "/payouts/" + payoutId)
                        .token(strangerFinance)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/carriers/" + stranger + "/payouts/" + payoutId)
                        .token(strangerFinance)
                        .send()
                        .status())
                .as("another carrier's payout under the caller's own path")
                .isEqualTo(404);
        assertThat(remittance(parties.carrier(), payoutId, callers.platformStaff(Role.FINANCE_AGENT))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theDailyScheduleMakesAutomaticPayoutsWithStripesItemizedRemittance() {
        Parties parties = parties();
        payoutAccount(parties.carrier(), "daily");
        String request = paidAndTransferred(parties, 80_000, "LD-DAILY", 78_375);

        stripe.control().advanceClock(Duration.ofDays(4));

        String finance = callers.of(parties.carrier(), Role.CARRIER_FINANCE);
        JsonNode payout = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> payouts(parties.carrier(), finance).stream()
                                .filter(p -> p.get("status").asString().equals("PAID"))
                                .filter(p -> p.get("remittance_ready").asBoolean())
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(payout.get("automatic").asBoolean()).isTrue();
        assertThat(payout.get("amount").get("minor").asLong()).isEqualTo(78_375);

        JsonNode remittance = remittance(parties.carrier(), payout.get("id").asString(), finance)
                .json();
        assertThat(remittance.get("balanced").asBoolean()).isTrue();
        assertThat(list(remittance.get("lines"))).singleElement().satisfies(line -> {
            assertThat(line.get("payment_request_id").asString()).isEqualTo(request);
            assertThat(line.get("load_reference").asString()).isEqualTo("LD-DAILY");
            assertThat(line.get("platform_fee").get("minor").asLong()).isEqualTo(1_625);
        });
    }

    @Test
    void aPayoutTheBankRefusesFailsWithItsReasonAndTheCarrierIsMailed() {
        String email = "payouts-" + UUID.randomUUID() + "@carrier.test";
        TenantId carrier = organization("CARRIER", email);
        verifications.verify(carrier, true);
        Parties parties = new Parties(carrier, parties().shipper(), null);
        String account = payoutAccount(carrier, "manual");
        try {
            stripeClient
                    .v1()
                    .accounts()
                    .update(
                            account,
                            AccountUpdateParams.builder()
                                    .setExternalAccount("btok_us_verified_noAccount")
                                    .build(),
                            RequestOptions.getDefault());
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
        paidAndTransferred(parties, 60_000, "LD-BOUNCE", 58_775);
        // the bank account changed just before the transfer: payouts are held until an analyst has looked
        analystReleasesPayoutAccountChangeHolds(carrier, true);
        stripe.control().advanceClock(Duration.ofDays(3));
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);

        var requested = api.post(
                        "/api/v1/carriers/" + carrier + "/payouts", "{\"currency\":\"EUR\",\"amount_minor\":58775}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String payoutId = requested.json().get("id").asString();
        stripe.control().advanceClock(Duration.ofDays(1).plusHours(1));

        admin = callers.of(carrier, Role.CARRIER_ADMIN); // access tokens live 5 minutes
        JsonNode failed = awaitPayout(carrier, payoutId, "FAILED");
        assertThat(failed.get("failure_code").asString()).isEqualTo("no_account");
        assertThat(remittance(carrier, payoutId, admin).status()).isEqualTo(409);
        var mail = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> smtp.receivedMail().stream()
                                .filter(m -> m.to().contains(email))
                                .filter(m -> m.subject().equals("FreightGate: a payout to your bank account failed"))
                                .toList(),
                        found -> !found.isEmpty());
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().text().orElseThrow()).contains("587.75 EUR").contains("no_account");

        var tooMuch = api.post(
                        "/api/v1/carriers/" + carrier + "/payouts", "{\"currency\":\"EUR\",\"amount_minor\":999999}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(payouts(carrier, admin))
                .filteredOn(p -> p.get("status").asString().equals("DECLINED"))
                .hasSize(1);
    }

    // --- helpers

    /** Opens the carrier's payout account with the given schedule and lets the emulator satisfy its requirements. */
    private String payoutAccount(TenantId carrier, String interval) {
        var opened = api.post(
                        "/api/v1/carriers/" + carrier + "/payout-account",
                        "{\"payout_interval\":\"%s\"}".formatted(interval))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String account = opened.json().get("stripe_account_id").asString();
        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/carriers/" + carrier + "/payout-account")
                .token(callers.platformAdmin())
                .send()
                .json()
                .get("status")
                .asString()
                .equals("ACTIVE"));
        return account;
    }

    /**
     * A payment request paid by card (funds available at once) whose delivery is confirmed, so the release policy
     * transfers the carrier's share (EUR fee policy: 2 % + 0.25 EUR) to its connected account.
     */
    private String paidAndTransferred(Parties parties, long amount, String load, long share) {
        String id = id(create(parties, amount, "EUR", load, false));
        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_bypassPending\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        TransferView transfer = transfers.deliveryConfirmed(
                PaymentRequestId.of(id), new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo("SENT");
        assertThat(transfer.amount().minor()).isEqualTo(share);
        return id;
    }

    private JsonNode awaitPayout(TenantId carrier, String payoutId, String status) {
        String staff = callers.platformStaff(Role.FINANCE_AGENT);
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.get("/api/v1/carriers/" + carrier + "/payouts/" + payoutId)
                                .token(staff)
                                .send()
                                .json(),
                        payout -> payout.get("status").asString().equals(status)
                                && (!status.equals("PAID")
                                        || payout.get("remittance_ready").asBoolean()));
    }

    private List<JsonNode> payouts(TenantId carrier, String token) {
        var response =
                api.get("/api/v1/carriers/" + carrier + "/payouts").token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return list(response.json());
    }

    private Api.Response remittance(TenantId carrier, String payoutId, String token) {
        return api.get("/api/v1/carriers/" + carrier + "/payouts/" + payoutId + "/remittance")
                .token(token)
                .send();
    }

    private HttpResponse<byte[]> pdf(TenantId carrier, String payoutId, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/carriers/" + carrier
                                        + "/payouts/" + payoutId + "/remittance.pdf"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}

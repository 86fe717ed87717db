package io.freightgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Charge;
import com.stripe.param.RefundCreateParams;
import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.ledger.internal.Journal;
import io.freightgate.ledger.internal.Ledger;
import io.freightgate.ledger.internal.reconciliation.LedgerReconciliationJob;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.transfers.TransferJourneys;
import io.freightgate.transfers.TransferView;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The daily reconciliation of the ledger with Stripe's balance transactions, end to end against the Stripe emulator: a
 * payment, its transfer and a partial refund, and a payment whose dispute was won, all made through the API and the
 * emulator and posted by the gateway, reconcile without a difference; a refund then made at Stripe behind the gateway's
 * back is found missing in the ledger with its amount; a payout the ledger recorded and Stripe never made is found
 * missing at Stripe; the scheduled run of a day runs once (again after a failure); bad days are refused.
 *
 * <p>The test has a Stripe account of its own (its own API key: the emulator keeps each key's objects apart, like
 * Stripe), so the day at Stripe holds this test's movements only, whatever other test classes did in the same JVM.
 */
class ReconciliationIT extends TransferJourneys {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @DynamicPropertySource
    static void ownStripeAccount(DynamicPropertyRegistry registry) {
        registry.add("freightgate.stripe.api-key", () -> "sk_test_freightgate_reconciliation_it");
    }

    @Autowired
    Ledger ledger;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    LedgerReconciliationJob job;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDayOfRealMovementsHasNoDifferencesAndARefundMadeAtStripeAloneIsMissingInTheLedger() throws Exception {
        Carrier carrier = carrierWithPayouts();
        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 125_000, "LD-RECON-1", load);
        paid(carrier.parties(), id, "pm_card_visa");
        TransferView sent = transfers
                .deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"))
                .getFirst();
        assertThat(sent.status()).isEqualTo("SENT");
        var refunded = refund(carrier.parties().carrier(), id, "{\"amount_minor\":10000}");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
        Charge charge = chargesOf(id).getFirst();
        String disputed = id(create(carrier.parties(), 40_000, "EUR", "LD-RECON-DSP", false));
        paid(carrier.parties(), disputed, "pm_card_visa");
        String dispute = stripe.control()
                .createDispute(
                        apiKey,
                        null,
                        chargesOf(disputed).getFirst().getId(),
                        DisputeRequest.chargeback("product_not_received", "visa"));
        await().atMost(Duration.ofSeconds(15)).until(() -> journals(dispute) == 1);
        stripe.control().decideDispute(apiKey, null, dispute, true);
        await().atMost(Duration.ofSeconds(15)).until(() -> journals(dispute) == 2);

        JsonNode clean = reconcile(today(), 200);

        assertThat(clean.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(clean.get("trigger").asString()).isEqualTo("ON_DEMAND");
        assertThat(clean.get("day").asString()).isEqualTo(today().toString());
        assertThat(clean.get("difference_count").asInt()).as(clean.toString()).isZero();
        assertThat(clean.get("differences")).isEmpty();
        assertThat(clean.get("stripe_accounts").asInt())
                .as("the platform and the carriers' connected accounts")
                .isGreaterThanOrEqualTo(2);
        assertThat(clean.get("balance_transactions").asInt())
                .as("charge, transfer, refund and transfer reversal on the platform; the destination payment and its"
                        + " refund on the carrier's account; the disputed charge, the dispute's withdrawal and its"
                        + " reinstatement")
                .isEqualTo(9);
        assertThat(clean.get("ledger_entries").asInt())
                .as("at least one entry per balance transaction")
                .isGreaterThanOrEqualTo(9);
        assertThat(differencesGauge()).isZero();

        String refund = stripeClient
                .v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(charge.getId())
                        .setAmount(5_000L)
                        .build())
                .getId();

        JsonNode found = reconcile(today(), 200);

        assertThat(found.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(found.get("difference_count").asInt()).as(found.toString()).isEqualTo(1);
        JsonNode difference = found.get("differences").get(0);
        assertThat(difference.get("kind").asString()).isEqualTo("MISSING_IN_LEDGER");
        assertThat(difference.get("stripe_source").asString()).isEqualTo(refund);
        assertThat(difference.path("stripe_account").asString(null))
                .as("the platform's own account")
                .isNull();
        assertThat(difference.get("stripe_net").get("minor").asLong()).isEqualTo(-5_000);
        assertThat(difference.get("stripe_net").get("currency").asString()).isEqualTo("EUR");
        assertThat(difference.get("ledger_net").get("minor").asLong()).isZero();
        assertThat(difference.get("detail").asString()).contains(refund, "-50.00 EUR", "no entry");
        assertThat(differencesGauge()).isEqualTo(1);

        var read = api.get("/api/v1/reconciliations/" + found.get("id").asString())
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("differences").get(0).get("stripe_source").asString())
                .isEqualTo(refund);
        var list = api.get("/api/v1/reconciliations?limit=2")
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .send();
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get(0).get("id").asString())
                .as("newest first")
                .isEqualTo(found.get("id").asString());
        assertThat(list.json().get(0).get("differences"))
                .as("lists leave differences out")
                .isEmpty();
        assertThat(list.json().get(1).get("id").asString())
                .isEqualTo(clean.get("id").asString());
    }

    @Test
    void aPayoutTheLedgerRecordedThatStripeNeverMadeIsMissingAtStripe() {
        Carrier carrier = carrierWithPayouts();
        LocalDate day = today().minusDays(1);
        String payout = "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        systemAccess.transaction(
                ACROSS_TENANTS,
                "test: a payout only the ledger knows",
                () -> ledger.post(Journal.builder(
                                "payout:" + payout,
                                JournalKind.PAYOUT,
                                java.util.Currency.getInstance("EUR"),
                                day.atTime(10, 0).toInstant(ZoneOffset.UTC))
                        .tenant(carrier.parties().carrier().value())
                        .description("A payout Stripe never made")
                        .carrierBalance(carrier.parties().carrier().value(), carrier.account(), -12_345, payout)
                        .of(carrier.parties().carrier().value(), LedgerAccountKind.CARRIER_PAYOUTS_IN_TRANSIT, 12_345)
                        .build()));

        JsonNode run = reconcile(day, 200);

        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        List<JsonNode> differences = new ArrayList<>();
        run.get("differences").forEach(differences::add);
        assertThat(differences)
                .filteredOn(
                        difference -> difference.get("stripe_source").asString().equals(payout))
                .singleElement()
                .satisfies(difference -> {
                    assertThat(difference.get("kind").asString()).isEqualTo("MISSING_AT_STRIPE");
                    assertThat(difference.get("stripe_account").asString()).isEqualTo(carrier.account());
                    assertThat(difference.get("ledger_net").get("minor").asLong())
                            .isEqualTo(-12_345);
                    assertThat(difference.get("stripe_net").get("minor").asLong())
                            .isZero();
                });
    }

    @Test
    void theScheduledRunOfADayHappensOnceAcrossStartsAndAFailedOneRunsAgain() {
        LocalDate day = today().minusDays(2);
        double failedBefore = runs("failed");
        stripe.control().injectFault(FaultRule.serverError("GET", "/v1/balance_transactions"));

        assertThat(job.scheduled(day)).contains(BatchStatus.FAILED);

        stripe.control().clearFaults();
        assertThat(runsOf(day)).singleElement().satisfies(run -> {
            assertThat(run.get("status").asString()).isEqualTo("FAILED");
            assertThat(run.get("trigger").asString()).isEqualTo("SCHEDULED");
            assertThat(run.get("error").asString()).contains("could not be read");
        });
        assertThat(runs("failed")).isEqualTo(failedBefore + 1);

        job.daily();
        assertThat(runsOf(day))
                .as("the daily round runs the failed day again")
                .extracting(run -> run.get("status").asString())
                .containsExactly("COMPLETED", "FAILED");
        assertThat(job.scheduled(day))
                .as("the job repository refuses a second start of the completed day")
                .isEmpty();

        List<JsonNode> runs = runsOf(day);
        assertThat(runs).extracting(run -> run.get("status").asString()).containsExactly("COMPLETED", "FAILED");
        assertThat(runs.getFirst().get("difference_count").asInt()).isZero();

        assertThat(reconcile(day, 200).get("status").asString())
                .as("on demand, the day runs again whatever ran before")
                .isEqualTo("COMPLETED");
        assertThat(runsOf(day)).hasSize(3);
    }

    @Test
    void aDayThatHasNotBegunOrIsNoDateIsRefusedAndOnlyPlatformFinanceRuns() {
        var tomorrow = postReconciliation(
                callers.platformStaff(Role.FINANCE_SUPERVISOR), "{\"day\":\"" + today().plusDays(1) + "\"}");
        assertThat(tomorrow.status()).as(tomorrow.body()).isEqualTo(422);
        assertThat(tomorrow.contentType()).startsWith("application/problem+json");
        assertThat(tomorrow.json().get("type").asString()).isEqualTo("/problems/reconciliation-day-refused");

        var malformed = postReconciliation(callers.platformStaff(Role.PLATFORM_ADMIN), "{\"day\":\"2026-13-45\"}");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(422);
        assertThat(malformed.json().get("type").asString()).isEqualTo("/problems/reconciliation-day-refused");

        var agent = postReconciliation(callers.platformStaff(Role.FINANCE_AGENT), "{\"day\":\"" + today() + "\"}");
        assertThat(agent.status()).as(agent.body()).isEqualTo(403);
        assertThat(agent.json().get("type").asString()).isEqualTo("/problems/forbidden");

        var unknown = api.get("/api/v1/reconciliations/" + UUID.randomUUID())
                .token(callers.platformStaff(Role.FINANCE_SUPERVISOR))
                .send();
        assertThat(unknown.status()).isEqualTo(404);
    }

    // ---- fixtures ----

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private JsonNode reconcile(LocalDate day, int expectedStatus) {
        var response = postReconciliation(callers.platformStaff(Role.FINANCE_SUPERVISOR), "{\"day\":\"" + day + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return response.json();
    }

    private Api.Response postReconciliation(String token, String json) {
        return api.post("/api/v1/reconciliations", json)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    /** The day's runs, newest first. */
    private List<JsonNode> runsOf(LocalDate day) {
        var response = api.get("/api/v1/reconciliations?limit=200")
                .token(callers.platformStaff(Role.PLATFORM_ADMIN))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> runs = new ArrayList<>();
        response.json().forEach(run -> {
            if (run.get("day").asString().equals(day.toString())) {
                runs.add(run);
            }
        });
        return runs;
    }

    /** The ledger's journals with entries mirroring Stripe object {@code source}. */
    private int journals(String source) {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "test: journals of " + source,
                () -> jdbc.queryForObject(
                        "SELECT count(DISTINCT journal_id) FROM ledger_entries WHERE stripe_source = ?",
                        Integer.class,
                        source));
    }

    private double differencesGauge() {
        return meters.get("freightgate.reconciliation.differences").gauge().value();
    }

    private double runs(String outcome) {
        return Optional.ofNullable(meters.find("freightgate.reconciliation.runs")
                        .tag("outcome", outcome)
                        .counter())
                .map(counter -> counter.count())
                .orElse(0.0);
    }
}

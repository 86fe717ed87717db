package io.freightgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.RequestOptions;
import com.stripe.param.AccountUpdateParams;
import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.transfers.TransferJourneys;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Four weeks of business against the Stripe emulator, a day at a time: three carriers (weekly, daily and manual payout
 * schedules) bill their shipper every day and are paid by card, by 3-D Secure, after a decline, and by SEPA Direct
 * Debit (some of which fail and are paid by card the next day); deliveries release transfers; finance holds and
 * releases some, reverses and restores others; some requests are refunded before and after their transfer; disputes
 * are opened and won or lost; the manual carrier asks for payouts every week, one of which its bank refuses.
 *
 * <p>Afterwards the ledger balances to the cent, its entries on Stripe balances equal the emulator's balance
 * transactions for every Stripe object of the month and for the carriers' connected accounts in full, the daily
 * reconciliation finds zero differences on every day of the month, and every paid payout's remittance adds up to the
 * payout. The clock moves by days, so this runs in the time-travel JVM.
 */
@Tag("time-travel")
class SimulatedMonthIT extends TransferJourneys {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    Reconciliations reconciliations;

    /** One payment request of the month and what the script does with it. */
    static final class Bill {
        final int number;
        final Carrier carrier;
        final UUID load;
        final String id;
        int day;
        boolean delivered;
        boolean disputed;
        boolean held;
        String dispute;

        Bill(int number, Carrier carrier, UUID load, String id, int day) {
            this.number = number;
            this.carrier = carrier;
            this.load = load;
            this.id = id;
            this.day = day;
        }
    }

    @Test
    void aMonthOfPaymentsBalancesToTheCentAndMatchesStripe() throws Exception {
        stripe.control().advanceClock(Duration.ofDays(1));
        LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Carrier> carriers = new LinkedHashMap<>();
        carriers.put("weekly", carrierWithPayouts("Weekly Haulage " + UUID.randomUUID(), "weekly"));
        carriers.put("daily", carrierWithPayouts("Daily Freight " + UUID.randomUUID(), "daily"));
        carriers.put("manual", carrierWithPayouts("Manual Trucking " + UUID.randomUUID(), "manual"));
        trustedByRiskAnalysts(carriers.values());
        List<Bill> bills = new ArrayList<>();
        List<String> payouts = new ArrayList<>();
        int number = 0;

        for (int day = 0; day < 28; day++) {
            // yesterday's deliveries release transfers; requests left open (failed SEPA debits) are paid by card
            for (Bill bill : bills) {
                if (bill.day == day - 1 && !bill.delivered && status(bill).equals("OPEN")) {
                    payCard(bill, "pm_card_visa");
                }
                if (bill.day == day - 1 && !bill.delivered) {
                    transfers.deliveryConfirmedForLoad(
                            bill.load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"));
                    bill.delivered = true;
                    if (bill.held) {
                        assertThat(release(bill.id, Role.FINANCE_SUPERVISOR, "MANUAL")
                                        .status())
                                .as("release of " + bill.number)
                                .isEqualTo(200);
                    }
                }
                if (bill.day == day - 2
                        && bill.number % 5 == 2
                        && transferStatus(bill).equals("SENT")) {
                    var refunded = refund(bill.carrier.parties().carrier(), bill.id, "{\"amount_minor\":5000}");
                    assertThat(refunded.status())
                            .as("partial refund after the transfer of " + bill.number + ": " + refunded.body())
                            .isEqualTo(201);
                }
                if (bill.day == day - 2
                        && bill.number % 8 == 5
                        && transferStatus(bill).equals("SENT")) {
                    assertThat(supervisor("/transfer/reversal", bill).status()).isEqualTo(200);
                }
                if (bill.day == day - 3
                        && bill.number % 8 == 5
                        && transferStatus(bill).equals("REVERSED")) {
                    assertThat(supervisor("/transfer/restoration", bill).status())
                            .isEqualTo(200);
                }
                if (bill.disputed && bill.day == day - 4) {
                    stripe.control().decideDispute(apiKey, null, bill.dispute, bill.number % 20 == 4);
                }
            }

            for (Carrier carrier : carriers.values()) {
                number++;
                UUID load = load(carrier.parties());
                long amount = 20_000 + (number * 7_919L) % 180_000;
                Bill bill = new Bill(
                        number, carrier, load, createForLoad(carrier.parties(), amount, "LD-M-" + number, load), day);
                bills.add(bill);
                switch (number % 6) {
                    case 0, 1 -> payCard(bill, "pm_card_visa");
                    case 2 -> payCard(bill, number % 4 == 0 ? "pm_card_mastercard" : "pm_card_visa");
                    case 3 -> {
                        var pending = pay(
                                carrier.parties(),
                                bill.id,
                                "{\"method\":\"card\",\"payment_method\":\"pm_card_threeDSecure2Required\"}");
                        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
                        stripe.control()
                                .authenticate(
                                        apiKey,
                                        null,
                                        pending.json()
                                                .get("stripe_payment_intent_id")
                                                .asString(),
                                        true);
                        await().atMost(Duration.ofSeconds(15))
                                .until(() -> status(bill).equals("PAID"));
                    }
                    case 4 -> {
                        var processing = pay(
                                carrier.parties(),
                                bill.id,
                                sepa(number % 3 == 0 ? "DE62370400440532013001" : "DE89370400440532013000"));
                        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
                    }
                    default -> {
                        assertThat(pay(
                                                carrier.parties(),
                                                bill.id,
                                                "{\"method\":\"card\",\"payment_method\":"
                                                        + "\"pm_card_chargeDeclinedInsufficientFunds\"}")
                                        .status())
                                .isEqualTo(402);
                        payCard(bill, "pm_card_mastercard");
                    }
                }
                if (number % 7 == 3) {
                    var held = api.post(
                                    "/api/v1/payment-requests/" + bill.id + "/transfer/holds",
                                    "{\"reason\":\"MANUAL\",\"note\":\"month: checking the bank details\"}")
                            .token(callers.platformStaff(Role.FINANCE_AGENT))
                            .idempotencyKey(UUID.randomUUID().toString())
                            .send();
                    assertThat(held.status()).as(held.body()).isIn(201, 409);
                    bill.held = held.status() == 201;
                }
                if (number % 13 == 7 && status(bill).equals("PAID")) {
                    assertThat(refund(carrier.parties().carrier(), bill.id, "{}")
                                    .status())
                            .as("full refund before delivery of " + number)
                            .isEqualTo(201);
                }
                if (number % 10 == 4 && status(bill).equals("PAID")) {
                    bill.disputed = true;
                    bill.dispute = stripe.control()
                            .createDispute(
                                    apiKey,
                                    null,
                                    chargesOf(bill.id).getFirst().getId(),
                                    DisputeRequest.chargeback("product_not_received", "visa"));
                }
            }

            if (day % 7 == 5) {
                Carrier manual = carriers.get("manual");
                if (day == 19) {
                    bankAccount(manual.account(), "btok_us_verified_noAccount");
                } else if (day == 26) {
                    bankAccount(manual.account(), "btok_us_verified");
                }
                var payout = api.post(
                                "/api/v1/carriers/" + manual.parties().carrier() + "/payouts", "{\"currency\":\"EUR\"}")
                        .token(callers.of(manual.parties().carrier(), Role.CARRIER_FINANCE))
                        .idempotencyKey(UUID.randomUUID().toString())
                        .send();
                assertThat(payout.status()).as(payout.body()).isIn(201, 409, 422);
                if (payout.status() == 409) {
                    // a bank account change shortly before a transfer holds payouts until a risk analyst has looked
                    assertThat(payout.body()).contains("payouts are held");
                    analystReleasesPayoutAccountChangeHolds(manual.parties().carrier(), false);
                }
                if (payout.status() == 201) {
                    payouts.add(payout.json().get("id").asString());
                }
            }

            stripe.control().advanceClock(Duration.ofDays(1));
            retries.run();
            reconciliation.reconcile();
            settle();
        }
        stripe.control().advanceClock(Duration.ofDays(4));
        retries.run();
        settle();

        LedgerChecks ledger = new LedgerChecks(jdbc, systemAccess, stripeClient);
        assertThat(ledger.unbalancedJournals()).as("every journal balances").isEmpty();
        assertThat(systemAccess.transaction(
                        ACROSS_TENANTS,
                        "sum the ledger",
                        () -> jdbc.queryForObject(
                                "SELECT coalesce(sum(amount_minor), 0) FROM ledger_entries", Long.class)))
                .as("the whole ledger sums to zero")
                .isZero();
        List<String> ids = bills.stream().map(b -> b.id).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ledger.mismatches(ids)).isEmpty();
            for (Carrier carrier : carriers.values()) {
                assertThat(ledger.accountMismatches(carrier.account())).isEmpty();
            }
        });
        // the application's own daily reconciliation agrees: every day of the month, zero differences
        LocalDate last = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int reconciled = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            ReconciliationView run = reconciliations.run(day);
            assertThat(run.status())
                    .as(day + ": " + run.error().orElse(""))
                    .isEqualTo(ReconciliationView.Status.COMPLETED);
            assertThat(run.differenceCount())
                    .as(day + ": "
                            + reconciliations.find(run.id()).orElseThrow().differences())
                    .isZero();
            reconciled += run.balanceTransactions();
        }
        assertThat(reconciled)
                .as("balance transactions reconciled over the month")
                .isGreaterThan(200);

        for (Bill bill : bills) {
            if (!bill.disputed && transferStatus(bill).equals("SENT")) {
                assertThat(ledger.sum(bill.id, "CARRIER_PAYABLE"))
                        .as("request " + bill.number + " owes the carrier nothing more")
                        .isZero();
            }
        }
        Map<String, Long> kinds = systemAccess.transaction(ACROSS_TENANTS, "count journals", () -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            jdbc.query(
                    "SELECT kind, count(*) FROM ledger_journals WHERE occurred_at >= ? GROUP BY kind",
                    rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    },
                    java.sql.Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()));
            return counts;
        });
        assertThat(kinds)
                .as("the month exercised every kind of movement")
                .containsKeys(
                        "PAYMENT",
                        "STRIPE_FEE",
                        "TRANSFER",
                        "TRANSFER_REVERSAL",
                        "REFUND",
                        "DISPUTE_WITHDRAWAL",
                        "DISPUTE_REINSTATEMENT",
                        "DISPUTE_LOST",
                        "PAYOUT",
                        "PAYOUT_PAID",
                        "PAYOUT_FAILURE");

        int remittances = 0;
        for (Carrier carrier : carriers.values()) {
            String finance = callers.of(carrier.parties().carrier(), Role.CARRIER_FINANCE);
            for (JsonNode payout : payoutsOf(carrier, finance)) {
                if (!payout.get("status").asString().equals("PAID")) {
                    continue;
                }
                String payoutId = payout.get("id").asString();
                JsonNode remittance = await().atMost(Duration.ofSeconds(15))
                        .until(
                                () -> api.get("/api/v1/carriers/"
                                                + carrier.parties().carrier() + "/payouts/" + payoutId + "/remittance")
                                        .token(finance)
                                        .send(),
                                response -> response.status() == 200)
                        .json();
                long lines = 0;
                for (JsonNode line : remittance.get("lines")) {
                    lines += line.get("net").get("minor").asLong();
                }
                assertThat(remittance.get("balanced").asBoolean())
                        .as(remittance.toString())
                        .isTrue();
                assertThat(lines)
                        .as("remittance of " + payoutId)
                        .isEqualTo(payout.get("amount").get("minor").asLong());
                remittances++;
            }
        }
        assertThat(remittances).as("paid payouts with remittances").isGreaterThanOrEqualTo(4);
        assertThat(payoutsOf(
                        carriers.get("manual"),
                        callers.of(carriers.get("manual").parties().carrier(), Role.CARRIER_FINANCE)))
                .as("the payout the bank refused")
                .anySatisfy(p -> assertThat(p.get("status").asString()).isEqualTo("FAILED"));
    }

    // ---- the script's moves

    /**
     * The month's shippers all pay with Stripe's shared test cards, which stand for many different cards here; at
     * Stripe one number is one fingerprint, so a dispute in the month would have fraud feedback review every later
     * payment with that test card (:card_has_disputes:). A risk analyst trusts these shippers and puts an allow rule for
     * trusted shippers in force (docs/fraud.md), which beats the review rules, as for any known good shipper.
     */
    void trustedByRiskAnalysts(java.util.Collection<Carrier> carriers) {
        String analyst = callers.platformStaff(io.freightgate.security.Role.RISK_ANALYST);
        for (Carrier carrier : carriers) {
            var trusted = api.post(
                            "/api/v1/fraud/list-entries",
                            "{\"list\":\"TRUST\",\"kind\":\"SHIPPER\",\"value\":\"%s\",\"reason\":\"simulated month\"}"
                                    .formatted(carrier.parties().shipper()))
                    .token(analyst)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
            assertThat(trusted.status()).as(trusted.body()).isIn(201, 409);
        }
        var rule = api.post(
                        "/api/v1/fraud/rules",
                        "{\"name\":\"month-trusted-%s\",\"text\":\"allow if :shipper_trusted:\"}"
                                .formatted(UUID.randomUUID().toString().substring(0, 8)))
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        var enabled = api.post("/api/v1/fraud/rules/" + rule.json().get("id").asString() + "/enable", "")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
    }

    void payCard(Bill bill, String paymentMethod) {
        var paid = pay(
                bill.carrier.parties(), bill.id, "{\"method\":\"card\",\"payment_method\":\"" + paymentMethod + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    String status(Bill bill) {
        return read(bill.carrier.parties().carrier(), bill.id).get("status").asString();
    }

    String transferStatus(Bill bill) {
        return transfer(bill.carrier.parties().carrier(), bill.id).get("status").asString();
    }

    io.freightgate.support.Api.Response supervisor(String path, Bill bill) {
        return api.post("/api/v1/payment-requests/" + bill.id + path, "")
                .token(callers.platformStaff(Role.FINANCE_SUPERVISOR))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    void bankAccount(String account, String token) {
        try {
            stripeClient
                    .v1()
                    .accounts()
                    .update(
                            account,
                            AccountUpdateParams.builder()
                                    .setExternalAccount(token)
                                    .build(),
                            RequestOptions.getDefault());
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> payoutsOf(Carrier carrier, String token) {
        var response = api.get("/api/v1/carriers/" + carrier.parties().carrier() + "/payouts")
                .token(token)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        JsonNode items = json.has("items") ? json.get("items") : json.has("data") ? json.get("data") : json;
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /** Waits until the webhooks the day produced are processed. */
    void settle() {
        await().pollDelay(Duration.ofMillis(400))
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM webhook_inbox WHERE status IN ('RECEIVED', 'RETRYING',"
                                        + " 'PROCESSING')",
                                Long.class)
                        == 0);
    }
}

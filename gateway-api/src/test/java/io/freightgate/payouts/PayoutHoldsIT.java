package io.freightgate.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Account;
import com.stripe.param.AccountExternalAccountCreateParams;
import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.fraud.DeviceFingerprints;
import io.freightgate.fraud.PaymentHeldForReview;
import io.freightgate.fraud.ReviewClosed;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.internal.PayoutHoldRecords;
import io.freightgate.payouts.internal.PayoutScheduleCalls;
import io.freightgate.platform.stripe.calls.StripeCallJanitor;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.Role;
import io.freightgate.transfers.TransferJourneys;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Payout holds against the Stripe emulator (ADR 0014): a fraud review's hold switches the carrier's connected account
 * to manual payouts at Stripe, a second hold and the end of one keep it manual, the end of the last restores the
 * schedule the account had; a change whose send failed is completed by the Stripe-call janitor.
 */
class PayoutHoldsIT extends TransferJourneys {

    @Autowired
    PayoutHolds holds;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StripeCallJanitor janitor;

    @Autowired
    PayoutHoldRecords holdRecords;

    @Autowired
    DeviceFingerprints devices;

    @Test
    void holdsKeepTheAccountOnManualPayoutsAtStripeUntilTheLastEndsAndThenRestoreItsSchedule() throws Exception {
        Carrier carrier = carrierWithPayouts("Held Haulage " + UUID.randomUUID(), "weekly");
        TenantId tenant = carrier.parties().carrier();
        assertThat(interval(carrier.account())).isEqualTo("weekly");
        UUID review = UUID.randomUUID();
        PaymentRequestId request = new PaymentRequestId(UUID.randomUUID());

        transactions.executeWithoutResult(status -> events.publishEvent(new PaymentHeldForReview(
                review, request, tenant, carrier.parties().shipper(), "AFTER_AUTHORIZATION")));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> interval(carrier.account()).equals("manual"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> holdsOf(tenant).get("confirmed_at_stripe").asBoolean());
        JsonNode held = holdsOf(tenant);
        assertThat(held.get("manual_payouts").asBoolean()).isTrue();
        assertThat(held.get("active")).singleElement().satisfies(hold -> {
            assertThat(hold.get("reference").asString()).isEqualTo("fraud-review:" + review);
            assertThat(hold.get("held_by").asString()).isEqualTo("flow:fraud-review-holds-payouts");
        });

        var onDemand = api.post(
                        "/api/v1/carriers/" + tenant + "/payouts", "{\"currency\":\"EUR\",\"amount_minor\":100}")
                .token(callers.of(tenant, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(onDemand.status()).as(onDemand.body()).isEqualTo(409);
        assertThat(onDemand.body()).contains("payouts are held");

        PayoutHoldView second = systemAccess.call(
                "test", () -> holds.hold(tenant, "dispute:dp_test", "Dispute dp_test on the carrier's payment"));
        PayoutHoldView again =
                systemAccess.call("test", () -> holds.hold(tenant, "dispute:dp_test", "held a second time"));
        assertThat(again.heldAt()).as("the same hold, not a second one").isEqualTo(second.heldAt());
        assertThat(again.reason()).isEqualTo("Dispute dp_test on the carrier's payment");

        transactions.executeWithoutResult(status -> events.publishEvent(
                new ReviewClosed(review, request, tenant, ReviewClosed.Outcome.APPROVED, "analyst@platform.test")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> holdsOf(tenant).get("released").size() == 1);
        JsonNode oneLeft = holdsOf(tenant);
        assertThat(oneLeft.get("active"))
                .singleElement()
                .satisfies(hold -> assertThat(hold.get("reference").asString()).isEqualTo("dispute:dp_test"));
        assertThat(oneLeft.get("manual_payouts").asBoolean()).isTrue();
        assertThat(oneLeft.get("confirmed_at_stripe").asBoolean()).isTrue();
        assertThat(interval(carrier.account())).as("one hold is left").isEqualTo("manual");

        var released = api.call(
                        "DELETE",
                        "/api/v1/carriers/" + tenant + "/payout-holds/dispute:dp_test",
                        "",
                        "application/json")
                .idempotencyKey(UUID.randomUUID().toString())
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(released.status()).as(released.body()).isEqualTo(204);

        Account restored = stripeClient.v1().accounts().retrieve(carrier.account());
        assertThat(restored.getSettings().getPayouts().getSchedule().getInterval())
                .isEqualTo("weekly");
        assertThat(restored.getSettings().getPayouts().getSchedule().getWeeklyAnchor())
                .isEqualTo("friday");
        JsonNode after = holdsOf(tenant);
        assertThat(after.get("active")).isEmpty();
        assertThat(after.get("released")).hasSize(2);
        assertThat(after.get("manual_payouts").asBoolean()).isFalse();
        assertThat(after.get("confirmed_at_stripe").asBoolean()).isTrue();
        assertThat(scheduleCalls(tenant))
                .as("one switch to manual and one back, each a recorded call Stripe approved")
                .containsExactly("APPROVED", "APPROVED");

        var releasedAgain = api.call(
                        "DELETE",
                        "/api/v1/carriers/" + tenant + "/payout-holds/dispute:dp_test",
                        "",
                        "application/json")
                .idempotencyKey(UUID.randomUUID().toString())
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(releasedAgain.status()).isEqualTo(404);
        assertThat(releasedAgain.body()).contains("not-found");
        var byCarrier = api.get("/api/v1/carriers/" + tenant + "/payout-holds")
                .token(callers.of(tenant, Role.CARRIER_ADMIN))
                .send();
        assertThat(byCarrier.status()).isEqualTo(403);
    }

    @Test
    void aSwitchStripeFailedIsCompletedByTheJanitor() throws Exception {
        Carrier carrier = carrierWithPayouts("Janitor Haulage " + UUID.randomUUID(), "daily");
        TenantId tenant = carrier.parties().carrier();
        stripe.control()
                .injectFault(FaultRule.serverError("POST", "/v1/accounts/" + carrier.account())
                        .times(1));

        systemAccess.call("test", () -> holds.hold(tenant, "test:janitor", "a hold whose first send fails"));

        assertThat(interval(carrier.account())).isEqualTo("daily");
        JsonNode pending = holdsOf(tenant);
        assertThat(pending.get("manual_payouts").asBoolean()).isTrue();
        assertThat(pending.get("confirmed_at_stripe").asBoolean()).isFalse();
        assertThat(pending.get("last_error").asString()).isNotBlank();

        janitor.run(Set.of(PayoutScheduleCalls.OPERATION));

        assertThat(interval(carrier.account())).isEqualTo("manual");
        assertThat(holdsOf(tenant).get("confirmed_at_stripe").asBoolean()).isTrue();
        assertThat(scheduleCalls(tenant)).containsExactly("APPROVED");

        systemAccess.call("test", () -> holds.release(tenant, "test:janitor"));
        assertThat(interval(carrier.account())).isEqualTo("daily");
    }

    @Test
    void racingHoldsAndReleasesLeaveTheAccountWhereTheHoldsWantIt() throws Exception {
        Carrier carrier = carrierWithPayouts("Racing Haulage " + UUID.randomUUID(), "weekly");
        TenantId tenant = carrier.parties().carrier();
        int threads = 8;

        race(threads, i -> {
            holds.hold(tenant, "race:" + i, "racing hold " + i);
            if (i % 2 == 1) {
                holds.release(tenant, "race:" + i);
            }
        });
        converged(tenant);
        assertThat(holdsOf(tenant).get("active")).hasSize(threads / 2);
        assertThat(interval(carrier.account())).isEqualTo("manual");

        race(threads, i -> holds.release(tenant, "race:" + i));
        converged(tenant);
        JsonNode after = holdsOf(tenant);
        assertThat(after.get("active")).isEmpty();
        assertThat(after.get("manual_payouts").asBoolean()).isFalse();
        assertThat(interval(carrier.account())).isEqualTo("weekly");
        assertThat(scheduleCalls(tenant))
                .as("every recorded switch is settled: made, or superseded by a later one")
                .isNotEmpty()
                .allMatch(outcome -> outcome.equals("APPROVED") || outcome.equals("NOT_ATTEMPTED"));
    }

    @Test
    void aReviewClosedBeforeItsHoldWasHeardHoldsNothingWhenTheHoldArrives() throws Exception {
        Carrier carrier = carrierWithPayouts("Replayed Haulage " + UUID.randomUUID(), "weekly");
        TenantId tenant = carrier.parties().carrier();
        UUID review = UUID.randomUUID();
        PaymentRequestId request = new PaymentRequestId(UUID.randomUUID());

        // replayed after a restart, out of order: the review's end first, then its start
        transactions.executeWithoutResult(status -> events.publishEvent(
                new ReviewClosed(review, request, tenant, ReviewClosed.Outcome.REJECTED, "analyst@platform.test")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> holdsOf(tenant).get("released").size() == 1);
        transactions.executeWithoutResult(status -> events.publishEvent(new PaymentHeldForReview(
                review, request, tenant, carrier.parties().shipper(), "AFTER_AUTHORIZATION")));

        await().atMost(Duration.ofSeconds(20))
                .alias("the payout holds' listener of the review's start has run")
                .until(() -> Long.valueOf(1)
                        .equals(jdbc.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL"
                                        + " AND event_type = ? AND listener_id LIKE '%FraudReviewsHoldCarrierPayouts%'"
                                        + " AND serialized_event LIKE ?",
                                Long.class, PaymentHeldForReview.class.getName(), "%" + review + "%")));
        JsonNode after = holdsOf(tenant);
        assertThat(after.get("released"))
                .singleElement()
                .satisfies(hold -> assertThat(hold.get("reference").asString()).isEqualTo("fraud-review:" + review));
        assertThat(after.get("manual_payouts").asBoolean()).isFalse();
        assertThat(interval(carrier.account())).isEqualTo("weekly");
    }

    @Test
    void aHoldCommittedWhileAPayoutIsBeingRecordedRefusesThePayout() throws Exception {
        Carrier carrier = carrierWithPayouts("Racing Haulage " + UUID.randomUUID(), "weekly");
        TenantId tenant = carrier.parties().carrier();
        var placed = new java.util.concurrent.CountDownLatch(1);
        var commit = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            // a hold placed as PayoutHolds places one (under the carrier's schedule lock), its commit held back
            var hold = pool.submit(() -> Tenancy.runAs(
                    tenant,
                    "test",
                    () -> transactions.executeWithoutResult(status -> {
                        holdRecords.lockSchedule(tenant.value(), java.time.Instant.now());
                        holdRecords.hold(
                                tenant.value(),
                                "fraud-rule:race",
                                "placed while a payout is asked for",
                                "test",
                                java.time.Instant.now());
                        placed.countDown();
                        try {
                            commit.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })));
            placed.await();
            var payout = pool.submit(() -> api.post(
                            "/api/v1/carriers/" + tenant + "/payouts", "{\"currency\":\"EUR\",\"amount_minor\":100}")
                    .token(callers.of(tenant, Role.CARRIER_ADMIN))
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send());
            await().atMost(Duration.ofSeconds(20))
                    .alias("the payout's recording waits for the hold's transaction")
                    .until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE '%payout_hold_schedules%')",
                            Boolean.class)));
            commit.countDown();
            hold.get(30, java.util.concurrent.TimeUnit.SECONDS);

            var answer = payout.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.body()).contains("payouts are held");
        }
        assertThat(stripe.control().requests().stream()
                        .filter(request -> request.is("POST", "/v1/payouts")
                                && carrier.account().equals(request.account()))
                        .toList())
                .as("no payout reached Stripe for the held carrier")
                .isEmpty();
    }

    @Test
    void aPayoutBankAccountChangedShortlyBeforeATransferHoldsTheCarriersPayoutsUntilAnAnalystReleasesThem()
            throws Exception {
        Carrier carrier = carrierWithPayouts("Changed Bank Haulage " + UUID.randomUUID(), "weekly");
        TenantId tenant = carrier.parties().carrier();
        await().atMost(Duration.ofSeconds(20)).until(() -> bankAccounts(tenant) == 1);
        assertThat(changes(tenant))
                .as("the onboarding's bank account is no change")
                .isEmpty();

        String bank = stripeClient
                .v1()
                .accounts()
                .externalAccounts()
                .create(
                        carrier.account(),
                        AccountExternalAccountCreateParams.builder()
                                .setExternalAccount("btok_us_verified")
                                .build())
                .getId();
        await().atMost(Duration.ofSeconds(20)).until(() -> changes(tenant).contains(bank));
        assertThat(holdsOf(tenant).get("active"))
                .as("a change alone, without a new device's login before it, holds nothing yet")
                .isEmpty();
        int mark = stripe.control().requests().size();

        UUID load = load(carrier.parties());
        String id = createForLoad(carrier.parties(), 1_000_00, "LD-BANK-" + UUID.randomUUID(), load);
        paid(carrier.parties(), id, "pm_card_visa");
        transfers.deliveryConfirmedForLoad(load, new io.freightgate.billing.DeliveryProof.Sufficient("pod"));

        String reference = "payout-account-change:" + bank;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> holdsOf(tenant).get("confirmed_at_stripe").asBoolean()
                        && holdsOf(tenant).get("active").size() == 1);
        assertThat(holdsOf(tenant).get("active")).singleElement().satisfies(hold -> {
            assertThat(hold.get("reference").asString()).isEqualTo(reference);
            assertThat(hold.get("held_by").asString()).isEqualTo("flow:payout-account-change-holds-payouts");
            assertThat(hold.get("reason").asString()).contains("after the payout bank account changed (" + bank + ")");
        });
        assertThat(interval(carrier.account()))
                .as("the emulator has the account on manual payouts")
                .isEqualTo("manual");
        assertThat(stripe.control()
                        .requests()
                        .subList(mark, stripe.control().requests().size()))
                .as("the switch to manual payouts reached the emulator")
                .anyMatch(r -> r.is("POST", "/v1/accounts/" + carrier.account())
                        && r.idempotencyKey() != null
                        && r.idempotencyKey().startsWith("fg-payout-schedule-" + tenant.value()));

        var released = api.call(
                        "DELETE", "/api/v1/carriers/" + tenant + "/payout-holds/" + reference, "", "application/json")
                .idempotencyKey(UUID.randomUUID().toString())
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(released.status()).as(released.body()).isEqualTo(204);
        assertThat(interval(carrier.account()))
                .as("released by the existing path")
                .isEqualTo("weekly");
    }

    @Test
    void anAdminsLoginFromANewDeviceThenAPayoutBankAccountChangeHoldsThePayouts() throws Exception {
        Carrier carrier = carrierWithPayouts("New Device Haulage " + UUID.randomUUID(), "daily");
        TenantId tenant = carrier.parties().carrier();
        UUID admin = UUID.randomUUID();
        String canvas = UUID.randomUUID().toString().substring(0, 8);
        String usual = devices.identify(collected("1920x1080x24", canvas)).orElseThrow();
        String fresh = devices.identify(collected("1280x800x24", canvas)).orElseThrow();
        devices.loggedIn(usual, tenant, admin, true);
        devices.loggedIn(usual, tenant, admin, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> bankAccounts(tenant) == 1);

        devices.loggedIn(fresh, tenant, admin, true);
        String bank = stripeClient
                .v1()
                .accounts()
                .externalAccounts()
                .create(
                        carrier.account(),
                        AccountExternalAccountCreateParams.builder()
                                .setExternalAccount("btok_us_verified")
                                .build())
                .getId();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> holdsOf(tenant).get("active").size() == 1
                        && holdsOf(tenant).get("confirmed_at_stripe").asBoolean());
        assertThat(holdsOf(tenant).get("active")).singleElement().satisfies(hold -> {
            assertThat(hold.get("reference").asString()).isEqualTo("payout-account-change:" + bank);
            assertThat(hold.get("reason").asString())
                    .contains("after an administrator's login from a new device (" + fresh);
        });
        assertThat(interval(carrier.account())).isEqualTo("manual");
        systemAccess.call("test", () -> holds.release(tenant, "payout-account-change:" + bank));
        assertThat(interval(carrier.account())).isEqualTo("daily");
    }

    private static String collected(String screen, String canvas) {
        return "ua=Mozilla%2F5.0+Firefox%2F133.0&pl=Win32&lang=pl-PL&scr=" + screen + "&tz=Europe%2FWarsaw&hc=4&cv="
                + canvas;
    }

    private int bankAccounts(TenantId carrier) {
        return systemAccess.call(
                "test",
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "SELECT count(*) FROM payout_bank_accounts WHERE tenant_id = ?",
                        Integer.class,
                        carrier.value())));
    }

    private List<String> changes(TenantId carrier) {
        return systemAccess.call(
                "test",
                () -> transactions.execute(status -> jdbc.queryForList(
                        "SELECT bank_account FROM fraud_payout_account_changes WHERE carrier_id = ?",
                        String.class,
                        carrier.value())));
    }

    private void race(int threads, java.util.function.IntConsumer work) throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    systemAccess.call("test race " + n, () -> {
                        work.accept(n);
                        return null;
                    });
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** What a sender left to the others (or to the janitor) is completed: the janitor's rounds until Stripe has it. */
    private void converged(TenantId tenant) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            janitor.run(Set.of(PayoutScheduleCalls.OPERATION));
            return holdsOf(tenant).get("confirmed_at_stripe").asBoolean()
                    && !scheduleCalls(tenant).contains("INTENDED");
        });
    }

    private List<String> scheduleCalls(TenantId carrier) {
        return systemAccess.call(
                "test",
                () -> transactions.execute(status -> jdbc.queryForList(
                        "SELECT outcome FROM stripe_calls WHERE operation = ? AND tenant_id = ? ORDER BY intended_at",
                        String.class,
                        PayoutScheduleCalls.OPERATION,
                        carrier.value())));
    }
}

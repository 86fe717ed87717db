package io.freightgate.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.emulator.stripe.WebhookBehaviour;
import io.freightgate.emulator.stripe.WebhookDelivery;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.webhooks.internal.EventRecovery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Carriers open and onboard their payout accounts against the Stripe emulator, and the account stays in sync through
 * Connect webhooks however Stripe delivers them: duplicated, reordered, delayed, lost and retried, or lost for good
 * and recovered from the event list.
 */
class CarrierPayoutAccountIT extends PayoutAccountJourneys {

    @Test
    void aCarrierOpensItsPayoutAccountOnboardsInStripeAndIsRestrictedWhileRequirementsArePastDue() throws Exception {
        TenantId carrier = registerCarrier();
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);

        var opened = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{\"payout_interval\":\"weekly\"}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("status").asString()).isEqualTo("ONBOARDING");
        assertThat(opened.json().get("transfers_allowed").asBoolean()).isFalse();
        String account = opened.json().get("stripe_account_id").asString();
        assertThat(account).startsWith("acct_");
        var stripeAccount = stripeClient().v1().accounts().retrieve(account);
        assertThat(stripeAccount.getController().getFees().getPayer()).startsWith("application");
        assertThat(stripeAccount.getController().getLosses().getPayments()).isEqualTo("application");
        assertThat(stripeAccount.getController().getStripeDashboard().getType()).isEqualTo("express");
        assertThat(stripeAccount.getSettings().getPayouts().getSchedule().getInterval())
                .isEqualTo("weekly");

        var again = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(again.status()).isEqualTo(409);

        var link = api.post("/api/v1/carriers/" + carrier + "/onboarding-links", "{}")
                .token(callers.of(carrier, Role.CARRIER_FINANCE))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        URI page = URI.create(link.json().get("url").asString());
        assertThat(browser.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("Submit onboarding details");
        var submitted = browser.send(
                HttpRequest.newBuilder(page)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=submit"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow())
                .endsWith("/carriers/" + carrier + "/onboarding/complete");

        awaitAccount(carrier, a -> a.get("status").asString().equals("ACTIVE"));
        var active = payoutAccount(carrier, admin).json();
        assertThat(active.get("transfers_allowed").asBoolean()).isTrue();
        assertThat(active.get("payouts_enabled").asBoolean()).isTrue();
        assertThat(active.get("transfers_capability").asString()).isEqualTo("active");

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));
        awaitAccount(carrier, a -> a.get("status").asString().equals("RESTRICTED"));
        var restricted = payoutAccount(carrier, admin).json();
        assertThat(restricted.get("transfers_allowed").asBoolean()).isFalse();
        assertThat(restricted.get("requirements").get("past_due").get(0).asString())
                .isEqualTo("individual.verification.document");
        assertThat(restricted.get("requirements").get("disabled_reason").asString())
                .isEqualTo("requirements.past_due");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> PayoutAccountEventsRecorder.published.contains(new PayoutAccountRestricted(
                        carrier, account, DOCUMENT, java.util.Optional.of("requirements.past_due"))));

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());
        awaitAccount(carrier, a -> a.get("status").asString().equals("ACTIVE"));
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        PayoutAccountEventsRecorder.published.contains(new PayoutAccountRestored(carrier, account)));
    }

    @Test
    void aCreationWhoseAnswerWasLostIsCompletedByRepeatingTheRequestAfterALookUpWithoutASecondAccount()
            throws Exception {
        TenantId carrier = registerCarrier();
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);
        int before = stripe.control().requests().size();
        stripe.control()
                .injectFault(io.freightgate.emulator.stripe.FaultRule.processThenTimeOut("POST", "/v1/accounts")
                        .times(1));

        var lost = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{\"payout_interval\":\"daily\"}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        assertThat(payoutAccount(carrier, admin).json().get("status").asString())
                .isEqualTo("PENDING");
        int mark = stripe.control().requests().size();

        var repeated = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{\"payout_interval\":\"daily\"}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(repeated.status()).as(repeated.body()).isEqualTo(201);
        assertThat(repeated.json().get("status").asString()).isEqualTo("ONBOARDING");
        String account = repeated.json().get("stripe_account_id").asString();
        var all = stripe.control().requests();
        var accountRequests = all.subList(mark, all.size()).stream()
                .filter(r -> r.path().equals("/v1/accounts"))
                .toList();
        assertThat(accountRequests).as("the repeat looks the account up").isNotEmpty();
        assertThat(accountRequests.getFirst().method()).isEqualTo("GET");
        assertThat(all.subList(before, all.size()))
                .filteredOn(r -> r.is("POST", "/v1/accounts"))
                .as("one POST /v1/accounts: the lost one")
                .singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).startsWith("fg-payout-account-"));
        assertThat(stripeClient().v1().accounts().retrieve(account).getMetadata())
                .containsEntry("freightgate_tenant", carrier.toString());
    }

    @Test
    void onlyTheCarriersOwnFinanceStaffAndPlatformStaffSeeItsPayoutAccount() {
        TenantId carrier = onboardedCarrier();
        TenantId other = registerCarrier();

        assertThat(payoutAccount(carrier, callers.of(other, Role.CARRIER_ADMIN)).status())
                .isEqualTo(404);
        assertThat(payoutAccount(carrier, callers.of(carrier, Role.CARRIER_DRIVER))
                        .status())
                .isEqualTo(403);
        assertThat(payoutAccount(carrier, callers.platformStaff(Role.FINANCE_AGENT))
                        .status())
                .isEqualTo(200);
        assertThat(payoutAccount(other, callers.of(other, Role.CARRIER_ADMIN)).status())
                .isEqualTo(404);
    }

    @Test
    void duplicatedDeliveriesAreStoredAndAppliedOnce() {
        TenantId carrier = onboardedCarrier();
        String account = stripeAccount(carrier);
        var earlier = ourDeliveries(account).stream().map(WebhookDelivery::id).toList();
        stripe.control().webhookBehaviour(WebhookBehaviour.normal().withDuplicate(true));

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));

        awaitAccount(carrier, a -> a.get("status").asString().equals("RESTRICTED"));
        java.util.function.Supplier<List<WebhookDelivery>> duplicated = () -> ourDeliveries(account).stream()
                .filter(d -> !earlier.contains(d.id()))
                .toList();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> duplicated.get().size() >= 2
                        && duplicated.get().stream().allMatch(d -> d.status().equals("succeeded")));
        await().atMost(Duration.ofSeconds(10)).until(() -> allProcessed(account));
        assertThat(duplicated.get())
                .as("the emulator sent each event twice")
                .allMatch(d -> d.attempts().stream()
                                .filter(a -> a.outcome().equals("delivered"))
                                .count()
                        == 2);
        assertThat(inboxRows(account)).isEqualTo(distinctInboxEvents(account));
        assertThat(PayoutAccountEventsRecorder.published.stream()
                        .filter(e -> e instanceof PayoutAccountRestricted r
                                && r.stripeAccountId().equals(account)))
                .hasSize(1);
    }

    @Test
    void reorderedDeliveriesEndInStripesLatestState() {
        TenantId carrier = onboardedCarrier();
        String account = stripeAccount(carrier);
        stripe.control().webhookBehaviour(new WebhookBehaviour(false, true, Duration.ZERO, 0, Duration.ofMillis(500)));

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));
        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());

        await().atMost(Duration.ofSeconds(15))
                .until(() -> ourDeliveries(account).size() >= 4
                        && ourDeliveries(account).stream()
                                .allMatch(d -> d.status().equals("succeeded"))
                        && allProcessed(account));
        var state =
                payoutAccount(carrier, callers.of(carrier, Role.CARRIER_ADMIN)).json();
        assertThat(state.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(state.get("requirements").get("past_due")).isEmpty();
    }

    @Test
    void delayedAndLostThenRetriedDeliveriesStillArrive() {
        TenantId carrier = onboardedCarrier();
        String account = stripeAccount(carrier);
        stripe.control()
                .webhookBehaviour(WebhookBehaviour.normal()
                        .withDelay(Duration.ofMillis(300))
                        .withDropFirstAttempts(1));

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));

        awaitAccount(carrier, a -> a.get("status").asString().equals("RESTRICTED"));
        WebhookDelivery delivery = ourDeliveries(account).stream()
                .filter(d -> d.eventType().equals("account.updated"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(delivery.attempts().getFirst().outcome()).isEqualTo("dropped");
        assertThat(delivery.attempts().getLast().outcome()).isEqualTo("delivered");
    }

    @Test
    void theRecoveryJobAsksOnlyForUndeliveredEventsAndStoresThoseNoDeliveryBroughtOnce() throws Exception {
        TenantId carrier = onboardedCarrier();
        String account = stripeAccount(carrier);
        List<String> delivered = inboxEventIds(account);
        assertThat(delivered).isNotEmpty();
        stripe.control().webhookBehaviour(WebhookBehaviour.normal().withDropFirstAttempts(10));

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));
        java.util.function.Supplier<List<WebhookDelivery>> lostDeliveries = () -> ourDeliveries(account).stream()
                .filter(d -> !delivered.contains(d.eventId()))
                .toList();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> lostDeliveries.get().stream()
                                .anyMatch(d -> d.eventType().equals("account.updated"))
                        && lostDeliveries.get().stream()
                                .allMatch(d -> d.status().equals("failed")));
        List<String> lost = lostDeliveries.get().stream()
                .map(WebhookDelivery::eventId)
                .distinct()
                .toList();
        assertThat(lostDeliveries.get())
                .as("the endpoint never received these events")
                .allMatch(d -> d.attempts().stream().allMatch(a -> a.outcome().equals("dropped")));
        assertThat(inboxEventIds(account)).containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(payoutAccount(carrier, callers.of(carrier, Role.CARRIER_ADMIN))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");

        EventRecovery.Run run = recovery.run(EventRecovery.Scope.UNDELIVERED);

        assertThat(run.listedEventIds())
                .as("only undelivered events are asked for")
                .containsAll(lost)
                .doesNotContainAnyElementsOf(delivered);
        assertThat(run.storedEventIds()).containsAll(lost).doesNotContainAnyElementsOf(delivered);
        assertThat(inboxEventIds(account)).containsExactlyInAnyOrderElementsOf(concat(delivered, lost));
        awaitAccount(carrier, a -> a.get("status").asString().equals("RESTRICTED"));

        EventRecovery.Run again = recovery.run(EventRecovery.Scope.UNDELIVERED);
        EventRecovery.Run sweep = recovery.run(EventRecovery.Scope.ALL);

        assertThat(again.listedEventIds())
                .as("Stripe still counts them undelivered")
                .containsAll(lost);
        assertThat(sweep.listedEventIds()).containsAll(delivered).containsAll(lost);
        assertThat(again.storedEventIds()).doesNotContainAnyElementsOf(concat(delivered, lost));
        assertThat(sweep.storedEventIds()).doesNotContainAnyElementsOf(concat(delivered, lost));
        assertThat(inboxRows(account)).isEqualTo(delivered.size() + lost.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> allProcessed(account));
        assertThat(PayoutAccountEventsRecorder.published.stream()
                        .filter(e -> e instanceof PayoutAccountRestricted r
                                && r.stripeAccountId().equals(account)))
                .hasSize(1);
    }

    @Test
    void theDailyFullSweepStoresAnEventCreatedWhileTheEndpointWasDisabled() throws Exception {
        TenantId carrier = onboardedCarrier();
        String account = stripeAccount(carrier);
        List<String> delivered = inboxEventIds(account);
        var client = stripeClient();
        String ours = client.v1().webhookEndpoints().list().getData().stream()
                .filter(we -> we.getUrl().equals("http://127.0.0.1:" + port + "/webhooks/stripe/connect"))
                .findFirst()
                .orElseThrow()
                .getId();
        List<String> missed;
        client.v1()
                .webhookEndpoints()
                .update(
                        ours,
                        com.stripe.param.WebhookEndpointUpdateParams.builder()
                                .setDisabled(true)
                                .build());
        try {
            stripe.control().accountRequirements(apiKey, account, AccountRequirements.pastDue(DOCUMENT));
            missed = client
                    .v1()
                    .events()
                    .list(
                            com.stripe.param.EventListParams.builder()
                                    .setLimit(100L)
                                    .build(),
                            com.stripe.net.RequestOptions.builder()
                                    .setStripeAccount(account)
                                    .build())
                    .getData()
                    .stream()
                    .map(com.stripe.model.Event::getId)
                    .filter(id -> !delivered.contains(id))
                    .toList();
        } finally {
            client.v1()
                    .webhookEndpoints()
                    .update(
                            ours,
                            com.stripe.param.WebhookEndpointUpdateParams.builder()
                                    .setDisabled(false)
                                    .build());
        }
        assertThat(missed)
                .as("Stripe created events while the endpoint was disabled")
                .isNotEmpty();
        assertThat(ourDeliveries(account)).noneMatch(d -> missed.contains(d.eventId()));
        assertThat(inboxEventIds(account)).doesNotContainAnyElementsOf(missed);

        EventRecovery.Run sweep = recovery.run(EventRecovery.Scope.ALL);

        assertThat(sweep.storedEventIds()).containsAll(missed).doesNotContainAnyElementsOf(delivered);
        assertThat(inboxEventIds(account)).containsExactlyInAnyOrderElementsOf(concat(delivered, missed));
        awaitAccount(carrier, a -> a.get("status").asString().equals("RESTRICTED"));
    }
}

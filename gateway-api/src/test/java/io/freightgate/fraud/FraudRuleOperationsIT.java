package io.freightgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

/**
 * Rule operations through the API against the embedded PostgreSQL (docs/fraud.md): snoozing a rule for one value,
 * feedback from early fraud warnings and disputes to the watch list and the card's facts, per-rule hit rates, the
 * decisions API, and a dry-run over seeded history with every count checked. Amounts are random odd cents, so rules
 * written here match only the payments seeded here, whatever else the shared database holds.
 */
class FraudRuleOperationsIT extends GatewayIT {

    private static final Reach TEST = Reach.acrossTenants("test reads fraud tables");

    @Autowired
    FraudScreening screening;

    @Autowired
    FraudFeedback feedback;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    Clock clock;

    @Test
    void aSnoozedRuleDoesNotFireForThatCardUntilTheSnoozeIsEnded() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        String card = "fp_snoozed_" + UUID.randomUUID();
        String otherCard = "fp_watched_" + UUID.randomUUID();
        watch("CARD", card);
        watch("CARD", otherCard);
        String watchRule = ruleId("default-10");
        assertThat(screening.screenBeforeConfirmation(payment(eur(90_00), card)).decision())
                .isEqualTo(ScreeningDecision.Decision.REVIEW);

        Instant until = clock.instant().plus(Duration.ofDays(3));
        Api.Response snoozed = api.post(
                        "/api/v1/fraud/rules/" + watchRule + "/snoozes",
                        "{\"kind\":\"CARD\",\"value\":\"%s\",\"reason\":\"known good customer\",\"until\":\"%s\"}"
                                .formatted(card, until))
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(201);
        String snoozeId = snoozed.json().path("id").asText();
        assertThat(snoozed.header("Location")).isEqualTo("/api/v1/fraud/rules/" + watchRule + "/snoozes/" + snoozeId);
        assertThat(snoozed.json().path("active").asBoolean()).isTrue();
        assertThat(snoozed.json().path("rule_name").asText()).isEqualTo("default-10");
        ScreeningDecision whileSnoozed = screening.screenBeforeConfirmation(payment(eur(90_00), card));
        assertThat(whileSnoozed.decision()).isEqualTo(ScreeningDecision.Decision.ALLOW);
        assertThat(whileSnoozed.decidingRule()).isEmpty();
        assertThat(whileSnoozed.explanations())
                .singleElement()
                .asString()
                .startsWith("review if :card_on_watch_list: or :device_on_watch_list: or :ip_on_watch_list:"
                        + " (:card_on_watch_list: = true")
                .contains(" snoozed for CARD '" + card + "' until ")
                .endsWith(" by " + snoozed.json().path("created_by").asText());
        assertThat(screening
                        .screenBeforeConfirmation(payment(eur(90_00), otherCard))
                        .decision())
                .as("the snooze is for one card only")
                .isEqualTo(ScreeningDecision.Decision.REVIEW);
        assertThat(firedRules(whileSnoozed.decisionId()))
                .as("a snoozed rule did not fire")
                .isEmpty();

        Api.Response listed = api.get("/api/v1/fraud/rules/" + watchRule + "/snoozes")
                .token(callers.platformAdmin())
                .send();
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsString("id")).contains(snoozeId);

        Api.Response ended = api.post("/api/v1/fraud/rules/" + watchRule + "/snoozes/" + snoozeId + "/end", "")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().path("active").asBoolean()).isFalse();
        assertThat(ended.json().path("ended_by").asText()).isNotBlank();
        assertThat(screening.screenBeforeConfirmation(payment(eur(90_00), card)).decision())
                .as("the rule fires for the card again")
                .isEqualTo(ScreeningDecision.Decision.REVIEW);
        Api.Response again = api.post("/api/v1/fraud/rules/" + watchRule + "/snoozes/" + snoozeId + "/end", "")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("/problems/state-conflict");
        List<String> audited = systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForList(
                        "SELECT reason FROM system_access_log WHERE reason LIKE ? ORDER BY id",
                        String.class,
                        "%snooze " + snoozeId + "%"));
        assertThat(audited)
                .as("making the snooze, ending it and the refused second end are audited")
                .hasSize(3)
                .satisfies(reasons -> {
                    assertThat(reasons.get(0)).startsWith("snooze fraud rule " + watchRule + " for a CARD until ");
                    assertThat(reasons.get(1)).startsWith("end snooze " + snoozeId + " of fraud rule " + watchRule);
                    assertThat(reasons.get(2)).startsWith("end snooze " + snoozeId);
                });
    }

    @Test
    void aSnoozeIsBoundedAndBadInputIsAProblem() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        String rule = ruleId("default-10");
        String card = "fp_" + UUID.randomUUID();
        Instant now = clock.instant();

        Api.Response tooLong = snooze(analyst, rule, "CARD", card, now.plus(Duration.ofDays(91)));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
        assertThat(tooLong.contentType()).isEqualTo("application/problem+json");
        assertThat(tooLong.json().path("type").asText()).isEqualTo("/problems/unprocessable");
        assertThat(tooLong.json().path("detail").asText()).startsWith("A snooze lasts at most 90 days");
        assertThat(snooze(analyst, rule, "CARD", card, now.minusSeconds(60)).status())
                .as("in the past")
                .isEqualTo(422);
        assertThat(snooze(analyst, rule, "PAY_LINK", "pl_1", now.plus(Duration.ofDays(1)))
                        .status())
                .isEqualTo(422);
        assertThat(snooze(analyst, rule, "IP", "not-an-address", now.plus(Duration.ofDays(1)))
                        .status())
                .isEqualTo(422);
        Api.Response unknown =
                snooze(analyst, UUID.randomUUID().toString(), "CARD", card, now.plus(Duration.ofDays(1)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).isEqualTo("/problems/not-found");
        Api.Response malformed = api.post(
                        "/api/v1/fraud/rules/" + rule + "/snoozes",
                        "{\"kind\":\"CARD\",\"value\":\"x\",\"reason\":\"r\",\"until\":\"tomorrow\"}")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.json().path("type").asText()).isEqualTo("/problems/malformed-request");
        Api.Response noUntil = api.post(
                        "/api/v1/fraud/rules/" + rule + "/snoozes",
                        "{\"kind\":\"CARD\",\"value\":\"x\",\"reason\":\"r\"}")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(noUntil.status()).isEqualTo(400);
        assertThat(noUntil.json().path("type").asText()).isEqualTo("/problems/validation-failed");

        Instant longest = now.plus(Duration.ofDays(89));
        assertThat(snooze(analyst, rule, "CARD", card, longest).status()).isEqualTo(201);
        assertThat(snooze(analyst, rule, "CARD", card, longest).status())
                .as("snoozed for that card already")
                .isEqualTo(409);
        assertThat(snooze(callers.platformAdmin(), rule, "CARD", card, longest).status())
                .as("only analysts snooze")
                .isEqualTo(403);
    }

    @Test
    void anEarlyFraudWarningWatchesTheCardAndIpOnceAndTheCardIsReviewedFromThenOn() {
        String card = "fp_efw_" + UUID.randomUUID();
        String device = "dev_efw_" + UUID.randomUUID();
        String ip = freshIp();
        PaymentSignals warned = payment(eur(120_00), card, device, ip);
        ScreeningDecision before = screening.screenBeforeConfirmation(warned);
        assertThat(before.decision()).isEqualTo(ScreeningDecision.Decision.ALLOW);
        assertThat(fact(before.decisionId(), "card_has_early_fraud_warnings"))
                .as("known, and false, for a card with a fingerprint")
                .isEqualTo("false");
        assertThat(fact(before.decisionId(), "card_has_disputes")).isEqualTo("false");
        String warningId = "issfr_" + UUID.randomUUID().toString().replace("-", "");

        publish(new EarlyFraudWarningReceived(
                warningId,
                new PaymentRequestId(warned.paymentRequestId()),
                warned.carrier(),
                "ch_" + UUID.randomUUID().toString().replace("-", ""),
                "made_with_stolen_card",
                true));

        await().atMost(Duration.ofSeconds(20)).until(() -> watched(card) == 1);
        assertThat(watched(io.freightgate.fraud.internal.ListEntries.Kind.IP.canonical(ip)))
                .as("in the one spelling lists keep")
                .isEqualTo(1);
        assertThat(watched(device))
                .as("a value that is no device id of the collector script is never watched")
                .isZero();
        assertThat(feedback.earlyFraudWarning(new PaymentRequestId(warned.paymentRequestId()), warningId))
                .as("once per warning")
                .isEqualTo(new FraudFeedback.Applied(false, List.of()));
        assertThat(count("SELECT count(*) FROM fraud_feedback WHERE source_id = ?", warningId))
                .isEqualTo(1);

        ScreeningDecision next = screening.screenBeforeConfirmation(payment(eur(120_00), card));
        assertThat(next.decision()).isEqualTo(ScreeningDecision.Decision.REVIEW);
        assertThat(next.explanations())
                .contains("review if :card_has_disputes: or :card_has_early_fraud_warnings:"
                        + " (:card_has_disputes: = false, :card_has_early_fraud_warnings: = true)");
        assertThat(screening
                        .screenBeforeConfirmation(payment(eur(120_00), "fp_" + UUID.randomUUID(), device, ip))
                        .decision())
                .as("another card from the watched IP")
                .isEqualTo(ScreeningDecision.Decision.REVIEW);
    }

    @Autowired
    io.freightgate.fraud.internal.FeedbackRecords feedbackRecords;

    @Autowired
    io.freightgate.fraud.internal.ListEntries listEntries;

    @Test
    void withDevicesSwitchedOnADisputeWatchesTheDeviceButNeverALoopbackOrPrivateAddress() {
        FraudFeedback watchingDevices = new FraudFeedback(feedbackRecords, listEntries, systemAccess, clock, true);
        String device = "dev_" + UUID.randomUUID().toString().replace("-", "");
        PaymentSignals fromLoopback = payment(eur(55_00), "fp_" + UUID.randomUUID(), device, "127.0.0.1");
        screening.screenBeforeConfirmation(fromLoopback);

        FraudFeedback.Applied applied = watchingDevices.disputeOpened(
                new PaymentRequestId(fromLoopback.paymentRequestId()), "du_" + UUID.randomUUID());

        assertThat(applied.watched()).containsExactly("CARD", "DEVICE");
        assertThat(watched(device)).isEqualTo(1);
        assertThat(FraudFeedback.identifiesAPayer("10.1.2.3")).isFalse();
        assertThat(FraudFeedback.identifiesAPayer("fd00::1")).isFalse();
        assertThat(FraudFeedback.identifiesAPayer("fe80::1")).isFalse();
        assertThat(FraudFeedback.identifiesAPayer("192.168.0.1")).isFalse();
        assertThat(FraudFeedback.identifiesAPayer("not-an-ip")).isFalse();
        assertThat(FraudFeedback.identifiesAPayer("203.0.113.7")).isTrue();
        assertThat(FraudFeedback.identifiesAPayer("2001:db8::1")).isTrue();
    }

    @Test
    void hitRatesCountFiringsDecisionsAndTheAllowsThatLaterMetADisputeOrAWarning() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        Money odd = oddAmount();
        String ruleId = enabledRule(analyst, "allow-odd-", "allow if :amount: = " + odd);
        List<PaymentSignals> allowed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PaymentSignals payment = payment(odd, "fp_" + UUID.randomUUID());
            assertThat(screening.screenBeforeConfirmation(payment).decidingRule())
                    .isPresent();
            allowed.add(payment);
        }
        screening.screenBeforeConfirmation(payment(eur(odd.minor() + 1), "fp_" + UUID.randomUUID()));
        feedback.disputeOpened(new PaymentRequestId(allowed.get(0).paymentRequestId()), "du_" + UUID.randomUUID());
        feedback.earlyFraudWarning(
                new PaymentRequestId(allowed.get(1).paymentRequestId()), "issfr_" + UUID.randomUUID());
        feedback.disputeOpened(new PaymentRequestId(allowed.get(1).paymentRequestId()), "du_" + UUID.randomUUID());

        Api.Response rates = api.get("/api/v1/fraud/rules/" + ruleId + "/hit-rates?days=7")
                .token(callers.platformAdmin())
                .send();

        assertThat(rates.status()).as(rates.body()).isEqualTo(200);
        JsonNode rate = rates.json();
        assertThat(rate.path("days").asInt()).isEqualTo(7);
        assertThat(rate.path("fired").asLong()).isEqualTo(3);
        assertThat(rate.path("decided").asLong()).isEqualTo(3);
        assertThat(rate.path("allowed").asLong()).isEqualTo(3);
        assertThat(rate.path("allowed_then_disputed").asLong()).isEqualTo(2);
        assertThat(rate.path("allowed_then_early_fraud_warning").asLong()).isEqualTo(1);
        assertThat(rate.path("allowed_then_either").asLong()).isEqualTo(2);
        assertThat(rate.path("fired_then_either").asLong()).isEqualTo(2);
        assertThat(rate.path("allowed_feedback_rate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(rate.path("evaluated").asLong()).isGreaterThanOrEqualTo(4);

        Api.Response all =
                api.get("/api/v1/fraud/rules/hit-rates").token(analyst).send();
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().findValuesAsString("rule_id")).contains(ruleId);
        assertThat(all.json().findValues("days").getFirst().asInt()).isEqualTo(30);
        Api.Response badWindow = api.get("/api/v1/fraud/rules/" + ruleId + "/hit-rates?days=0")
                .token(analyst)
                .send();
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().path("type").asText()).isEqualTo("/problems/validation-failed");
        assertThat(api.get("/api/v1/fraud/rules/" + UUID.randomUUID() + "/hit-rates")
                        .token(analyst)
                        .send()
                        .status())
                .isEqualTo(404);
        disable(analyst, ruleId);
    }

    @Test
    void decisionsAreListedByFilterAndReadWithTheirExplanationAndFacts() {
        String card = "fp_blocked_" + UUID.randomUUID();
        list("BLOCK", "CARD", card);
        PaymentSignals blockedPayment = payment(eur(77_77), card);
        ScreeningDecision blocked = screening.screenBeforeConfirmation(blockedPayment);
        ScreeningDecision allowed = screening.screenBeforeConfirmation(payment(eur(77_77), "fp_" + UUID.randomUUID()));
        Instant from = clock.instant().minusSeconds(60);

        Api.Response byRequest = api.get(
                        "/api/v1/fraud/decisions?payment_request_id=" + blockedPayment.paymentRequestId())
                .token(callers.platformStaff(Role.COMPLIANCE_OFFICER))
                .send();
        assertThat(byRequest.status()).as(byRequest.body()).isEqualTo(200);
        assertThat(byRequest.json().findValuesAsString("id"))
                .containsExactly(blocked.decisionId().toString());
        JsonNode listedOne = byRequest.json().get(0);
        assertThat(listedOne.path("decision").asText()).isEqualTo("BLOCK");
        assertThat(listedOne.path("deciding_rule").asText()).isEqualTo("default-3");
        assertThat(listedOne.path("fired_rules").get(0).asText()).isEqualTo("default-3");
        assertThat(listedOne.path("amount").path("minor").asLong()).isEqualTo(77_77);
        assertThat(listedOne.has("facts") && !listedOne.path("facts").isNull())
                .as("a list does not carry the facts")
                .isFalse();

        Api.Response blocks = api.get(
                        "/api/v1/fraud/decisions?decision=BLOCK&rule=default-3&from=" + from + "&limit=500")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(blocks.status()).as(blocks.body()).isEqualTo(200);
        assertThat(blocks.json().findValuesAsString("id"))
                .contains(blocked.decisionId().toString())
                .doesNotContain(allowed.decisionId().toString());
        assertThat(blocks.json().findValuesAsString("decision")).containsOnly("BLOCK");

        Api.Response one = api.get("/api/v1/fraud/decisions/" + blocked.decisionId())
                .token(callers.platformAdmin())
                .send();
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("explanations").get(0).asText())
                .startsWith("block if :card_on_block_list: or")
                .contains(":card_on_block_list: = true");
        assertThat(one.json().path("facts").path("card_on_block_list").asBoolean())
                .isTrue();
        assertThat(one.json().path("facts").path("amount").path("minor").asLong())
                .isEqualTo(77_77);
        assertThat(one.json().path("card_fingerprint").asText()).isEqualTo(card);
        assertThat(one.json().path("ip_address").asText())
                .isEqualTo(blockedPayment.ipAddress().orElseThrow());

        assertThat(api.get("/api/v1/fraud/decisions/" + UUID.randomUUID())
                        .token(callers.platformAdmin())
                        .send()
                        .status())
                .isEqualTo(404);
        Api.Response badDecision = api.get("/api/v1/fraud/decisions?decision=MAYBE")
                .token(callers.platformAdmin())
                .send();
        assertThat(badDecision.status()).isEqualTo(400);
        assertThat(badDecision.json().path("type").asText()).isEqualTo("/problems/malformed-request");
        assertThat(api.get("/api/v1/fraud/decisions?limit=501")
                        .token(callers.platformAdmin())
                        .send()
                        .json()
                        .path("type")
                        .asText())
                .isEqualTo("/problems/validation-failed");
        assertThat(api.get("/api/v1/fraud/decisions?from=yesterday")
                        .token(callers.platformAdmin())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    /**
     * The dry-run journey: seeded history of one odd amount (four allowed, one blocked card, one watched device within
     * the window; two more 40 days back, outside it), then a candidate allow rule for that amount. An allow rule beats
     * block and review, so exactly the blocked and the reviewed payment change; every rule's counts move by exactly
     * those two.
     */
    @Test
    void aDryRunOverSeededHistoryCountsExactlyWhatEachRuleWouldDecide() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        Money odd = oddAmount();
        for (int i = 0; i < 4; i++) {
            screening.screenBeforeConfirmation(payment(odd, "fp_" + UUID.randomUUID()));
        }
        String blockedCard = "fp_blocked_" + UUID.randomUUID();
        list("BLOCK", "CARD", blockedCard);
        ScreeningDecision blocked = screening.screenBeforeConfirmation(payment(odd, blockedCard));
        String watchedDevice = "dev_" + UUID.randomUUID();
        list("WATCH", "DEVICE", watchedDevice);
        ScreeningDecision reviewed =
                screening.screenBeforeConfirmation(payment(odd, "fp_" + UUID.randomUUID(), watchedDevice, freshIp()));
        assertThat(List.of(blocked.decision(), reviewed.decision()))
                .containsExactly(ScreeningDecision.Decision.BLOCK, ScreeningDecision.Decision.REVIEW);
        assertThat(reviewed.decidingRule()).contains("default-10");
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PaymentSignals payment = payment(odd, blockedCard);
            screening.screenBeforeConfirmation(payment);
            old.add(payment.paymentRequestId());
        }
        systemAccess.transaction(TEST, "test backdates two decisions", () -> {
            old.forEach(request -> jdbc.update(
                    "UPDATE fraud_decisions SET occurred_at = occurred_at - interval '40 days'"
                            + " WHERE payment_request_id = ?",
                    request));
            return null;
        });

        Api.Response ran = api.post(
                        "/api/v1/fraud/rules/dry-runs",
                        "{\"text\":\"allow if :amount: = %s\",\"days\":30}".formatted(odd))
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        JsonNode report = ran.json();
        assertThat(report.path("hits").asInt()).as("six seeded in the window").isEqualTo(6);
        assertThat(report.path("changed").asInt()).isEqualTo(2);
        assertThat(report.path("changes").properties()).hasSize(2);
        assertThat(report.path("changes").path("BLOCK -> ALLOW").asInt()).isEqualTo(1);
        assertThat(report.path("changes").path("REVIEW -> ALLOW").asInt()).isEqualTo(1);
        assertThat(report.path("examples").findValuesAsString("decision_id"))
                .containsExactly(
                        reviewed.decisionId().toString(), blocked.decisionId().toString());
        assertThat(report.path("examples").get(0).path("explanation").asText())
                .isEqualTo("allow if :amount: = " + odd + " (:amount: = " + odd + ")");
        JsonNode candidate = ruleCount(report, "(dry-run)");
        assertThat(candidate.path("action").asText()).isEqualTo("allow");
        assertThat(candidate.path("fired").asInt()).isEqualTo(6);
        assertThat(candidate.path("decided_in_force").asInt()).isZero();
        assertThat(candidate.path("decided_with_candidate").asInt()).isEqualTo(6);
        JsonNode lists = ruleCount(report, "default-3");
        assertThat(lists.path("decided_with_candidate").asInt())
                .as("the blocked card is allowed by the candidate")
                .isEqualTo(lists.path("decided_in_force").asInt() - 1);
        assertThat(lists.path("fired").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode watchList = ruleCount(report, "default-10");
        assertThat(watchList.path("decided_with_candidate").asInt())
                .isEqualTo(watchList.path("decided_in_force").asInt() - 1);
        assertThat(report.path("rules")
                        .get(report.path("rules").size() - 1)
                        .path("rule")
                        .asText())
                .as("the candidate last")
                .isEqualTo("(dry-run)");
    }

    private static JsonNode ruleCount(JsonNode report, String rule) {
        for (JsonNode count : report.path("rules")) {
            if (count.path("rule").asText().equals(rule)) {
                return count;
            }
        }
        throw new AssertionError("no counts for " + rule + " in " + report);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private String enabledRule(String analyst, String prefix, String text) {
        Api.Response rule = api.post(
                        "/api/v1/fraud/rules",
                        "{\"name\":\"%s%s\",\"text\":\"%s\"}"
                                .formatted(prefix, UUID.randomUUID().toString().substring(0, 8), text))
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        String id = rule.json().path("id").asText();
        Api.Response enabled = api.post("/api/v1/fraud/rules/" + id + "/enable", "")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(enabled.json().path("state").asText()).isEqualTo("ENABLED");
        return id;
    }

    private void disable(String analyst, String id) {
        assertThat(api.post("/api/v1/fraud/rules/" + id + "/disable", "")
                        .token(analyst)
                        .idempotencyKey(UUID.randomUUID().toString())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    private Api.Response snooze(String token, String rule, String kind, String value, Instant until) {
        return api.post(
                        "/api/v1/fraud/rules/" + rule + "/snoozes",
                        "{\"kind\":\"%s\",\"value\":\"%s\",\"reason\":\"test\",\"until\":\"%s\"}"
                                .formatted(kind, value, until))
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private void watch(String kind, String value) {
        list("WATCH", kind, value);
    }

    private void list(String list, String kind, String value) {
        Api.Response added = api.post(
                        "/api/v1/fraud/list-entries",
                        "{\"list\":\"%s\",\"kind\":\"%s\",\"value\":\"%s\",\"reason\":\"test\"}"
                                .formatted(list, kind, value))
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    private String ruleId(String name) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject("SELECT id::text FROM fraud_rules WHERE name = ?", String.class, name));
    }

    private int watched(String value) {
        return count(
                "SELECT count(*) FROM fraud_list_entries WHERE list = 'WATCH' AND value = ?"
                        + " AND created_by = 'system:fraud-feedback'",
                value);
    }

    private int count(String sql, Object... args) {
        return systemAccess.transaction(TEST, "test", () -> jdbc.queryForObject(sql, Integer.class, args));
    }

    private String fact(UUID decision, String name) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT facts->>? FROM fraud_decisions WHERE id = ?", String.class, name, decision));
    }

    private String firedRules(UUID decision) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT array_to_string(fired_rules, ',') FROM fraud_decisions WHERE id = ?",
                        String.class,
                        decision));
    }

    /** An amount no other test pays: rules naming it match only the payments seeded with it. */
    private static Money oddAmount() {
        return eur(100_000 + ThreadLocalRandom.current().nextLong(390_000));
    }

    /** Each payment from its own IP: feedback watches the IPs of disputed payments, which no other test may share. */
    static PaymentSignals payment(Money amount, String card) {
        return payment(amount, card, null, freshIp());
    }

    static String freshIp() {
        var random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x::%x"
                .formatted(random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(1, 0x10000));
    }

    static PaymentSignals payment(Money amount, String card, String device, String ip) {
        return new PaymentSignals(
                UUID.randomUUID(),
                Optional.of(UUID.randomUUID()),
                new TenantId(UUID.randomUUID()),
                new TenantId(UUID.randomUUID()),
                amount,
                "card",
                Optional.of(card),
                Optional.of(ip),
                Optional.ofNullable(device),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }
}

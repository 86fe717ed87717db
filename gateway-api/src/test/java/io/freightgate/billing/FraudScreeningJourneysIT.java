package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.emulator.stripe.ReceivedRequest;
import io.freightgate.local.EmbeddedRedisServer;
import io.freightgate.local.LocalInfrastructure;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20, stage 1, end to end against the Stripe emulator: payments are screened by the fraud rules in force before
 * their PaymentIntent is confirmed. A card an analyst blocked is refused before Stripe is asked for anything but the
 * card's fingerprint; a pay link an analyst blocked is refused on the hosted page with a message that names no rule; a
 * {@code request_3ds} rule sends a 3-D Secure-optional card through the emulator's 3-D Secure page; an allow rule beats
 * a block rule; a collected payment grows the shipper's history; the fourth card on one pay link is reviewed (issue 21),
 * from Redis's counters or, with Redis stopped, from PostgreSQL's. Every list entry and rule a journey adds is removed
 * or disabled at its end (the rules and lists are shared by every test of the run).
 */
class FraudScreeningJourneysIT extends PaymentJourneys {

    private static final Reach TEST = Reach.acrossTenants("test reads fraud decisions");

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCardOnTheBlockListIsRefusedBeforeConfirmationAndStripeReceivesNoPaymentIntent() throws Exception {
        Parties parties = parties();
        String id = id(create(parties, 1_200_00, "EUR", "LD-FRAUD-CARD", false));
        String fingerprint = stripeClient
                .v1()
                .paymentMethods()
                .retrieve("pm_card_visa_debit")
                .getCard()
                .getFingerprint();
        String entry = listEntry("BLOCK", "CARD", fingerprint);
        try {
            int mark = stripe.control().requests().size();

            var blocked = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa_debit\"}");

            assertThat(blocked.status()).as(blocked.body()).isEqualTo(422);
            assertThat(blocked.json().get("type").asString()).isEqualTo("/problems/payment-blocked");
            assertThat(blocked.json().get("detail").asString())
                    .isEqualTo(Payments.BLOCKED_MESSAGE)
                    .doesNotContainIgnoringCase("list")
                    .doesNotContainIgnoringCase("rule")
                    .doesNotContain(fingerprint);
            List<ReceivedRequest> received = stripe.control()
                    .requests()
                    .subList(mark, stripe.control().requests().size());
            assertThat(received)
                    .as("the card's fingerprint was read")
                    .anyMatch(r -> r.is("GET", "/v1/payment_methods/pm_card_visa_debit"));
            assertThat(received)
                    .as("no PaymentIntent reached Stripe")
                    .noneMatch(r -> r.method().equals("POST") && r.path().startsWith("/v1/payment_intents"));
            JsonNode request = read(parties.carrier(), id);
            assertThat(request.get("status").asString()).isEqualTo("OPEN");
            JsonNode attempt = request.get("attempts").get(0);
            assertThat(attempt.get("outcome").asString()).isEqualTo("NOT_ATTEMPTED");
            assertThat(attempt.has("screening"))
                    .as("the carrier reads the attempt, not its fraud verdict")
                    .isFalse();
            Api.Response decisions = api.get("/api/v1/fraud/decisions?payment_request_id=" + id)
                    .token(callers.platformStaff(Role.RISK_ANALYST))
                    .send();
            assertThat(decisions.status()).as(decisions.body()).isEqualTo(200);
            assertThat(decisions.json())
                    .as("a risk analyst reads it by the request")
                    .singleElement()
                    .satisfies(decision ->
                            assertThat(decision.get("decision").asString()).isEqualTo("BLOCK"));
            assertThat(decisionOf(attempt.get("id").asString()))
                    .as("the fraud decision, found by the attempt, with the card it was made on")
                    .isEqualTo("BLOCK " + fingerprint + " " + attempt.get("id").asString());
            assertThat(chargesOf(id)).isEmpty();
        } finally {
            removeEntry(entry);
        }
        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa_debit\"}");
        assertThat(paid.status())
                .as("off the list, the same card pays: " + paid.body())
                .isEqualTo(201);
    }

    @Test
    void aCardWhoseFingerprintStripeDoesNotGiveIsScreenedWithoutItAndPays() {
        Parties parties = parties();
        String id = id(create(parties, 1_300_00, "EUR", "LD-FRAUD-NO-FP", false));
        stripe.control()
                .injectFault(
                        FaultRule.serverError("GET", "/v1/payment_methods/*").times(20));

        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        String attempt = paid.json().get("id").asString();
        String facts = systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT decision || ' ' || coalesce(card_fingerprint, 'no-card') || ' '"
                                + " || ((facts -> 'is_new_card') IS NOT NULL) FROM fraud_decisions WHERE attempt_id = ?::uuid"
                                + " AND stage = 'BEFORE_CONFIRMATION'",
                        String.class,
                        attempt));
        assertThat(facts).as("the card facts are unknown, not guessed").isEqualTo("ALLOW no-card false");
        assertThat(read(parties.carrier(), id).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void aBlockedPayLinkShowsThePayerAClearMessageThatNamesNoRule() throws Exception {
        Parties parties = parties();
        JsonNode created = create(parties, 950_00, "EUR", "LD-FRAUD-LINK", false);
        URI url = URI.create(created.get("payment_page_url").asString());
        String token = url.getRawPath().substring(url.getRawPath().lastIndexOf('/') + 1);
        String link = "http://localhost:" + port + url.getRawPath();
        String entry = listEntry("BLOCK", "PAY_LINK", sha256(token));
        try {
            int mark = stripe.control().requests().size();
            var browser = new PaymentPageIT.Browser();

            var refused = browser.submit(link, "/card", Map.of("payment_method", "pm_card_visa"));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body())
                    .contains("This payment could not be accepted, and nothing was charged.")
                    .doesNotContain(":pay_link_on_block_list:")
                    .doesNotContain("default-")
                    .doesNotContainIgnoringCase("block list");
            assertThat(stripe.control()
                            .requests()
                            .subList(mark, stripe.control().requests().size()))
                    .noneMatch(r -> r.method().equals("POST") && r.path().startsWith("/v1/payment_intents"));
            assertThat(read(parties.carrier(), id(created)).get("status").asString())
                    .isEqualTo("OPEN");
        } finally {
            removeEntry(entry);
        }
    }

    @Test
    void aRequest3dsRuleSendsACardThroughTheEmulators3DSecurePageAndCompletingItPays() throws Exception {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        long minor = oddAmount();
        String rule = enabled(analyst, "request_3ds if :method: = 'card' and :amount: = " + euros(minor) + " EUR");
        try {
            Parties parties = parties();
            String id = id(create(parties, minor, "EUR", "LD-FRAUD-3DS", false));

            var pending = pay(
                    parties,
                    id,
                    "{\"method\":\"card\",\"payment_method\":\"pm_card_threeDSecureOptional\","
                            + "\"return_url\":\"https://shipper.example/back\"}");

            assertThat(pending.status()).as(pending.body()).isEqualTo(202);
            assertThat(pending.json().has("screening"))
                    .as("the payer is not told the verdict")
                    .isFalse();
            assertThat(verdictOf(pending.json().get("id").asString())).isEqualTo("REQUEST_3DS");
            String pageUrl = pending.json().get("next_action_url").asString();
            assertThat(pageUrl).contains("/_emulator/3ds/");
            String intentId = pending.json().get("stripe_payment_intent_id").asString();
            var intent = stripeClient.v1().paymentIntents().retrieve(intentId);
            assertThat(intent.getStatus()).isEqualTo("requires_action");
            assertThat(intent.getPaymentMethodOptions().getCard().getRequestThreeDSecure())
                    .as("what the emulator received")
                    .isEqualTo("any");

            HttpResponse<String> completed = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(pageUrl))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("action=complete"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(completed.statusCode()).as(completed.body()).isBetween(200, 399);
            await().atMost(Duration.ofSeconds(15))
                    .until(() ->
                            read(parties.carrier(), id).get("status").asString().equals("PAID"));
            assertThat(chargesOf(id)).singleElement().satisfies(charge -> assertThat(charge.getPaymentMethodDetails()
                            .getCard()
                            .getThreeDSecure()
                            .getResult())
                    .isEqualTo("authenticated"));
        } finally {
            change(analyst, rule, "disable");
        }
    }

    @Test
    void theJanitorResendsAThreeDSecureRequestAsTheSameCall() throws Exception {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        long minor = oddAmount();
        String rule = enabled(analyst, "request_3ds if :method: = 'card' and :amount: = " + euros(minor) + " EUR");
        try {
            Parties parties = parties();
            String id = id(create(parties, minor, "EUR", "LD-FRAUD-3DS-LOST", false));
            int mark = stripe.control().requests().size();
            stripe.control()
                    .injectFault(
                            FaultRule.serverError("POST", "/v1/payment_intents").times(3));

            var unknown = pay(
                    parties,
                    id,
                    "{\"method\":\"card\",\"payment_method\":\"pm_card_threeDSecureOptional\","
                            + "\"return_url\":\"https://shipper.example/back\"}");
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(503);
            stripe.control().clearFaults();
            reconciliation.reconcile();

            JsonNode attempt = read(parties.carrier(), id).get("attempts").get(0);
            assertThat(verdictOf(attempt.get("id").asString())).isEqualTo("REQUEST_3DS");
            var intent = stripeClient
                    .v1()
                    .paymentIntents()
                    .retrieve(attempt.get("stripe_payment_intent_id").asString());
            assertThat(intent.getStatus()).isEqualTo("requires_action");
            assertThat(intent.getPaymentMethodOptions().getCard().getRequestThreeDSecure())
                    .isEqualTo("any");
            assertThat(stripe
                            .control()
                            .requests()
                            .subList(mark, stripe.control().requests().size())
                            .stream()
                            .filter(r -> r.is("POST", "/v1/payment_intents"))
                            .map(ReceivedRequest::idempotencyKey)
                            .distinct())
                    .as("the first send and the janitor's resend are one call")
                    .hasSize(1);
        } finally {
            change(analyst, rule, "disable");
        }
    }

    @Test
    void anAllowRuleForATrustedShipperBeatsABlockRuleAndItsCollectedPaymentGrowsItsHistory() {
        String anna = callers.platformStaff(Role.RISK_ANALYST);
        String boris = callers.platformStaff(Role.RISK_ANALYST);
        long minor = oddAmount();
        String block = proposed(anna, "block if :amount: = " + euros(minor) + " EUR");
        Api.Response asked = change(anna, block, "enable");
        assertThat(asked.json().path("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(change(
                                boris,
                                block,
                                "approve?version="
                                        + asked.json().path("version").asLong())
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("ENABLED");
        String allow = enabled(anna, "allow if :shipper_trusted:");
        Parties trusted = parties();
        String trust = listEntry("TRUST", "SHIPPER", trusted.shipper().value().toString());
        try {
            Parties other = parties();
            String refused = id(create(other, minor, "EUR", "LD-FRAUD-BLOCK", false));
            String allowed = id(create(trusted, minor, "EUR", "LD-FRAUD-ALLOW", false));

            var blocked = pay(other, refused, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
            var paid = pay(trusted, allowed, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");

            assertThat(blocked.status()).as(blocked.body()).isEqualTo(422);
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            assertThat(verdictOf(paid.json().get("id").asString())).isEqualTo("ALLOW");
            assertThat(chargesOf(refused)).isEmpty();
            assertThat(chargesOf(allowed)).hasSize(1);
            String explanation = systemAccess.transaction(
                    TEST,
                    "test",
                    () -> jdbc.queryForObject(
                            "SELECT explanations->>0 FROM fraud_decisions WHERE attempt_id = ?::uuid"
                                    + " AND stage = 'BEFORE_CONFIRMATION'",
                            String.class,
                            paid.json().get("id").asString()));
            assertThat(explanation).isEqualTo("allow if :shipper_trusted: (:shipper_trusted: = true)");
            await().atMost(Duration.ofSeconds(15))
                    .alias("the collected payment counts in the shipper's history, with its card")
                    .until(() -> systemAccess.transaction(
                                    TEST,
                                    "test",
                                    () -> jdbc.queryForObject(
                                            "SELECT count(*) FROM fraud_decisions WHERE payment_request_id = ?::uuid"
                                                    + " AND collected_at IS NOT NULL AND card_fingerprint IS NOT NULL"
                                                    + " AND stage = 'BEFORE_CONFIRMATION'",
                                            Integer.class,
                                            allowed))
                            == 1);
        } finally {
            removeEntry(trust);
            change(anna, block, "disable");
            change(anna, allow, "disable");
        }
    }

    // Issue 21, velocity: the fourth card tried within an hour on one pay link is reviewed by the default rule, with
    // the
    // counter's value in the explanation; declined (and blocked) attempts count once each; with Redis stopped the same
    // counts come from PostgreSQL, payments are still screened and the health says DEGRADED, and once Redis is back it
    // is used again without a restart.

    private static final String FOURTH_CARD_RULE = "review if :distinct_cards_per_pay_link_1h: >= 4";
    private static final List<String> DECLINED_CARDS =
            List.of("pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds");

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Environment environment;

    @Test
    void theFourthCardInAnHourOnOnePayLinkIsReviewedWithTheCounterInTheExplanation() throws Exception {
        // Redis answers the counters (after the journey that stops and restarts it, its clients may still reconnect)
        await().atMost(Duration.ofSeconds(30)).until(() -> fraudVelocityHealth().equals("UP"));
        PayLink link = payLink(950_00, "LD-VELOCITY-4TH");
        String blocked = listEntry("BLOCK", "CARD", fingerprint("pm_card_mastercard"));
        try {
            for (String card : DECLINED_CARDS) {
                assertThat(link.pay(card).statusCode()).as(card).isEqualTo(402);
            }
            assertThat(link.pay("pm_card_mastercard").statusCode())
                    .as("a blocked attempt counts too")
                    .isEqualTo(403);
        } finally {
            removeEntry(blocked);
        }
        int mark = stripe.control().requests().size();
        var fourth = link.pay("pm_card_visa");

        assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(303);
        List<String> decisions = decisions(link.hash());
        assertThat(decisions)
                .as(
                        "one screening per attempt: two declined, one blocked, the fourth card reviewed, all counted in Redis")
                .containsExactly("ALLOW REDIS", "ALLOW REDIS", "BLOCK REDIS", "REVIEW REDIS");
        assertThat(explanationsOfLast(link.hash()))
                .startsWith(FOURTH_CARD_RULE + " (:distinct_cards_per_pay_link_1h: = 4)");
        assertThat(stripe.control()
                        .requests()
                        .subList(mark, stripe.control().requests().size()))
                .as("a reviewed payment still reaches Stripe (held for review after authorization)")
                .anyMatch(r -> r.method().equals("POST") && r.path().startsWith("/v1/payment_intents"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(redis.opsForZSet().zCard("fg:fraud:velocity:declined_attempts:pay_link:" + link.hash()))
                    .as("each declined attempt counted once in Redis (a blocked one is not declined)")
                    .isEqualTo(2L);
            assertThat(declinedInDatabase(link.hash())).isEqualTo(2);
        });
        assertThat(redis.opsForZSet().zCard("fg:fraud:velocity:distinct_cards:pay_link:" + link.hash()))
                .isEqualTo(4L);
    }

    @Test
    void withRedisStoppedPaymentsAreScreenedFromPostgresqlsCountsAndHealthIsDegradedThenRedisIsUsedAgain()
            throws Exception {
        EmbeddedRedisServer server = LocalInfrastructure.current().redis();
        PayLink link = payLink(960_00, "LD-VELOCITY-OUTAGE");
        assertThat(link.pay(DECLINED_CARDS.getFirst()).statusCode()).isEqualTo(402);
        String blocked = listEntry("BLOCK", "CARD", fingerprint("pm_card_mastercard"));
        server.close();
        try {
            assertThat(link.pay(DECLINED_CARDS.getLast()).statusCode()).isEqualTo(402);
            assertThat(link.pay("pm_card_mastercard").statusCode()).isEqualTo(403);
            var fourth = link.pay("pm_card_visa");

            assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(303);
            assertThat(decisions(link.hash()))
                    .as("the first counted in Redis; with Redis down, the same counts from PostgreSQL")
                    .containsExactly("ALLOW REDIS", "ALLOW POSTGRESQL", "BLOCK POSTGRESQL", "REVIEW POSTGRESQL");
            assertThat(explanationsOfLast(link.hash()))
                    .startsWith(FOURTH_CARD_RULE + " (:distinct_cards_per_pay_link_1h: = 4)");
            assertThat(fraudVelocityHealth()).isEqualTo("DEGRADED");
            assertThat(api.get("/readyz").send().status())
                    .as("payments keep flowing: the gateway stays ready")
                    .isEqualTo(200);
        } finally {
            server.restart();
            removeEntry(blocked);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> fraudVelocityHealth().equals("UP"));
        PayLink another = payLink(970_00, "LD-VELOCITY-BACK");
        var paid = another.pay("pm_card_visa");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        assertThat(decisions(another.hash())).as("Redis used again, no restart").containsExactly("ALLOW REDIS");
        assertThat(redis.opsForZSet().zCard("fg:fraud:velocity:attempts:pay_link:" + another.hash()))
                .isEqualTo(1L);
    }

    private String fingerprint(String paymentMethod) throws Exception {
        return stripeClient
                .v1()
                .paymentMethods()
                .retrieve(paymentMethod)
                .getCard()
                .getFingerprint();
    }

    /** A payment request's hosted page, paid through by a browser with the page's CSRF token. */
    private record PayLink(String url, String hash) {
        java.net.http.HttpResponse<String> pay(String paymentMethod) {
            return new PaymentPageIT.Browser().submit(url, "/card", Map.of("payment_method", paymentMethod));
        }
    }

    private PayLink payLink(long amount, String load) throws Exception {
        JsonNode created = create(parties(), amount, "EUR", load, false);
        URI url = URI.create(created.get("payment_page_url").asString());
        String token = url.getRawPath().substring(url.getRawPath().lastIndexOf('/') + 1);
        return new PayLink("http://localhost:" + port + url.getRawPath(), sha256(token));
    }

    /** The decision and where its counters came from, of every screening before confirmation on the link, oldest first. */
    private List<String> decisions(String payLink) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForList(
                        "SELECT decision || ' ' || velocity_source FROM fraud_decisions WHERE pay_link = ?"
                                + " AND stage = 'BEFORE_CONFIRMATION' ORDER BY occurred_at",
                        String.class,
                        payLink));
    }

    private String explanationsOfLast(String payLink) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT explanations->>0 FROM fraud_decisions WHERE pay_link = ?"
                                + " AND stage = 'BEFORE_CONFIRMATION' ORDER BY occurred_at DESC LIMIT 1",
                        String.class,
                        payLink));
    }

    private int declinedInDatabase(String payLink) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM fraud_decisions WHERE pay_link = ? AND declined_at IS NOT NULL",
                        Integer.class,
                        payLink));
    }

    private String fraudVelocityHealth() {
        int management = Integer.parseInt(environment.getRequiredProperty("local.management.port"));
        // the component alone: Spring Boot's own redis component waits for its command timeout while Redis is down
        Api.Response health =
                new Api(management).get("/actuator/health/fraudVelocity").send();
        return health.json().get("status").asString();
    }

    /** An amount of 4,000 to 4,999 EUR with odd cents no other test pays (rules naming it touch no other test). */
    private static long oddAmount() {
        return 4_000_00 + ThreadLocalRandom.current().nextLong(99_999) / 100 * 100 + 37;
    }

    private static String euros(long minor) {
        return "%d.%02d".formatted(minor / 100, minor % 100);
    }

    private String verdictOf(String attemptId) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT decision FROM fraud_decisions WHERE attempt_id = ?::uuid AND stage = 'BEFORE_CONFIRMATION'",
                        String.class,
                        attemptId));
    }

    @Test
    void aNewDeviceForAShipperThatPaidFromAnotherIsReviewedAndTheExplanationNamesTheAttribute() throws Exception {
        Parties parties = parties();
        String canvas = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String deviceA = collected("1920x1080x24", canvas);
        String deviceB = collected("1366x768x24", canvas);
        var browser = new PaymentPageIT.Browser();

        var first = browser.submit(
                link(create(parties, 150_00, "EUR", "LD-DEVICE-A", false)),
                "/card",
                Map.of("payment_method", "pm_card_visa", "device_fingerprint", deviceA));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        JsonNode second = create(parties, 2_500_00, "EUR", "LD-DEVICE-B", false);
        var reviewed = browser.submit(
                link(second), "/card", Map.of("payment_method", "pm_card_visa", "device_fingerprint", deviceB));

        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(303);
        List<Map<String, Object>> decisions = systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForList(
                        "SELECT decision, device, explanations::text AS explanations,"
                                + " facts ->> 'is_new_device_for_organization' AS is_new,"
                                + " facts ->> 'device_shipper_count_30d' AS shippers FROM fraud_decisions"
                                + " WHERE shipper_id = ? AND stage = 'BEFORE_CONFIRMATION' ORDER BY occurred_at",
                        parties.shipper().value()));
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0))
                .as("the shipper's first device is new against nothing")
                .containsEntry("decision", "ALLOW")
                .containsEntry("is_new", "false")
                .containsEntry("shippers", "1");
        assertThat(decisions.get(1)).containsEntry("decision", "REVIEW").containsEntry("is_new", "true");
        assertThat((String) decisions.get(1).get("explanations"))
                .contains("review if :is_new_device_for_organization: and (:amount: > 2000 EUR")
                .contains(":is_new_device_for_organization: = true");
        String a = (String) decisions.get(0).get("device");
        String b = (String) decisions.get(1).get("device");
        assertThat(a)
                .as("only the keyed hash is kept")
                .matches("dev_[0-9a-f]{32}")
                .isNotEqualTo(b);
        assertThat(b).matches("dev_[0-9a-f]{32}");
        assertThat(systemAccess.transaction(
                        TEST,
                        "test",
                        () -> jdbc.queryForList(
                                "SELECT device_id || ' ' || seen_count || ' ' || new_for_known FROM fraud_device_sightings"
                                        + " WHERE organization_id = ? AND context = 'PAYMENT' ORDER BY first_seen_at",
                                String.class,
                                parties.shipper().value())))
                .as("both devices linked to the shipper")
                .containsExactly(a + " 1 false", b + " 1 true");
        assertThat(read(parties.carrier(), id(second)).get("attempts").get(0).has("screening"))
                .as("the carrier is not told the attempt waits in review")
                .isFalse();

        var oversized = browser.submit(
                link(create(parties, 90_00, "EUR", "LD-DEVICE-BAD", false)),
                "/card",
                Map.of("payment_method", "pm_card_visa", "device_fingerprint", "ua=" + "x".repeat(5_000)));
        assertThat(oversized.statusCode())
                .as("an oversized fingerprint is ignored: the payment goes on without a device")
                .isEqualTo(303);
        var malformed = browser.submit(
                link(create(parties, 80_00, "EUR", "LD-DEVICE-ODD", false)),
                "/card",
                Map.of("payment_method", "pm_card_visa", "device_fingerprint", "%%%&ua=%ZZ&&&=="));
        assertThat(malformed.statusCode()).isEqualTo(303);
        assertThat(systemAccess.transaction(
                        TEST,
                        "test",
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM fraud_decisions WHERE shipper_id = ? AND stage ="
                                        + " 'BEFORE_CONFIRMATION' AND device IS NULL"
                                        + " AND (facts -> 'is_new_device_for_organization') IS NULL",
                                Integer.class,
                                parties.shipper().value())))
                .as("both screened without a device")
                .isEqualTo(2);
    }

    /** What the collector script sends from a browser with this screen and canvas. */
    private static String collected(String screen, String canvas) {
        return "ua=Mozilla%2F5.0+(X11%3B+Linux+x86_64)+Chrome%2F131.0.0.0&pl=Linux+x86_64&lang=de-DE%2Cen&scr=" + screen
                + "&tz=Europe%2FBerlin&hc=8&tp=0&cv=" + canvas;
    }

    private String link(JsonNode created) {
        return "http://localhost:" + port
                + URI.create(created.get("payment_page_url").asString()).getRawPath();
    }

    private String decisionOf(String attemptId) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT decision || ' ' || card_fingerprint || ' ' || attempt_id FROM fraud_decisions"
                                + " WHERE attempt_id = ?::uuid AND stage = 'BEFORE_CONFIRMATION'",
                        String.class,
                        attemptId));
    }

    private String listEntry(String list, String kind, String value) {
        Api.Response added = api.post(
                        "/api/v1/fraud/list-entries",
                        "{\"list\":\"%s\",\"kind\":\"%s\",\"value\":\"%s\",\"reason\":\"journey\"}"
                                .formatted(list, kind, value))
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    private void removeEntry(String id) {
        Api.Response removed = api.call("DELETE", "/api/v1/fraud/list-entries/" + id, "", "application/json")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    }

    private String proposed(String analyst, String text) {
        Api.Response created = api.post(
                        "/api/v1/fraud/rules",
                        "{\"name\":\"journey-%s\",\"text\":\"%s\"}"
                                .formatted(UUID.randomUUID().toString().substring(0, 8), text))
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String enabled(String analyst, String text) {
        String id = proposed(analyst, text);
        assertThat(change(analyst, id, "enable").json().path("state").asString())
                .isEqualTo("ENABLED");
        return id;
    }

    private Api.Response change(String analyst, String id, String action) {
        Api.Response changed = api.post("/api/v1/fraud/rules/" + id + "/" + action, "")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return changed;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

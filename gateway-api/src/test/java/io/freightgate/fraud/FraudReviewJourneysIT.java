package io.freightgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.emulator.stripe.ReceivedRequest;
import io.freightgate.emulator.stripe.WebhookDelivery;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.transfers.TransferJourneys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The screening after the authorization against the Stripe emulator (docs/fraud.md, "Stage 2 and reviews"): every card
 * payment is authorized first; Radar's highest risk is recorded as BLOCK and the PaymentIntent cancelled with no
 * transfer; an elevated risk keeps the authorization in review with the transfer held until an analyst approves it
 * (captured, Stripe's review approved) or rejects it (cancelled). What the emulator received is asserted, not only our
 * state.
 */
class FraudReviewJourneysIT extends TransferJourneys {

    private static final Reach TEST = Reach.acrossTenants("test reads fraud decisions and reviews");

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FraudReviews reviews;

    @Autowired
    io.freightgate.billing.internal.AfterAuthorization afterAuthorization;

    @Test
    void radarsHighestRiskIsRecordedAsBlockAndCancelledAtTheEmulatorWithNoTransfer() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 48_000, "EUR", "LD-FR-HIGHEST", false));

        var declined =
                pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_riskLevelHighest\"}");

        assertThat(declined.status()).as(declined.body()).isEqualTo(402);
        // the synchronous answer or the payment_intent.payment_failed webhook, whichever comes first, screens it
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !received("POST", "/v1/payment_intents/" + intentOf(id) + "/cancel")
                        .isEmpty());
        Map<String, Object> decision = afterAuthorization(id);
        assertThat(decision.get("decision")).isEqualTo("BLOCK");
        assertThat(decision.get("facts").toString())
                .contains("\"risk_level\": \"highest\"")
                .contains("\"outcome_type\": \"blocked\"")
                .contains("\"network_status\": \"not_sent_to_network\"");
        assertThat(decision.get("explanations").toString()).contains("block if :risk_level: = 'highest'");
        String intent = intentOf(id);
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/cancel"))
                .as("the emulator received the cancel")
                .hasSize(1);
        assertThat(stripeIntent(intent).get("status").asString()).isEqualTo("canceled");
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("OPEN");
        assertThat(transfersInGroup(id)).isEmpty();
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/capture"))
                .isEmpty();
    }

    @Test
    void anElevatedRiskIsReviewedWithTheAuthorizationKeptAndTheTransferHeldThenApprovedAndCaptured() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 52_000, "EUR", "LD-FR-APPROVE", false));

        var paid = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_riskLevelElevated\"}");

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .as("the authorization is kept")
                .isEqualTo("AUTHORIZED");
        String intent = intentOf(id);
        assertThat(stripeIntent(intent).get("status").asString()).isEqualTo("requires_capture");
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/capture"))
                .isEmpty();
        JsonNode review = openReviewOf(id);
        assertThat(review.get("stage").asString()).isEqualTo("AFTER_AUTHORIZATION");
        assertThat(review.get("explanations").toString()).contains("risk_level");
        assertThat(review.get("facts").get("risk_score").asString()).isEqualTo("70");
        String prv = review.get("stripe_review_id").asString();
        assertThat(prv).startsWith("prv_");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        transfer(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("HELD"));

        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        String other = callers.platformStaff(Role.RISK_ANALYST);
        String reviewId = review.get("id").asString();
        Api.Response releasedByHand = api.call(
                        "DELETE",
                        "/api/v1/carriers/" + carrier.parties().carrier() + "/payout-holds/fraud-review:" + reviewId,
                        "",
                        "application/json")
                .idempotencyKey(UUID.randomUUID().toString())
                .token(analyst)
                .send();
        assertThat(releasedByHand.status())
                .as("an open review's payout hold ends with the review, not by hand: " + releasedByHand.body())
                .isEqualTo(409);
        assertThat(decide(reviewId, "claim", "", analyst).status()).isEqualTo(200);
        Api.Response othersClaim = decide(reviewId, "claim", "", other);
        assertThat(othersClaim.status()).as(othersClaim.body()).isEqualTo(409);
        assertThat(othersClaim.json().get("type").asString()).isEqualTo("/problems/state-conflict");
        assertThat(decide(reviewId, "approve", "{\"note\":\"looks fine\"}", other)
                        .status())
                .as("someone else's claim")
                .isEqualTo(409);
        Api.Response noNote = decide(reviewId, "approve", "{}", analyst);
        assertThat(noNote.status()).as(noNote.body()).isEqualTo(400);
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/capture"))
                .isEmpty();

        Api.Response approved = decide(reviewId, "approve", "{\"note\":\"known shipper, called them\"}", analyst);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("note").asString()).isEqualTo("known shipper, called them");
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/capture"))
                .as("the emulator received the capture")
                .hasSize(1);
        assertThat(received("POST", "/v1/reviews/" + prv + "/approve"))
                .as("the emulator received the approval of its review")
                .hasSize(1);
        assertThat(stripeIntent(intent).get("status").asString()).isEqualTo("succeeded");
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("PAID");
        Api.Response again = decide(reviewId, "claim", "", analyst);
        assertThat(again.status()).as("a closed review").isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        transfer(carrier.parties().carrier(), id).get("holds").toString())
                .contains("FRAUD_REVIEW")
                .contains("released_by"));
        JsonNode logged = api.get("/api/v1/fraud/reviews/" + reviewId)
                .token(callers.platformAdmin())
                .send()
                .json();
        assertThat(logged.get("log").toString()).contains("OPENED", "CLAIMED", "APPROVED");
    }

    @Test
    void anElevatedRiskRejectedByAnAnalystIsCancelledAtTheEmulator() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 53_000, "EUR", "LD-FR-REJECT", false));
        var paid = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_riskLevelElevated\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        String intent = intentOf(id);
        JsonNode open = openReviewOf(id);
        String reviewId = open.get("id").asString();
        String prv = open.get("stripe_review_id").asString();
        String analyst = callers.platformStaff(Role.RISK_ANALYST);

        Api.Response rejected = decide(reviewId, "reject", "{\"note\":\"card testing pattern\"}", analyst);

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/cancel"))
                .as("the emulator received the cancel")
                .hasSize(1);
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/capture"))
                .isEmpty();
        assertThat(stripeIntent(intent).get("status").asString()).isEqualTo("canceled");
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("OPEN");
        assertThat(transfersInGroup(id)).isEmpty();
        assertThat(decide(reviewId, "approve", "{\"note\":\"changed my mind\"}", analyst)
                        .status())
                .as("a closed review")
                .isEqualTo(409);
        JsonNode atStripe = await().atMost(Duration.ofSeconds(10))
                .until(() -> stripeReview(prv), review -> !review.get("open").asBoolean());
        assertThat(atStripe.get("closed_reason").asString())
                .as("Stripe closes its review when the authorization is cancelled")
                .isEqualTo("canceled");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            JsonNode ours = api.get("/api/v1/fraud/reviews/" + reviewId)
                    .token(callers.platformAdmin())
                    .send()
                    .json();
            assertThat(ours.get("status").asString()).isEqualTo("REJECTED");
            assertThat(ours.get("note").asString())
                    .as("Stripe's review.closed does not replace the analyst's rejection")
                    .isEqualTo("card testing pattern");
        });
    }

    private JsonNode stripeReview(String prv) throws Exception {
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(stripeClient
                        .rawRequest(com.stripe.net.ApiResource.RequestMethod.GET, "/v1/reviews/" + prv, null)
                        .body());
    }

    @Test
    void anOpenReviewIsRejectedByThePolicyBeforeTheAuthorizationExpires() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 54_000, "EUR", "LD-FR-POLICY", false));
        var paid = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_riskLevelElevated\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        String intent = intentOf(id);
        String reviewId = openReviewOf(id).get("id").asString();
        assertThat(api.get("/api/v1/fraud/reviews/" + reviewId)
                        .token(callers.platformAdmin())
                        .send()
                        .json()
                        .get("decide_by")
                        .asString())
                .as("two days before the authorization's capture_before")
                .isNotBlank();
        systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.update(
                        "UPDATE fraud_reviews SET decide_by = now() - interval '1 minute' WHERE id = ?::uuid",
                        reviewId));

        assertThat(reviews.decideByPolicy()).isGreaterThanOrEqualTo(1);

        JsonNode decided = api.get("/api/v1/fraud/reviews/" + reviewId)
                .token(callers.platformAdmin())
                .send()
                .json();
        assertThat(decided.get("status").asString()).isEqualTo("REJECTED");
        assertThat(decided.get("closed_by").asString()).isEqualTo(FraudReviews.POLICY_ACTOR);
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/cancel"))
                .as("the emulator received the cancel")
                .hasSize(1);
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("OPEN");
    }

    @Test
    void aReviewApprovedAtStripeIsApprovedHereOnceAndCaptured() throws Exception {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 56_000, "EUR", "LD-FR-STRIPE", false));
        var paid = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_riskLevelElevated\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        String intent = intentOf(id);
        JsonNode review = openReviewOf(id);
        String prv = review.get("stripe_review_id").asString();

        stripeClient.rawRequest(com.stripe.net.ApiResource.RequestMethod.POST, "/v1/reviews/" + prv + "/approve", "");

        String reviewPath = "/api/v1/fraud/reviews/" + review.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(reviewPath)
                .token(callers.platformAdmin())
                .send()
                .json()
                .get("status")
                .asString()
                .equals("APPROVED"));
        JsonNode closed =
                api.get(reviewPath).token(callers.platformAdmin()).send().json();
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("PAID");
        assertThat(closed.get("closed_by").asString()).isEqualTo("stripe:approved");
        assertThat(received("POST", "/v1/payment_intents/" + intent + "/capture"))
                .hasSize(1);
    }

    @Test
    void aSepaDebitTheFirstScreeningSentToReviewIsHeldWhenCollectedAndARejectionRefundsItAsFraudulent() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(
                carrier.parties(),
                io.freightgate.billing.BlockingScreening.REVIEWED_AMOUNT,
                "EUR",
                "LD-FR-SEPA",
                false));
        var processing = pay(carrier.parties(), id, sepa("DE89370400440532013000"));
        assertThat(processing.status()).as(processing.body()).isEqualTo(202);
        stripe.control().advanceClock(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> read(carrier.parties().carrier(), id)
                        .get("status")
                        .asString()
                        .equals("PAID"));
        JsonNode review = openReviewOf(id);
        assertThat(review.get("stage").asString()).isEqualTo("BEFORE_CONFIRMATION");
        assertThat(review.get("method").asString()).isEqualTo("sepa_debit");
        assertThat(transfer(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("HELD");
        String intent = intentOf(id);

        Api.Response rejected = decide(
                review.get("id").asString(),
                "reject",
                "{\"note\":\"mandate signed from a blocked device\"}",
                callers.platformStaff(Role.RISK_ANALYST));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(received("POST", "/v1/refunds")).isNotEmpty();
        JsonNode refunds = stripeGet("/v1/refunds?payment_intent=" + intent);
        assertThat(refunds.get("data")).singleElement().satisfies(refund -> {
            assertThat(refund.get("reason").asString()).isEqualTo("fraudulent");
            assertThat(refund.get("amount").asLong())
                    .isEqualTo(io.freightgate.billing.BlockingScreening.REVIEWED_AMOUNT);
        });
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("REFUNDED");
    }

    @Test
    void aScreeningAfterTheAuthorizationThatNeverRecordedItsVerdictIsRunAgain() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 57_000, "EUR", "LD-FR-RESUME", true));
        var paid = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .as("captured on delivery: the allowed authorization waits for it")
                .isEqualTo("AUTHORIZED");
        assertThat(verdictOf(id)).isEqualTo("ALLOW");
        webhooksHandled(intentOf(id));
        // as if the process had stopped after claiming the screening
        systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.update(
                        "UPDATE payment_attempts SET authorization_verdict = 'SCREENING', updated_at = '2000-01-01T00:00:00Z'"
                                + " WHERE payment_request_id = ?::uuid",
                        id));

        // the scheduled job may run it again first; either way it is screened again once
        afterAuthorization.resumeStale(Duration.ofMinutes(10));

        await().atMost(Duration.ofSeconds(15)).until(() -> "ALLOW".equals(verdictOf(id)));
        assertThat(systemAccess.transaction(
                        TEST,
                        "test",
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM fraud_decisions WHERE payment_request_id = ?::uuid"
                                        + " AND stage = 'AFTER_AUTHORIZATION'",
                                Long.class,
                                id)))
                .isEqualTo(2L);
        assertThat(read(carrier.parties().carrier(), id).get("status").asString())
                .isEqualTo("AUTHORIZED");
    }

    @Test
    void anAuthorizationWhoseSightingWasLostIsScreenedByTheJob() {
        Carrier carrier = carrierWithPayouts();
        String id = id(create(carrier.parties(), 57_100, "EUR", "LD-FR-LOST-SIGHTING", true));
        var paid = pay(carrier.parties(), id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(verdictOf(id)).isEqualTo("ALLOW");
        // the authorization's webhooks are handled first: one arriving after the reset below would touch the attempt
        webhooksHandled(intentOf(id));
        // as if the process had stopped between the authorization's commit and the screening's claim
        systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.update(
                        "UPDATE payment_attempts SET authorization_verdict = NULL, updated_at = '2000-01-01T00:00:00Z'"
                                + " WHERE payment_request_id = ?::uuid",
                        id));

        afterAuthorization.resumeStale(Duration.ofMinutes(10));

        await().atMost(Duration.ofSeconds(15)).until(() -> "ALLOW".equals(verdictOf(id)));
        assertThat(systemAccess.transaction(
                        TEST,
                        "test",
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM fraud_decisions WHERE payment_request_id = ?::uuid"
                                        + " AND stage = 'AFTER_AUTHORIZATION'",
                                Long.class,
                                id)))
                .isEqualTo(2L);
    }

    /** Every webhook the emulator sent about the PaymentIntent was delivered and processed by the inbox. */
    private void webhooksHandled(String intent) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> {
                    List<String> events = stripe.control().deliveries().stream()
                            .filter(delivery -> delivery.payload().contains(intent))
                            .filter(delivery -> delivery.status().equals("succeeded"))
                            .map(WebhookDelivery::eventId)
                            .toList();
                    return !events.isEmpty()
                            && stripe.control().deliveries().stream()
                                    .filter(delivery -> delivery.payload().contains(intent))
                                    .noneMatch(delivery -> delivery.status().equals("pending"))
                            && events.stream().allMatch(event -> jdbc
                                    .queryForList(
                                            "SELECT status FROM webhook_inbox WHERE event_id = ?", String.class, event)
                                    .stream()
                                    .allMatch(status -> status.equals("PROCESSED") || status.equals("IGNORED")));
                });
    }

    private String verdictOf(String requestId) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT authorization_verdict FROM payment_attempts WHERE payment_request_id = ?::uuid",
                        String.class,
                        requestId));
    }

    private Api.Response decide(String reviewId, String action, String body, String token) {
        return api.post("/api/v1/fraud/reviews/" + reviewId + "/" + action, body)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    /** The request's open review; a debit's opens just after the commit that made it paid, so it is waited for. */
    private JsonNode openReviewOf(String requestId) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> openReviewNow(requestId));
        return openReviewNow(requestId);
    }

    private JsonNode openReviewNow(String requestId) {
        Api.Response listed = api.get("/api/v1/fraud/reviews?open=true&limit=500")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        for (JsonNode review : listed.json()) {
            if (review.get("payment_request_id").asString().equals(requestId)) {
                assertThat(review.get("status").asString()).isEqualTo("OPEN");
                assertThat(review.get("age_seconds").asLong()).isNotNegative();
                return review;
            }
        }
        throw new AssertionError("No open review of " + requestId + " in " + listed.body());
    }

    private Map<String, Object> afterAuthorization(String requestId) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForMap(
                        "SELECT decision, facts::text AS facts, explanations::text AS explanations"
                                + " FROM fraud_decisions WHERE payment_request_id = ?::uuid"
                                + " AND stage = 'AFTER_AUTHORIZATION'",
                        requestId));
    }

    private String intentOf(String requestId) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT stripe_payment_intent_id FROM payment_attempts WHERE payment_request_id = ?::uuid"
                                + " ORDER BY number DESC LIMIT 1",
                        String.class,
                        requestId));
    }

    private List<ReceivedRequest> received(String method, String path) {
        return stripe.control().requests().stream()
                .filter(request -> request.is(method, path))
                .toList();
    }

    private JsonNode stripeIntent(String intent) {
        return stripeGet("/v1/payment_intents/" + intent);
    }

    private JsonNode stripeGet(String path) {
        try {
            return tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(stripeClient
                            .rawRequest(com.stripe.net.ApiResource.RequestMethod.GET, path, null)
                            .body());
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.security.Role;
import io.freightgate.support.Api;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Card testing through a hosted pay link (docs/fraud.md, "Block list"): declined cards count against the pay link; the
 * fifth decline within an hour puts the pay link and the address on the block list (Redis with a TTL, a row for the
 * audit), the next attempt gets a refusal that says nothing of why, and no PaymentIntent reaches the Stripe emulator;
 * a risk analyst sees both blocks and lifts them with a reason, and the payer pays.
 */
class CardTestingIT extends PaymentJourneys {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void declinesOnOnePayLinkBlockItAndTheAddressUntilAnAnalystLiftsThem() throws Exception {
        Parties parties = parties();
        JsonNode created = create(parties, 640_00, "EUR", "LD-CARD-TESTING", false);
        URI url = URI.create(created.get("payment_page_url").asString());
        String token = url.getRawPath().substring(url.getRawPath().lastIndexOf('/') + 1);
        String link = "http://localhost:" + port + url.getRawPath();
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        var tester = new PaymentPageIT.Browser(address);

        for (int attempt = 1; attempt <= 5; attempt++) {
            var declined = tester.submit(link, "/card", Map.of("payment_method", "pm_card_chargeDeclined"));
            assertThat(declined.statusCode())
                    .as("decline %d: %s", attempt, declined.body())
                    .isEqualTo(402);
            assertThat(declined.headers().firstValue("RateLimit-Policy").orElseThrow())
                    .contains("\"payment-attempt-per-ip\";q=30;w=600")
                    .doesNotContain("pay-link");
        }
        int mark = stripe.control().requests().size();

        var refused = tester.submit(link, "/card", Map.of("payment_method", "pm_card_visa"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Retry-After"))
                .as("nor until when")
                .isEmpty();
        assertThat(refused.body())
                .contains("This payment link cannot take payments at the moment. Nothing was charged.")
                .doesNotContainIgnoringCase("block")
                .doesNotContainIgnoringCase("declin")
                .doesNotContainIgnoringCase("limit");
        assertThat(stripe
                        .control()
                        .requests()
                        .subList(mark, stripe.control().requests().size())
                        .stream()
                        .filter(r -> r.path().startsWith("/v1/payment_methods")
                                || (r.method().equals("POST") && r.path().startsWith("/v1/payment_intents")))
                        .toList())
                .as("nothing of this payment reached Stripe (other tests' janitors may read their own)")
                .isEmpty();
        var fromElsewhere = new PaymentPageIT.Browser(
                        "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250))
                .submit(link, "/card", Map.of("payment_method", "pm_card_visa"));
        assertThat(fromElsewhere.statusCode())
                .as("the pay link is blocked, whoever uses it")
                .isEqualTo(403);
        String payLink = sha256(token);
        String redisKey = "fg:block:payment-attempt:pay_link:" + payLink;
        assertThat(redis.getExpire(redisKey))
                .as("the live block expires by itself")
                .isPositive();

        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        List<JsonNode> blocks = blocksOf(analyst, "true", payLink, address);
        assertThat(blocks)
                .extracting(block -> block.get("kind").asString())
                .as("the pay link only: the address may be an office's, shared with payers of other links")
                .containsExactly("PAY_LINK");
        assertThat(blocks).allSatisfy(block -> {
            assertThat(block.get("action").asString()).isEqualTo("payment-attempt");
            assertThat(block.get("cause").asString()).isEqualTo("FAILURES");
            assertThat(block.get("reason").asString()).contains("declined (generic_decline)");
            assertThat(block.get("blocked_by").asString()).isEqualTo("system:rate-limits");
            assertThat(block.get("in_force").asBoolean()).isTrue();
        });
        assertThat(api.post(
                                "/api/v1/fraud/blocks/"
                                        + blocks.getFirst().get("id").asString() + "/lift",
                                "{\"reason\":\"not mine\"}")
                        .token(callers.platformAdmin())
                        .idempotencyKey(UUID.randomUUID().toString())
                        .send()
                        .status())
                .as("a platform admin reads blocks but does not lift them")
                .isEqualTo(403);

        for (JsonNode block : blocks) {
            var lifted = api.post(
                            "/api/v1/fraud/blocks/" + block.get("id").asString() + "/lift",
                            "{\"reason\":\"the shipper called: a new card after an expired one\"}")
                    .token(analyst)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
            assertThat(lifted.json().get("in_force").asBoolean()).isFalse();
            assertThat(lifted.json().get("lift_reason").asString()).contains("the shipper called");
            var again = api.post(
                            "/api/v1/fraud/blocks/" + block.get("id").asString() + "/lift", "{\"reason\":\"twice\"}")
                    .token(analyst)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
            assertThat(again.status()).as(again.body()).isEqualTo(409);
        }
        assertThat(redis.hasKey(redisKey)).isFalse();
        assertThat(blocksOf(analyst, "true", payLink, address)).isEmpty();
        assertThat(blocksOf(analyst, "false", payLink, address))
                .allSatisfy(
                        block -> assertThat(block.get("lifted_by").asString()).isNotBlank());

        int beforePaying = stripe.control().requests().size();
        var paid = tester.submit(link, "/card", Map.of("payment_method", "pm_card_visa"));

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        assertThat(read(parties.carrier(), id(created)).get("status").asString())
                .isEqualTo("PAID");
        assertThat(stripe.control()
                        .requests()
                        .subList(beforePaying, stripe.control().requests().size()))
                .anyMatch(r -> r.method().equals("POST") && r.path().startsWith("/v1/payment_intents"));
    }

    private List<JsonNode> blocksOf(String analyst, String inForce, String payLink, String address) {
        Api.Response listed = api.get("/api/v1/fraud/blocks?in_force=" + inForce)
                .token(analyst)
                .send();
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return StreamSupport.stream(listed.json().spliterator(), false)
                .filter(block -> block.get("value").asString().equals(payLink)
                        || block.get("value").asString().equals(address))
                .toList();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

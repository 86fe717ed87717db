package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.local.EmbeddedRedisServer;
import io.freightgate.local.LocalInfrastructure;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.support.Api;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21, velocity, end to end on the hosted payment page against the Stripe emulator and the embedded Redis: the
 * fourth card tried within an hour on one pay link is reviewed by the default rule, with the counter's value in the
 * explanation; declined attempts are counted once each; with Redis stopped the same counts come from PostgreSQL, the
 * payments are still screened and the health says DEGRADED, and once Redis is back it is used again without a restart.
 */
class VelocityJourneysIT extends PaymentJourneys {

    private static final Reach TEST = Reach.acrossTenants("test reads fraud decisions");
    private static final String FOURTH_CARD_RULE = "review if :distinct_cards_per_pay_link_1h: >= 4";
    private static final List<String> DECLINED_CARDS = List.of(
            "pm_card_chargeDeclined", "pm_card_chargeDeclinedInsufficientFunds", "pm_card_chargeDeclinedLostCard");

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Environment environment;

    @Test
    void theFourthCardInAnHourOnOnePayLinkIsReviewedWithTheCounterInTheExplanation() throws Exception {
        PayLink link = payLink(950_00, "LD-VELOCITY-4TH");

        for (String card : DECLINED_CARDS) {
            assertThat(link.pay(card).statusCode()).as(card).isEqualTo(402);
        }
        int mark = stripe.control().requests().size();
        var fourth = link.pay("pm_card_visa");

        assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(303);
        List<String> decisions = decisions(link.hash());
        assertThat(decisions)
                .as("one screening per attempt, the first three allowed, the fourth reviewed, all counted in Redis")
                .containsExactly("ALLOW REDIS", "ALLOW REDIS", "ALLOW REDIS", "REVIEW REDIS");
        assertThat(explanationsOfLast(link.hash()))
                .startsWith(FOURTH_CARD_RULE + " (:distinct_cards_per_pay_link_1h: = 4)");
        assertThat(stripe.control()
                        .requests()
                        .subList(mark, stripe.control().requests().size()))
                .as("a reviewed payment still reaches Stripe (held for review after authorization)")
                .anyMatch(r -> r.method().equals("POST") && r.path().startsWith("/v1/payment_intents"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(redis.opsForZSet().zCard("fg:fraud:velocity:declined_attempts:pay_link:" + link.hash()))
                    .as("each declined attempt counted once in Redis")
                    .isEqualTo(3L);
            assertThat(declinedInDatabase(link.hash())).isEqualTo(3);
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
        server.close();
        try {
            for (String card : DECLINED_CARDS.subList(1, DECLINED_CARDS.size())) {
                assertThat(link.pay(card).statusCode()).as(card).isEqualTo(402);
            }
            var fourth = link.pay("pm_card_visa");

            assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(303);
            assertThat(decisions(link.hash()))
                    .as("the first counted in Redis; with Redis down, the same counts from PostgreSQL")
                    .containsExactly("ALLOW REDIS", "ALLOW POSTGRESQL", "ALLOW POSTGRESQL", "REVIEW POSTGRESQL");
            assertThat(explanationsOfLast(link.hash()))
                    .startsWith(FOURTH_CARD_RULE + " (:distinct_cards_per_pay_link_1h: = 4)");
            assertThat(fraudVelocityHealth()).isEqualTo("DEGRADED");
            assertThat(api.get("/readyz").send().status())
                    .as("payments keep flowing: the gateway stays ready")
                    .isEqualTo(200);
        } finally {
            server.restart();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> fraudVelocityHealth().equals("UP"));
        PayLink another = payLink(970_00, "LD-VELOCITY-BACK");
        var paid = another.pay("pm_card_visa");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        assertThat(decisions(another.hash())).as("Redis used again, no restart").containsExactly("ALLOW REDIS");
        assertThat(redis.opsForZSet().zCard("fg:fraud:velocity:attempts:pay_link:" + another.hash()))
                .isEqualTo(1L);
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
        Api.Response health = new Api(management).get("/actuator/health").send();
        return health.json()
                .get("components")
                .get("fraudVelocity")
                .get("status")
                .asString();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

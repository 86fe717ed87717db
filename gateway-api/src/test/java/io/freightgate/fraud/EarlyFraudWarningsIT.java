package io.freightgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.param.RefundListParams;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.transfers.TransferJourneys;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Early fraud warnings against the Stripe emulator: a card payment with Stripe's {@code createIssuerFraudRecord} test
 * card makes the emulator raise {@code radar.early_fraud_warning.created}; FreightGate applies it once, flags the
 * payment for risk analysts, holds the carrier's payouts (the default rule {@code hold_payout if :early_fraud_warning:};
 * the account is on manual payouts at the emulator) and recommends a refund, which the policy makes at once for
 * payments up to 200.00 EUR (test configuration): a refund with reason {@code fraudulent} at the emulator.
 */
class EarlyFraudWarningsIT extends TransferJourneys {

    private static final String WARNED_CARD = "pm_card_createIssuerFraudRecord";

    @Test
    void aWarningHoldsPayoutsAndRefundsWithinThePolicyOrRecommendsTheRefundAboveIt() throws Exception {
        Carrier carrier = carrierWithPayouts("Warned Haulage " + UUID.randomUUID(), "daily");
        TenantId tenant = carrier.parties().carrier();

        String small = id(create(carrier.parties(), 10_000, "EUR", "LD-EFW-SMALL", false));
        paid(carrier.parties(), small, WARNED_CARD);
        Charge smallCharge = chargesOf(small).getFirst();

        JsonNode refunded = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> warningOf(small),
                        w -> w != null && w.get("refund").asString().equals("REFUNDED"));
        assertThat(refunded.get("id").asString()).startsWith("issfr_");
        assertThat(refunded.get("charge_id").asString()).isEqualTo(smallCharge.getId());
        assertThat(refunded.get("payment_intent_id").asString()).isEqualTo(smallCharge.getPaymentIntent());
        assertThat(refunded.get("carrier_id").asString()).isEqualTo(tenant.toString());
        assertThat(refunded.get("amount_minor").asLong()).isEqualTo(10_000);
        assertThat(refunded.get("fraud_type").asString()).isEqualTo("made_with_stolen_card");
        assertThat(refunded.get("hold_payout").asBoolean()).isTrue();
        assertThat(refunded.get("explanations").toString()).contains("hold_payout if :early_fraud_warning:");
        List<Refund> atStripe = stripeClient
                .v1()
                .refunds()
                .list(RefundListParams.builder()
                        .setPaymentIntent(smallCharge.getPaymentIntent())
                        .build())
                .getData();
        assertThat(atStripe).singleElement().satisfies(refund -> {
            assertThat(refund.getReason()).isEqualTo("fraudulent");
            assertThat(refund.getAmount()).isEqualTo(10_000L);
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> interval(carrier.account()).equals("manual"));
        JsonNode holds = holdsOf(tenant);
        assertThat(holds.get("active")).singleElement().satisfies(hold -> assertThat(
                        hold.get("reference").asString())
                .isEqualTo("efw:" + refunded.get("id").asString()));

        String large = id(create(carrier.parties(), 50_000, "EUR", "LD-EFW-LARGE", false));
        var second = pay(carrier.parties(), large, "{\"method\":\"card\",\"payment_method\":\"" + WARNED_CARD + "\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(read(tenant, large).get("status").asString())
                .as("the warned card is on the watch list now: its next payment waits in review")
                .isEqualTo("AUTHORIZED");
        approveTheReviewOf(large);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> read(tenant, large).get("status").asString().equals("PAID"));
        Charge largeCharge = chargesOf(large).getFirst();

        JsonNode recommended = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> warningOf(large),
                        w -> w != null && w.get("hold_payout").asBoolean());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> holdsOf(tenant).get("active").size() == 2);
        assertThat(warningOf(large).get("refund").asString()).isEqualTo("RECOMMENDED");
        assertThat(recommended.get("actionable").asBoolean()).isTrue();
        assertThat(stripeClient
                        .v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setPaymentIntent(largeCharge.getPaymentIntent())
                                .build())
                        .getData())
                .as("above the policy's limit the refund is only recommended")
                .isEmpty();
        assertThat(interval(carrier.account())).isEqualTo("manual");
        assertThat(read(tenant, large).get("status").asString()).isEqualTo("PAID");

        var byCarrier = api.get("/api/v1/fraud/early-fraud-warnings")
                .token(callers.of(tenant, Role.CARRIER_ADMIN))
                .send();
        assertThat(byCarrier.status()).isEqualTo(403);
    }

    private JsonNode warningOf(String paymentRequest) {
        var response = api.get("/api/v1/fraud/early-fraud-warnings")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode warning : response.json()) {
            if (paymentRequest.equals(warning.path("payment_request_id").asString(""))) {
                return warning;
            }
        }
        return null;
    }

    private JsonNode holdsOf(TenantId carrier) {
        var response = api.get("/api/v1/carriers/" + carrier + "/payout-holds")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String interval(String account) throws Exception {
        return stripeClient
                .v1()
                .accounts()
                .retrieve(account)
                .getSettings()
                .getPayouts()
                .getSchedule()
                .getInterval();
    }

    /** A risk analyst approves the open review of the payment request: its authorization is captured. */
    private void approveTheReviewOf(String requestId) {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        var listed = api.get("/api/v1/fraud/reviews?open=true&limit=500")
                .token(analyst)
                .send();
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        String reviewId = null;
        for (JsonNode review : listed.json()) {
            if (review.get("payment_request_id").asString().equals(requestId)) {
                assertThat(review.get("explanations").toString()).contains("card_on_watch_list");
                reviewId = review.get("id").asString();
            }
        }
        assertThat(reviewId)
                .as("an open review of " + requestId + " in " + listed.body())
                .isNotNull();
        var approved = api.post(
                        "/api/v1/fraud/reviews/" + reviewId + "/approve", "{\"note\":\"warned card, shipper called\"}")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }
}

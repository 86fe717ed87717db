package io.freightgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.param.RefundListParams;
import com.stripe.param.radar.EarlyFraudWarningListParams;
import io.freightgate.emulator.stripe.DisputeRequest;
import io.freightgate.emulator.stripe.FaultRule;
import io.freightgate.emulator.stripe.WebhookBehaviour;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.transfers.TransferJourneys;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Early fraud warnings against the Stripe emulator: a card payment with Stripe's {@code createIssuerFraudRecord} test
 * card makes the emulator raise {@code radar.early_fraud_warning.created}; FreightGate applies it once, flags the
 * payment for risk analysts, holds the carrier's payouts (the default rule {@code hold_payout if :early_fraud_warning:};
 * the account is on manual payouts at the emulator) and recommends a refund, which the policy makes at once for
 * payments up to 200.00 EUR (test configuration): a refund with reason {@code fraudulent} at the emulator.
 */
class EarlyFraudWarningsIT extends TransferJourneys {

    @Autowired
    FraudReviews reviews;

    @Autowired
    SystemAccess systemAccess;

    private static final String WARNED_CARD = "pm_card_createIssuerFraudRecord";

    @Test
    void aWarningHoldsPayoutsAndRefundsWithinThePolicyOrRecommendsTheRefundAboveIt() throws Exception {
        Carrier carrier = carrierWithPayouts("Warned Haulage " + UUID.randomUUID(), "daily");
        TenantId tenant = carrier.parties().carrier();

        String small = id(create(carrier.parties(), 10_000, "EUR", "LD-EFW-SMALL", false));
        paidWithWarnedCard(carrier.parties(), small);
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
        paidWithWarnedCard(carrier.parties(), large);
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

    @Test
    void aRefundRefusedBecauseTheChargeIsDisputedHandsTheWarningOverToTheDisputeCase() throws Exception {
        Carrier carrier = carrierWithPayouts("Disputed Haulage " + UUID.randomUUID(), "daily");
        // the warning reaches FreightGate only after the chargeback exists at Stripe
        stripe.control().webhookBehaviour(WebhookBehaviour.normal().withDropFirstAttempts(1));
        // and should it arrive at once, its refund reaches Stripe only after the chargeback: Stripe refuses it then
        stripe.control()
                .injectFault(FaultRule.slow("POST", "/v1/refunds", Duration.ofSeconds(6))
                        .times(1));
        String request = id(create(carrier.parties(), 9_000, "EUR", "LD-EFW-DISPUTED", false));
        paidWithWarnedCard(carrier.parties(), request);
        Charge charge = chargesOf(request).getFirst();
        await().atMost(Duration.ofSeconds(20)).until(() -> !stripeClient
                .v1()
                .radar()
                .earlyFraudWarnings()
                .list(EarlyFraudWarningListParams.builder()
                        .setCharge(charge.getId())
                        .build())
                .getData()
                .isEmpty());
        stripe.control().createDispute(apiKey, null, charge.getId(), DisputeRequest.chargeback("fraudulent", "visa"));

        stripe.control().webhookBehaviour(WebhookBehaviour.normal());
        stripe.control().retryWebhooksNow();
        stripe.control().clearFaults();

        JsonNode handedOver = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> warningOf(request),
                        w -> w != null && w.get("refund").asString().equals("HANDED_TO_DISPUTE"));
        assertThat(handedOver.get("refund_detail").asString()).containsAnyOf("charged back", "disputed");
        assertThat(stripeClient
                        .v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setPaymentIntent(charge.getPaymentIntent())
                                .build())
                        .getData())
                .isEmpty();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> interval(carrier.account()).equals("manual"));
    }

    @AfterEach
    void normalWebhooks() {
        stripe.control().webhookBehaviour(WebhookBehaviour.normal());
    }

    /**
     * Pays with the warned card. Once one of this class's payments had its warning, the card is on the watch list and
     * has {@code :card_has_early_fraud_warnings:}: the default rules send its next payment to review, which an analyst
     * approves here (captured then, and the emulator raises the next warning).
     */
    private void paidWithWarnedCard(Parties parties, String id) {
        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"" + WARNED_CARD + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        if (read(parties.carrier(), id).get("status").asString().equals("AUTHORIZED")) {
            UUID request = UUID.fromString(id);
            ReviewView review = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> systemAccess.call("test", () -> reviews.list(true, 500)).stream()
                                    .filter(r -> r.paymentRequestId().equals(request))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            systemAccess.callAs(
                    "analyst@platform.test",
                    java.util.Optional.empty(),
                    "test",
                    () -> reviews.approve(review.id(), "a known card warning, approved for the test"));
        }
        // captured: PAID, or already REFUNDED when the warning's refund by policy was quicker than this look
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        !read(parties.carrier(), id).get("status").asString().equals("AUTHORIZED"));
    }

    private List<String> efwHolds(TenantId carrier) {
        List<String> references = new java.util.ArrayList<>();
        for (JsonNode hold : holdsOf(carrier).get("active")) {
            if (hold.get("reference").asString().startsWith("efw:")) {
                references.add(hold.get("reference").asString());
            }
        }
        return references;
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

    @Test
    void aHoldPayoutRuleThatFiresWhenAPaymentIsScreenedHoldsTheCarriersPayoutsAtTheEmulator() throws Exception {
        Carrier carrier = carrierWithPayouts("Held Haulage " + UUID.randomUUID(), "daily");
        TenantId tenant = carrier.parties().carrier();
        long minor = 40_000 + Math.floorMod(UUID.randomUUID().hashCode(), 9_000) * 10L + 7;
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        var proposed = api.post(
                        "/api/v1/fraud/rules",
                        "{\"name\":\"hold-" + minor + "\",\"text\":\"hold_payout if :amount: = " + (minor / 100) + "."
                                + String.format("%02d", minor % 100) + " EUR\"}")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String rule = proposed.json().get("id").asString();
        var enabled = api.post("/api/v1/fraud/rules/" + rule + "/enable", "")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        try {
            String id = id(create(carrier.parties(), minor, "EUR", "LD-HOLD-RULE", false));
            paid(carrier.parties(), id, "pm_card_visa");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> interval(carrier.account()).equals("manual"));
            assertThat(holdsOf(tenant).get("active")).singleElement().satisfies(hold -> assertThat(
                            hold.get("reference").asString())
                    .isEqualTo("fraud-rule:" + id));
        } finally {
            api.post("/api/v1/fraud/rules/" + rule + "/disable", "")
                    .token(analyst)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
        }
    }
}

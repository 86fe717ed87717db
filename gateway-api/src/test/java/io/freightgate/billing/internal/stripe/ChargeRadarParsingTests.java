package io.freightgate.billing.internal.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.billing.internal.domain.ChargeRadar;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Radar's outcome, the review and the 3-D Secure result are read from an expanded charge, and only from one. */
class ChargeRadarParsingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anElevatedChargeWithAReviewAndAnAuthenticatedCard() {
        ChargeRadar radar = StripePayments.radar(JSON.readTree("""
                {"id":"ch_1","review":"prv_1","outcome":{"network_status":"approved_by_network",
                 "risk_level":"elevated","risk_score":70,"rule":"review_if_elevated_risk",
                 "seller_message":"Stripe evaluated this payment as having elevated risk","type":"manual_review"},
                 "payment_method_details":{"card":{"checks":{"cvc_check":"pass"},
                 "three_d_secure":{"result":"authenticated","version":"2.2.0"}}}}
                """));

        assertThat(radar.riskLevel()).contains("elevated");
        assertThat(radar.riskScore()).contains(70L);
        assertThat(radar.outcomeType()).contains("manual_review");
        assertThat(radar.rule()).contains("review_if_elevated_risk");
        assertThat(radar.networkStatus()).contains("approved_by_network");
        assertThat(radar.cvcCheck()).contains("pass");
        assertThat(radar.stripeReviewId()).contains("prv_1");
        assertThat(radar.liabilityShift()).isTrue();
        assertThat(radar.blockedByRadar()).isFalse();
    }

    @Test
    void anExpandedRuleAndReviewAreReadByTheirIdsAndABlockIsRecognized() {
        ChargeRadar radar = StripePayments.radar(JSON.readTree("""
                {"id":"ch_2","review":{"id":"prv_2"},"outcome":{"type":"blocked","risk_level":"highest",
                 "rule":{"id":"block_if_high_risk","action":"block"}},"payment_method_details":{"card":{}}}
                """));

        assertThat(radar.rule()).contains("block_if_high_risk");
        assertThat(radar.stripeReviewId()).contains("prv_2");
        assertThat(radar.riskScore())
                .as("no score without Radar for Fraud Teams")
                .isEmpty();
        assertThat(radar.blockedByRadar()).isTrue();
        assertThat(radar.liabilityShift()).isFalse();
    }

    @Test
    void aChargeThatIsOnlyAnIdSaysNothing() {
        assertThat(StripePayments.radar(JSON.readTree("\"ch_3\""))).isEqualTo(ChargeRadar.NONE);
    }
}

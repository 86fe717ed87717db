package io.freightgate.fraud.internal.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class DefaultRulesTests {

    private final AttributeRegistry registry = StandardAttributes.registry();
    private final RuleSet defaults = defaults();

    @Test
    void everyDefaultRuleCompiles() {
        assertThat(defaults.rules()).hasSize(15);
    }

    @Test
    void aBlockListedCardIsBlockedBeforeConfirmationEvenWhenItWouldAskFor3DSecure() {
        Verdict verdict = defaults.evaluate(registry.facts()
                .with("amount", Money.of(900_000, "EUR"))
                .with("method", "card")
                .with("is_new_card", true)
                .with("card_on_block_list", true)
                .build());

        assertThat(verdict.action()).isEqualTo(RuleAction.BLOCK);
    }

    @Test
    void aNewDeviceForAShipperKnownFromOtherDevicesIsReviewedAboveTwoThousandEuros() {
        Verdict large = defaults.evaluate(registry.facts()
                .with("amount", Money.of(250_000, "EUR"))
                .with("method", "card")
                .with("is_new_device_for_organization", true)
                .build());
        Verdict small = defaults.evaluate(registry.facts()
                .with("amount", Money.of(150_000, "EUR"))
                .with("method", "card")
                .with("is_new_device_for_organization", true)
                .build());

        assertThat(large.action()).isEqualTo(RuleAction.REVIEW);
        assertThat(large.explanations().getFirst()).contains(":is_new_device_for_organization: = true");
        assertThat(small.action()).isEqualTo(RuleAction.ALLOW);
    }

    @Test
    void aNewCardForALargeAmountAuthenticatesWith3DSecure() {
        Verdict verdict = defaults.evaluate(registry.facts()
                .with("amount", Money.of(600_000, "EUR"))
                .with("method", "card")
                .with("is_new_card", true)
                .with("shipper_age_days", 400)
                .with("shipper_kyc_state", "verified")
                .build());

        assertThat(verdict.action()).isEqualTo(RuleAction.ALLOW);
        assertThat(verdict.requestThreeDSecure()).isTrue();
    }

    @Test
    void radarsHighestRiskBlocksAndElevatedReviews() {
        assertThat(defaults.evaluate(
                                registry.facts().with("risk_level", "highest").build())
                        .action())
                .isEqualTo(RuleAction.BLOCK);
        assertThat(defaults.evaluate(
                                registry.facts().with("risk_level", "elevated").build())
                        .action())
                .isEqualTo(RuleAction.REVIEW);
        assertThat(defaults.evaluate(registry.facts()
                                .with("risk_level", "normal")
                                .with("risk_score", 20)
                                .build())
                        .action())
                .isEqualTo(RuleAction.ALLOW);
    }

    @Test
    void anAmountFarAboveTheShippersHistoryIsReviewed() {
        Facts usual = registry.facts()
                .with("amount", Money.of(250_000, "EUR"))
                .with("shipper_payment_count_90d", 12)
                .with("shipper_avg_amount_90d", Money.of(100_000, "EUR"))
                .build();
        Facts unusual = registry.facts()
                .with("amount", Money.of(350_000, "EUR"))
                .with("shipper_payment_count_90d", 12)
                .with("shipper_avg_amount_90d", Money.of(100_000, "EUR"))
                .build();

        assertThat(defaults.evaluate(usual).action()).isEqualTo(RuleAction.ALLOW);
        assertThat(defaults.evaluate(unusual).action()).isEqualTo(RuleAction.REVIEW);
    }

    @Test
    void theFourthCardInAnHourOnOnePayLinkIsReviewedAndTheThirdIsNot() {
        Verdict third = defaults.evaluate(
                registry.facts().with("distinct_cards_per_pay_link_1h", 3).build());
        Verdict fourth = defaults.evaluate(
                registry.facts().with("distinct_cards_per_pay_link_1h", 4).build());

        assertThat(third.action()).isEqualTo(RuleAction.ALLOW);
        assertThat(fourth.action()).isEqualTo(RuleAction.REVIEW);
        assertThat(fourth.explanations().getFirst())
                .isEqualTo("review if :distinct_cards_per_pay_link_1h: >= 4 (:distinct_cards_per_pay_link_1h: = 4)");
    }

    @Test
    void anAmountFarOutsideTheShippersSpreadIsReviewedOnceTheSpreadIsKnown() {
        Facts far = registry.facts()
                .with("shipper_payment_count_90d", 12)
                .with("shipper_amount_zscore", new java.math.BigDecimal("4.20"))
                .build();
        Facts fewPayments = registry.facts()
                .with("shipper_payment_count_90d", 6)
                .with("shipper_amount_zscore", new java.math.BigDecimal("4.20"))
                .build();

        assertThat(defaults.evaluate(far).action()).isEqualTo(RuleAction.REVIEW);
        assertThat(defaults.evaluate(fewPayments).action()).isEqualTo(RuleAction.ALLOW);
    }

    @Test
    void anEarlyFraudWarningHoldsPayouts() {
        assertThat(defaults.evaluate(registry.facts()
                                .with("early_fraud_warning", true)
                                .build())
                        .holdPayout())
                .isTrue();
    }

    private RuleSet defaults() {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fraud/default-rules.txt"))) {
            RuleSet.Parsed parsed =
                    RuleSet.parse("default", new String(in.readAllBytes(), StandardCharsets.UTF_8), registry);
            assertThat(parsed).isInstanceOf(RuleSet.Parsed.Valid.class);
            return ((RuleSet.Parsed.Valid) parsed).rules();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

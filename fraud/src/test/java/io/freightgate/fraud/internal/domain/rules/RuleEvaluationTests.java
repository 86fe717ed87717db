package io.freightgate.fraud.internal.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.Money;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RuleEvaluationTests {

    private final AttributeRegistry registry = StandardAttributes.registry();

    @Test
    void aRuleFiresOnlyWhenItsConditionIsTrueNotWhenAFactIsUnknown() {
        Rule rule = rule("review if :risk_score: >= 65");

        assertThat(rule.firesFor(registry.facts().with("risk_score", 65).build()))
                .isTrue();
        assertThat(rule.firesFor(registry.facts().with("risk_score", 64).build()))
                .isFalse();
        assertThat(rule.firesFor(registry.facts().build())).isFalse();
    }

    @Test
    void notOfAnUnknownIsStillUnknown() {
        Rule rule = rule("allow if not (:risk_score: > 65)");

        assertThat(rule.firesFor(registry.facts().build())).isFalse();
        assertThat(rule.firesFor(registry.facts().with("risk_score", 10).build()))
                .isTrue();
    }

    @Test
    void andAndOrFollowThreeValuedLogic() {
        Rule either = rule("review if :risk_score: > 65 or :disputed:");
        Rule both = rule("review if :risk_score: > 65 and :disputed:");
        Facts disputedWithoutScore = registry.facts().with("disputed", true).build();
        Facts undisputedWithoutScore = registry.facts().with("disputed", false).build();

        assertThat(either.firesFor(disputedWithoutScore)).isTrue();
        assertThat(either.firesFor(undisputedWithoutScore)).isFalse();
        assertThat(both.firesFor(disputedWithoutScore)).isFalse();
        assertThat(rule("allow if not (:risk_score: > 65 and :disputed:)").firesFor(undisputedWithoutScore))
                .as("false and unknown is false, so its negation is true")
                .isTrue();
    }

    @Test
    void amountsCompareOnlyInTheirOwnCurrencyWithoutExchangeRates() {
        Rule rule = rule("request_3ds if :amount: > 5000 EUR");

        assertThat(rule.firesFor(amount(500_001, "EUR"))).isTrue();
        assertThat(rule.firesFor(amount(500_000, "EUR"))).isFalse();
        assertThat(rule.firesFor(amount(999_999_999, "PLN")))
                .as("a PLN amount is not compared with EUR")
                .isFalse();
        assertThat(rule("allow if not (:amount: > 5000 EUR)").firesFor(amount(1, "PLN")))
                .isFalse();
        assertThat(rule("review if :amount: > 5000 JPY").firesFor(amount(5001, "JPY")))
                .isTrue();
    }

    @Test
    void anAmountTimesAFactorRoundsHalfUpInMinorUnits() {
        Rule rule = rule("review if :amount: > 2.5 * :shipper_avg_amount_90d:");
        Facts facts = registry.facts()
                .with("amount", Money.of(2_501, "EUR"))
                .with("shipper_avg_amount_90d", Money.of(1_000, "EUR"))
                .build();

        assertThat(rule.firesFor(facts)).isTrue();
        assertThat(rule.firesFor(registry.facts()
                        .with("amount", Money.of(2_500, "EUR"))
                        .with("shipper_avg_amount_90d", Money.of(1_000, "EUR"))
                        .build()))
                .isFalse();
        assertThat(rule.firesFor(
                        registry.facts().with("amount", Money.of(2_501, "EUR")).build()))
                .as("a shipper with no history has no average")
                .isFalse();
    }

    @Test
    void membershipComparesNumbersByValue() {
        Rule rule = rule("review if :risk_score: in (65, 70.0)");

        assertThat(rule.firesFor(registry.facts().with("risk_score", 70).build()))
                .isTrue();
        assertThat(rule.firesFor(registry.facts().with("risk_score", 66).build()))
                .isFalse();
    }

    @Test
    void anAllowRuleBeatsBlockAndReviewRules() {
        RuleSet rules = rules(
                "review if :risk_level: = 'elevated'", "block if :card_on_block_list:", "allow if :shipper_trusted:");
        Facts facts = registry.facts()
                .with("risk_level", "elevated")
                .with("card_on_block_list", true)
                .with("shipper_trusted", true)
                .build();

        Verdict verdict = rules.evaluate(facts);

        assertThat(verdict.action()).isEqualTo(RuleAction.ALLOW);
        assertThat(verdict.deciding()).map(Verdict.Firing::ruleId).contains("r-3");
        assertThat(verdict.fired()).extracting(Verdict.Firing::ruleId).containsExactly("r-1", "r-2", "r-3");
    }

    @Test
    void blockBeatsReviewAndNothingFiredAllows() {
        RuleSet rules = rules("review if :risk_level: = 'elevated'", "block if :card_on_block_list:");

        assertThat(rules.evaluate(registry.facts()
                                .with("risk_level", "elevated")
                                .with("card_on_block_list", true)
                                .build())
                        .action())
                .isEqualTo(RuleAction.BLOCK);
        Verdict quiet =
                rules.evaluate(registry.facts().with("risk_level", "normal").build());
        assertThat(quiet.action()).isEqualTo(RuleAction.ALLOW);
        assertThat(quiet.deciding()).isEmpty();
        assertThat(quiet.explanations()).isEmpty();
    }

    @Test
    void threeDSecureAndPayoutHoldsAddToTheDecision() {
        RuleSet rules = rules(
                "request_3ds if :is_new_card:",
                "hold_payout if :early_fraud_warning:",
                "block if :card_on_block_list:");

        Verdict blocked = rules.evaluate(registry.facts()
                .with("is_new_card", true)
                .with("early_fraud_warning", true)
                .with("card_on_block_list", true)
                .build());
        Verdict authenticated =
                rules.evaluate(registry.facts().with("is_new_card", true).build());

        assertThat(blocked.action()).isEqualTo(RuleAction.BLOCK);
        assertThat(blocked.requestThreeDSecure()).isTrue();
        assertThat(blocked.holdPayout()).isTrue();
        assertThat(authenticated.action()).isEqualTo(RuleAction.ALLOW);
        assertThat(authenticated.requestThreeDSecure()).isTrue();
        assertThat(authenticated.holdPayout()).isFalse();
    }

    @Test
    void theExplanationNamesTheDecidingRuleFirstWithTheValuesItSaw() {
        RuleSet rules = rules(
                "review if :amount: > 3 * :shipper_avg_amount_90d: and :risk_score: > 10",
                "block if :risk_level: = 'highest'");
        Facts facts = registry.facts()
                .with("amount", Money.of(400_000, "EUR"))
                .with("shipper_avg_amount_90d", Money.of(100_000, "EUR"))
                .with("risk_score", 80)
                .with("risk_level", "highest")
                .build();

        Verdict verdict = rules.evaluate(facts);

        assertThat(verdict.explanations())
                .containsExactly(
                        "block if :risk_level: = 'highest' (:risk_level: = 'highest')",
                        "review if :amount: > 3 * :shipper_avg_amount_90d: and :risk_score: > 10"
                                + " (:amount: = 4000.00 EUR, :shipper_avg_amount_90d: = 1000.00 EUR, :risk_score: = 80)");
    }

    @Test
    void aSnoozedRuleDoesNotFireButTheExplanationSaysItWasSnoozed() {
        RuleSet rules = rules(
                "review if :card_on_watch_list:",
                "request_3ds if :card_on_watch_list:",
                "hold_payout if :card_on_watch_list:",
                "review if :risk_score: > 50");
        Facts facts = registry.facts()
                .with("card_on_watch_list", true)
                .with("risk_score", 10)
                .build();

        Verdict snoozed = rules.evaluate(
                facts, java.util.Map.of("r-1", "for CARD 'fp_1' until 2026-12-10T00:00:00Z by anna", "r-2", "x"));

        assertThat(snoozed.action()).isEqualTo(RuleAction.ALLOW);
        assertThat(snoozed.deciding()).isEmpty();
        assertThat(snoozed.requestThreeDSecure())
                .as("a snoozed request_3ds rule adds nothing")
                .isFalse();
        assertThat(snoozed.holdPayout())
                .as("the hold_payout rule is not snoozed")
                .isTrue();
        assertThat(snoozed.firedRules()).containsExactly("r-3");
        assertThat(snoozed.explanations())
                .containsExactly(
                        "hold_payout if :card_on_watch_list: (:card_on_watch_list: = true)",
                        "review if :card_on_watch_list: (:card_on_watch_list: = true) snoozed for CARD 'fp_1' until"
                                + " 2026-12-10T00:00:00Z by anna",
                        "request_3ds if :card_on_watch_list: (:card_on_watch_list: = true) snoozed x");
        assertThat(rules.evaluate(facts, java.util.Map.of("r-4", "y")).snoozed())
                .as("a snoozed rule whose condition is false is not mentioned")
                .isEmpty();
        assertThat(rules.evaluate(facts).action()).isEqualTo(RuleAction.REVIEW);
    }

    @Test
    void factsAreCheckedAgainstTheirAttributes() {
        assertThatThrownBy(() -> registry.facts().with("risk_score", "high"))
                .hasMessage(":risk_score: holds a number, not a text");
        assertThatThrownBy(() -> registry.facts().with("risk_level", "severe"))
                .hasMessageStartingWith("'severe' is not one of the values of :risk_level:");
        assertThatThrownBy(() -> registry.facts().with("colour", "red"))
                .hasMessage("No attribute :colour: is registered");
    }

    @Test
    void theRegistryGrowsWithoutChangingTheLanguage() {
        AttributeRegistry extended = registry.with(java.util.List.of(Attribute.of(
                "card_count_1h",
                AttributeType.NUMBER,
                Attribute.Known.BEFORE_CONFIRMATION,
                "Cards tried in an hour.")));

        Rule.Compilation compiled = Rule.compile("v", "block if :card_count_1h: >= 4", extended);

        assertThat(compiled).isInstanceOf(Rule.Compiled.class);
        assertThat(Rule.compile("v", "block if :card_count_1h: >= 4", registry)).isInstanceOf(Rule.Refused.class);
        assertThatThrownBy(() -> extended.with(java.util.List.of(
                        Attribute.of("amount", AttributeType.MONEY, Attribute.Known.BEFORE_CONFIRMATION, "again"))))
                .hasMessage("Attribute :amount: is registered twice");
    }

    private Facts amount(long minor, String currency) {
        return registry.facts().with("amount", Money.of(minor, currency)).build();
    }

    private Rule rule(String text) {
        return ((Rule.Compiled) Rule.compile("r", text, registry)).rule();
    }

    private RuleSet rules(String... texts) {
        RuleSet.Parsed parsed = RuleSet.parse("r", String.join("\n", Arrays.asList(texts)), registry);
        assertThat(parsed).isInstanceOf(RuleSet.Parsed.Valid.class);
        return ((RuleSet.Parsed.Valid) parsed).rules();
    }
}

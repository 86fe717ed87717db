package io.freightgate.fraud.internal.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VelocityAttributesTests {

    private final AttributeRegistry registry = StandardAttributes.registry();

    @Test
    void onlyBlockAndReviewRulesNamingACounterNeedTheCounters() {
        RuleSet rules = ((RuleSet.Parsed.Valid) RuleSet.parse("r", """
                                review if :distinct_cards_per_pay_link_1h: >= 4
                                block if :declined_attempts_per_card_24h: >= 5 or :card_on_block_list:
                                allow if :attempts_per_shipper_7d: < 2
                                request_3ds if :attempts_per_ip_1h: > 3
                                review if :risk_score: >= 65
                                """, registry)).rules();

        assertThat(VelocityAttributes.rulesNeedingThem(rules)).containsExactly("r-1", "r-2");
    }

    @Test
    void theDefaultRulesNeedThemThroughTheirCardCounters() throws Exception {
        RuleSet defaults = ((RuleSet.Parsed.Valid) RuleSet.parse(
                        "default",
                        new String(
                                java.util.Objects.requireNonNull(
                                                getClass().getResourceAsStream("/fraud/default-rules.txt"))
                                        .readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8),
                        registry))
                .rules();

        assertThat(VelocityAttributes.rulesNeedingThem(defaults)).containsExactly("default-21", "default-22");
    }
}

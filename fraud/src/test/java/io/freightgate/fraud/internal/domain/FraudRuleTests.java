package io.freightgate.fraud.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.fraud.internal.domain.FraudRule.Outcome;
import io.freightgate.fraud.internal.domain.FraudRule.Refusal;
import io.freightgate.fraud.internal.domain.FraudRule.State;
import io.freightgate.fraud.internal.domain.rules.Rule;
import io.freightgate.fraud.internal.domain.rules.StandardAttributes;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FraudRuleTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aReviewRuleIsInForceAsSoonAsOneAnalystEnablesIt() {
        FraudRule rule = draft("review if :risk_score: >= 65");

        assertThat(rule.enable("anna", NOW)).isEqualTo(new Outcome.Done());

        assertThat(rule.state()).isEqualTo(State.ENABLED);
        assertThat(rule.requestedBy()).isEmpty();
        assertThat(rule.updatedBy()).isEqualTo("anna");
    }

    @Test
    void aBlockRuleWaitsForASecondAnalyst() {
        FraudRule rule = draft("block if :card_on_block_list:");

        rule.enable("anna", NOW);

        assertThat(rule.state()).isEqualTo(State.AWAITING_APPROVAL);
        assertThat(rule.requestedBy()).contains("anna");
        assertThat(rule.approve("anna", NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(Outcome.Refused.class, refused -> assertThat(refused.refusal())
                        .isEqualTo(Refusal.SAME_ANALYST));
        assertThat(rule.state()).isEqualTo(State.AWAITING_APPROVAL);

        assertThat(rule.approve("boris", NOW.plusSeconds(120))).isEqualTo(new Outcome.Done());
        assertThat(rule.state()).isEqualTo(State.ENABLED);
        assertThat(rule.requestedBy()).isEmpty();
        assertThat(rule.updatedBy()).isEqualTo("boris");
    }

    @Test
    void aRuleInForceIsNotEditedUntilItIsDisabled() {
        FraudRule rule = draft("review if :risk_score: >= 65");
        rule.enable("anna", NOW);

        assertThat(rule.edit(compiled("review if :risk_score: >= 50"), "anna", NOW))
                .isEqualTo(new Outcome.Refused(Refusal.WRONG_STATE, "An enabled rule cannot be edited."));
        assertThat(rule.text()).isEqualTo("review if :risk_score: >= 65");

        assertThat(rule.disable("anna", NOW)).isEqualTo(new Outcome.Done());
        assertThat(rule.edit(compiled("block if :risk_score: >= 90"), "anna", NOW))
                .isEqualTo(new Outcome.Done());
        assertThat(rule.text()).isEqualTo("block if :risk_score: >= 90");
        assertThat(rule.enable("anna", NOW)).isEqualTo(new Outcome.Done());
        assertThat(rule.state())
                .as("the edit turned it into a block rule, so it needs a second analyst now")
                .isEqualTo(State.AWAITING_APPROVAL);
    }

    @Test
    void disablingIsAlwaysOneAnalystsDecisionAndWithdrawsARequest() {
        FraudRule rule = draft("block if :card_on_block_list:");
        rule.enable("anna", NOW);

        assertThat(rule.disable("anna", NOW)).isEqualTo(new Outcome.Done());
        assertThat(rule.state()).isEqualTo(State.DISABLED);
        assertThat(rule.requestedBy()).isEmpty();
        assertThat(rule.approve("boris", NOW)).isInstanceOf(Outcome.Refused.class);
        assertThat(rule.disable("boris", NOW)).isInstanceOf(Outcome.Refused.class);
    }

    private static FraudRule draft(String text) {
        return FraudRule.draft(UUID.randomUUID(), "r", compiled(text), "author", NOW);
    }

    private static Rule compiled(String text) {
        return ((Rule.Compiled) Rule.compile("r", text, StandardAttributes.registry())).rule();
    }
}

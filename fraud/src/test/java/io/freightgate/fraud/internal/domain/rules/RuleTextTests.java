package io.freightgate.fraud.internal.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleTextTests {

    private final AttributeRegistry registry = StandardAttributes.registry();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            block if :risk_level: = 'highest'                                             | BLOCK
            review if :risk_score: >= 65                                                  | REVIEW
            request_3ds if :is_new_card: and :amount: > 500000 EUR                        | REQUEST_3DS
            review if :amount: > 3 * :shipper_avg_amount_90d:                             | REVIEW
            allow if :shipper_trusted:                                                    | ALLOW
            hold_payout if :early_fraud_warning:                                          | HOLD_PAYOUT
            review if not (:risk_score: < 40) or :risk_level: in ('elevated', 'highest') | REVIEW
            review if :amount: >= 1_000.50 EUR and :amount: * 2 < 1000000 JPY             | REVIEW
            block if :cvc_check: != 'pass' and :has_liability_shift: = false              | BLOCK
            """)
    void compilesTheLanguageOfTheIssue(String text, RuleAction action) {
        Rule rule = compiled(text);

        assertThat(rule.action()).isEqualTo(action);
        assertThat(rule.text()).isEqualTo(text);
    }

    @Test
    void namesTheAttributesARuleReadsOnceEach() {
        Rule rule = compiled("review if :amount: > 3 * :shipper_avg_amount_90d: and :amount: > 100 EUR");

        assertThat(rule.attributes()).extracting(Attribute::name).containsExactly("amount", "shipper_avg_amount_90d");
    }

    @Test
    void anUnknownAttributeIsRefusedWhereItStandsWithTheClosestName() {
        assertThat(problem("review if :risk_scor: >= 65"))
                .isEqualTo(new RuleProblem(1, 11, "unknown attribute :risk_scor:; did you mean :risk_score:?"));
        assertThat(problem("review if :colour: = 'red'").message()).isEqualTo("unknown attribute :colour:");
    }

    @Test
    void nestingDeeperThanTheLimitIsAProblemNotAStackOverflow() {
        String deep = "review if " + "(".repeat(1_000) + ":disputed:" + ")".repeat(1_000);
        assertThat(problem(deep).message()).contains("nest more than " + Parser.MAX_NESTING);
        assertThat(problem("review if " + "not ".repeat(500) + ":disputed:").message())
                .contains("nest more than");
        String allowed =
                "review if " + "(".repeat(Parser.MAX_NESTING - 1) + ":disputed:" + ")".repeat(Parser.MAX_NESTING - 1);
        assertThat(compiled(allowed).text()).isEqualTo(allowed);
    }

    @Test
    void problemsOnLaterLinesCountLinesAndColumnsFromOne() {
        assertThat(problem("review if :risk_score: >= 65\n  and :risk_level: = 'hihgest'"))
                .isEqualTo(new RuleProblem(
                        2,
                        22,
                        "'hihgest' is not a value of :risk_level: (elevated, highest, normal, not_assessed, unknown)"));
    }

    @Test
    void refusesRulesThatDoNotStartWithAnActionAndIf() {
        assertThat(problem("deny if :disputed:").message())
                .isEqualTo(
                        "'deny' is not an action; a rule starts with request_3ds, allow, block, review, hold_payout");
        assertThat(problem("block :disputed:"))
                .isEqualTo(new RuleProblem(1, 7, "expected 'if' after 'block', found :disputed:"));
        assertThat(problem("").message()).startsWith("a rule starts with its action");
    }

    @Test
    void refusesComparisonsOfDifferentTypes() {
        assertThat(problem("review if :amount: > 5000"))
                .isEqualTo(
                        new RuleProblem(
                                1,
                                22,
                                "cannot compare an amount with a number (write the currency after the number, as in 5000 EUR)"));
        assertThat(problem("review if :risk_score: = 'high'").message())
                .isEqualTo("cannot compare a number with a text");
        assertThat(problem("review if :risk_level: > 'normal'"))
                .isEqualTo(new RuleProblem(
                        1, 24, "'>' orders numbers and amounts; a text can only be compared with '=', '!=' or 'in'"));
        assertThat(problem("review if :amount: * :amount: > 5 EUR").message())
                .isEqualTo("'*' multiplies numbers, or an amount by a number, not an amount by an amount");
    }

    @Test
    void aConditionMustBeTrueOrFalse() {
        assertThat(problem("review if :risk_score:"))
                .isEqualTo(new RuleProblem(1, 8, "the condition after 'if' must be true or false, but it is a number"));
        assertThat(problem("review if :disputed: and :risk_score:").message())
                .isEqualTo("the right side of 'and' must be true or false, but it is a number");
        assertThat(problem("review if not :amount:").message())
                .isEqualTo("what follows 'not' must be true or false, but it is an amount");
    }

    @Test
    void refusesMalformedLiterals() {
        assertThat(problem("review if :amount: > 10.005 EUR").message()).isEqualTo("EUR amounts have 2 decimal places");
        assertThat(problem("review if :amount: > 10.5 JPY").message()).isEqualTo("JPY amounts have 0 decimal places");
        assertThat(problem("review if :amount: > 10 XYZ").message())
                .isEqualTo("'XYZ' is not an ISO 4217 currency code");
        assertThat(problem("review if :radar_rule: = 'unterminated"))
                .isEqualTo(new RuleProblem(1, 26, "this text has no closing quote"));
        assertThat(problem("review if :risk_level: = highest").message())
                .isEqualTo("'highest' is not a value: attributes are written between colons (:highest:) and texts"
                        + " between single quotes ('highest')");
        assertThat(problem("review if :risk_score: >= 65 ;").message())
                .isEqualTo("';' is not part of the rule language");
        assertThat(problem("review if (:disputed:").message())
                .startsWith("expected ')' to close the '(' at line 1, column 11");
        assertThat(problem("review if :disputed: :early_fraud_warning:").message())
                .isEqualTo("expected 'and', 'or' or the end of the rule, found :early_fraud_warning:");
        assertThat(problem("review if :risk_score: in (65, :risk_score:)").message())
                .isEqualTo("a list after 'in' holds only literal values");
    }

    @Test
    void aQuoteInsideATextIsDoubled() {
        Rule rule = compiled("review if :radar_rule: = 'rule''s id'");
        Facts facts = registry.facts().with("radar_rule", "rule's id").build();

        assertThat(rule.firesFor(facts)).isTrue();
    }

    @Test
    void aRuleSetIsOneRulePerLineWithComments() {
        RuleSet.Parsed parsed = RuleSet.parse("test", """
                # comment
                block if :disputed: # trailing comment
                review if :radar_rule: = 'has # inside'

                allow if :shipper_trusted:
                """, registry);

        assertThat(parsed).isInstanceOfSatisfying(RuleSet.Parsed.Valid.class, valid -> assertThat(
                        valid.rules().rules())
                .extracting(Rule::id, Rule::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("test-2", "block if :disputed:"),
                        org.assertj.core.groups.Tuple.tuple("test-3", "review if :radar_rule: = 'has # inside'"),
                        org.assertj.core.groups.Tuple.tuple("test-5", "allow if :shipper_trusted:")));
    }

    @Test
    void aRuleSetReportsTheLineOfItsFirstBadRule() {
        RuleSet.Parsed parsed = RuleSet.parse("test", "block if :disputed:\n\nreview if :risk_scor: > 1\n", registry);

        assertThat(parsed)
                .isEqualTo(new RuleSet.Parsed.Invalid(
                        new RuleProblem(3, 11, "unknown attribute :risk_scor:; did you mean :risk_score:?")));
    }

    private Rule compiled(String text) {
        Rule.Compilation compilation = Rule.compile("r", text, registry);
        assertThat(compilation).isInstanceOf(Rule.Compiled.class);
        return ((Rule.Compiled) compilation).rule();
    }

    private RuleProblem problem(String text) {
        Rule.Compilation compilation = Rule.compile("r", text, registry);
        assertThat(compilation).isInstanceOf(Rule.Refused.class);
        return ((Rule.Refused) compilation).problem();
    }
}

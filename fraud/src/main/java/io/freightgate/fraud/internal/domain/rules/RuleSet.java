package io.freightgate.fraud.internal.domain.rules;

import io.freightgate.fraud.internal.domain.rules.Verdict.Firing;
import io.freightgate.fraud.internal.domain.rules.Verdict.Observed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules in force, evaluated together. Every rule is evaluated (so an explanation lists all that fired, and a
 * dry-run can count each rule's hits). The payment's fate is the first of allow, block and review, in
 * {@link RuleAction}'s order, that any rule fired (within one action the first such rule in the set decides); a
 * request_3ds or hold_payout rule that fired adds to it.
 */
public final class RuleSet {

    private final List<Rule> rules;

    public RuleSet(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("Two rules are named " + rule.id());
            }
        }
        this.rules = List.copyOf(rules);
    }

    /**
     * Compiles a rule set written one rule per line ({@code #} starts a comment), naming each rule by its prefix and
     * line number. The first line that does not compile is reported with its own line number.
     */
    public static Parsed parse(String prefix, String text, AttributeRegistry registry) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            String withoutComment = line.substring(0, commentStart(line));
            if (withoutComment.isBlank()) {
                continue;
            }
            switch (Rule.compile(prefix + "-" + (index + 1), withoutComment, registry)) {
                case Rule.Compiled(Rule rule) -> rules.add(rule);
                case Rule.Refused(RuleProblem problem) -> {
                    return new Parsed.Invalid(new RuleProblem(index + 1, problem.column(), problem.message()));
                }
            }
        }
        return new Parsed.Valid(new RuleSet(rules));
    }

    /** A rule set's text compiled: the set, or its first problem. */
    public sealed interface Parsed {
        record Valid(RuleSet rules) implements Parsed {}

        record Invalid(RuleProblem problem) implements Parsed {}
    }

    public List<Rule> rules() {
        return rules;
    }

    public Verdict evaluate(Facts facts) {
        return evaluate(facts, Map.of());
    }

    /**
     * Evaluates with some rules snoozed for this payment: a snoozed rule whose condition is true does not fire (it
     * neither decides nor adds 3-D Secure or a payout hold) and is reported in {@link Verdict#snoozed()} with its note.
     *
     * @param snoozed rule id to a note saying why it is snoozed for this payment ("for CARD fp_x until ...")
     */
    public Verdict evaluate(Facts facts, Map<String, String> snoozed) {
        List<Firing> fired = new ArrayList<>();
        List<Verdict.Snoozed> snoozedFirings = List.of();
        Firing deciding = null;
        boolean threeDSecure = false;
        boolean holdPayout = false;
        for (Rule rule : rules) {
            if (rule.firesFor(facts)) {
                Firing firing = firing(rule, facts);
                if (!snoozed.isEmpty() && snoozed.containsKey(rule.id())) {
                    if (snoozedFirings.isEmpty()) {
                        snoozedFirings = new ArrayList<>();
                    }
                    snoozedFirings.add(new Verdict.Snoozed(firing, snoozed.get(rule.id())));
                    continue;
                }
                fired.add(firing);
                switch (rule.action()) {
                    case REQUEST_3DS -> threeDSecure = true;
                    case HOLD_PAYOUT -> holdPayout = true;
                    case ALLOW, BLOCK, REVIEW -> {
                        if (deciding == null
                                || rule.action().ordinal() < deciding.action().ordinal()) {
                            deciding = firing;
                        }
                    }
                }
            }
        }
        RuleAction action = deciding == null ? RuleAction.ALLOW : deciding.action();
        return new Verdict(action, Optional.ofNullable(deciding), threeDSecure, holdPayout, fired, snoozedFirings);
    }

    private static Firing firing(Rule rule, Facts facts) {
        List<Observed> observed = new ArrayList<>(rule.attributes().size());
        for (Attribute attribute : rule.attributes()) {
            observed.add(Observed.of(attribute, facts.value(attribute.name())));
        }
        return new Firing(rule.id(), rule.text(), rule.action(), observed);
    }

    /** Where a {@code #} comment starts on a line, ignoring any {@code #} inside a quoted text. */
    private static int commentStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return line.length();
    }
}

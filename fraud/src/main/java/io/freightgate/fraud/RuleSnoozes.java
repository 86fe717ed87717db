package io.freightgate.fraud;

import io.freightgate.fraud.internal.FraudRuleRecords;
import io.freightgate.fraud.internal.ListEntries.Kind;
import io.freightgate.fraud.internal.RuleSnoozeRecords;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Snoozes: a risk analyst stops one rule from firing for one value (a known good shipper, card, device or IP) until a
 * set time, at most {@link #LONGEST} ahead (docs/fraud.md). Screening leaves a snoozed rule out for that payment and
 * says so in the explanation. Every snooze and every early end is written on the audited system path with who did it;
 * the rows are kept after they end.
 */
@Service
public class RuleSnoozes {

    /** The longest a snooze may last. */
    public static final Duration LONGEST = Duration.ofDays(90);

    private static final Reach ANALYSTS = Reach.acrossTenants("risk analysts snooze fraud rules");
    private static final int SHOWN = 500;

    private final RuleSnoozeRecords snoozes;
    private final FraudRuleRecords rules;
    private final SystemAccess systemAccess;
    private final Clock clock;

    RuleSnoozes(RuleSnoozeRecords snoozes, FraudRuleRecords rules, SystemAccess systemAccess, Clock clock) {
        this.snoozes = snoozes;
        this.rules = rules;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /** Snoozes rule {@code ruleId} for one value until {@code until}. */
    public record Snooze(UUID ruleId, String kind, String value, String reason, Instant until, String actor) {}

    /** The snooze made, or why not (nothing was stored). */
    public sealed interface Outcome {
        record Done(SnoozeView snooze) implements Outcome {}

        record NoRule(String detail) implements Outcome {}

        /** The kind or value cannot be snoozed, or the time is past or too far ahead. */
        record Invalid(String detail) implements Outcome {}

        /** The rule is snoozed for that value already, or the snooze has ended. */
        record Conflict(String detail) implements Outcome {}
    }

    public Outcome snooze(Snooze command) {
        Instant now = clock.instant();
        Kind kind;
        try {
            kind = Kind.valueOf(command.kind());
        } catch (IllegalArgumentException unknown) {
            return new Outcome.Invalid("kind is SHIPPER, CARD, DEVICE or IP.");
        }
        if (kind == Kind.PAY_LINK) {
            return new Outcome.Invalid("kind is SHIPPER, CARD, DEVICE or IP.");
        }
        String value = kind.canonical(command.value());
        Optional<String> invalidValue = RiskLists.invalid(kind, value);
        if (invalidValue.isPresent()) {
            return new Outcome.Invalid(invalidValue.get());
        }
        if (!command.until().isAfter(now)) {
            return new Outcome.Invalid("until is not in the future.");
        }
        if (command.until().isAfter(now.plus(LONGEST))) {
            return new Outcome.Invalid("A snooze lasts at most " + LONGEST.toDays() + " days (until at the latest "
                    + now.plus(LONGEST) + ").");
        }
        UUID id = UUID.randomUUID();
        return systemAccess.transaction(
                ANALYSTS,
                "snooze fraud rule " + command.ruleId() + " for a " + kind + " until " + command.until() + " (snooze "
                        + id + ", " + command.actor() + ")",
                () -> {
                    if (rules.findById(command.ruleId()).isEmpty()) {
                        return new Outcome.NoRule("No fraud rule " + command.ruleId() + ".");
                    }
                    if (snoozes.snoozed(command.ruleId(), kind, value, now)) {
                        return new Outcome.Conflict(
                                "The rule is snoozed for that " + kind + " already; end that snooze first.");
                    }
                    snoozes.add(
                            id, command.ruleId(), kind, value, command.reason(), command.actor(), now, command.until());
                    return new Outcome.Done(view(snoozes.find(id).orElseThrow(), now));
                });
    }

    /** The rule's newest 500 snoozes, ended and expired ones included; empty when there is no such rule. */
    public Optional<List<SnoozeView>> of(UUID ruleId) {
        Instant now = clock.instant();
        return systemAccess.transaction(
                ANALYSTS, "read the snoozes of fraud rule " + ruleId, () -> rules.findById(ruleId)
                        .map(rule -> snoozes.ofRule(ruleId, SHOWN).stream()
                                .map(s -> view(s, now))
                                .toList()));
    }

    /** Ends a snooze before its time. */
    public Outcome end(UUID ruleId, UUID snoozeId, String actor) {
        Instant now = clock.instant();
        return systemAccess.transaction(
                ANALYSTS, "end snooze " + snoozeId + " of fraud rule " + ruleId + " (" + actor + ")", () -> {
                    Optional<RuleSnoozeRecords.Snooze> found =
                            snoozes.find(snoozeId).filter(s -> s.ruleId().equals(ruleId));
                    if (found.isEmpty()) {
                        return new Outcome.NoRule("No snooze " + snoozeId + " of fraud rule " + ruleId + ".");
                    }
                    if (!snoozes.end(snoozeId, actor, now)) {
                        return new Outcome.Conflict("The snooze has ended already.");
                    }
                    return new Outcome.Done(view(snoozes.find(snoozeId).orElseThrow(), now));
                });
    }

    private static SnoozeView view(RuleSnoozeRecords.Snooze snooze, Instant now) {
        return new SnoozeView(
                snooze.id(),
                snooze.ruleId(),
                snooze.ruleName(),
                snooze.kind().name(),
                snooze.value(),
                snooze.reason(),
                snooze.createdBy(),
                snooze.createdAt(),
                snooze.until(),
                snooze.activeAt(now),
                snooze.endedBy(),
                snooze.endedAt());
    }
}

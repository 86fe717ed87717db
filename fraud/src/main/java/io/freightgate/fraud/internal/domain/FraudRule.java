package io.freightgate.fraud.internal.domain;

import io.freightgate.fraud.internal.domain.rules.Rule;
import io.freightgate.fraud.internal.domain.rules.RuleAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A rule an analyst wrote, with its lifecycle:
 *
 * <pre>
 * (new)              -> DRAFT
 * DRAFT, DISABLED    -> ENABLED            enable, for every action but block
 * DRAFT, DISABLED    -> AWAITING_APPROVAL  enable a block rule: a second analyst approves
 * AWAITING_APPROVAL  -> ENABLED            approve, by an analyst other than the one who asked
 * ENABLED, AWAITING_APPROVAL -> DISABLED   disable (immediate: stopping a rule is always safe to do alone)
 * DRAFT, DISABLED    -> (same)             edit the text
 * </pre>
 *
 * Only text that compiled reaches this class ({@link Rule}); its action is stored so the four-eyes rule needs no
 * parser. Every change is audited by Envers with who made it.
 */
@Entity
@Table(name = "fraud_rules")
@Audited
public class FraudRule {

    /** Where a rule stands. */
    public enum State {
        DRAFT,
        AWAITING_APPROVAL,
        ENABLED,
        DISABLED
    }

    /** Why a change was refused; nothing changed. */
    public enum Refusal {
        WRONG_STATE,
        SAME_ANALYST
    }

    /** A change done, or refused with a reason an analyst can read. */
    public sealed interface Outcome {
        record Done() implements Outcome {}

        record Refused(Refusal refusal, String detail) implements Outcome {}
    }

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RuleAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "requested_by")
    private @Nullable String requestedBy;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected FraudRule() {}

    private FraudRule(UUID id, String name, Rule rule, State state, String actor, Instant now) {
        this.id = id;
        this.name = name;
        this.text = rule.text();
        this.action = rule.action();
        this.state = state;
        this.createdBy = actor;
        this.createdAt = now;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    /** A new rule, not yet in force. */
    public static FraudRule draft(UUID id, String name, Rule rule, String actor, Instant now) {
        return new FraudRule(id, name, rule, State.DRAFT, actor, now);
    }

    /** One of the default rules FreightGate ships, in force from the start (docs/fraud.md lists them). */
    public static FraudRule shipped(UUID id, String name, Rule rule, String actor, Instant now) {
        return new FraudRule(id, name, rule, State.ENABLED, actor, now);
    }

    public Outcome edit(Rule rule, String actor, Instant now) {
        if (state != State.DRAFT && state != State.DISABLED) {
            return wrongState("edited");
        }
        this.text = rule.text();
        this.action = rule.action();
        return changed(actor, now);
    }

    public Outcome enable(String actor, Instant now) {
        if (state != State.DRAFT && state != State.DISABLED) {
            return wrongState("enabled");
        }
        if (action == RuleAction.BLOCK) {
            state = State.AWAITING_APPROVAL;
            requestedBy = actor;
        } else {
            state = State.ENABLED;
        }
        return changed(actor, now);
    }

    public Outcome approve(String actor, Instant now) {
        if (state != State.AWAITING_APPROVAL) {
            return wrongState("approved");
        }
        if (actor.equals(requestedBy)) {
            return new Outcome.Refused(
                    Refusal.SAME_ANALYST,
                    "A block rule is enabled by two analysts: " + actor + " asked for it, another analyst approves.");
        }
        state = State.ENABLED;
        requestedBy = null;
        return changed(actor, now);
    }

    public Outcome disable(String actor, Instant now) {
        if (state != State.ENABLED && state != State.AWAITING_APPROVAL) {
            return wrongState("disabled");
        }
        state = State.DISABLED;
        requestedBy = null;
        return changed(actor, now);
    }

    private Outcome changed(String actor, Instant now) {
        this.updatedBy = Objects.requireNonNull(actor);
        this.updatedAt = now;
        return new Outcome.Done();
    }

    private Outcome wrongState(String verb) {
        String described =
                switch (state) {
                    case DRAFT -> "A draft rule";
                    case AWAITING_APPROVAL -> "A rule awaiting approval";
                    case ENABLED -> "An enabled rule";
                    case DISABLED -> "A disabled rule";
                };
        return new Outcome.Refused(Refusal.WRONG_STATE, described + " cannot be " + verb + ".");
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public RuleAction action() {
        return action;
    }

    public State state() {
        return state;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<String> requestedBy() {
        return Optional.ofNullable(requestedBy);
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

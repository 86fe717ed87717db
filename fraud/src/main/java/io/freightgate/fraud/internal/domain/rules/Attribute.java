package io.freightgate.fraud.internal.domain.rules;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An attribute rules can name as {@code :name:}. A text attribute may list the only values it takes (a risk level is
 * one of five words), so a misspelt literal is rejected when the rule is written instead of never matching.
 *
 * @param name lower-case letters, digits and underscores
 * @param type what the attribute holds
 * @param description one sentence for the analyst writing a rule
 * @param values the values a text attribute takes; empty when any text is possible
 * @param known when the fact is known: before confirmation, or only once the payment is authorized
 */
public record Attribute(String name, AttributeType type, String description, Set<String> values, Known known) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** When a fact is available to the rules. */
    public enum Known {
        /** From the gateway's own facts, before the PaymentIntent is confirmed. */
        BEFORE_CONFIRMATION,
        /** From the charge's Radar outcome, after authorization. */
        AFTER_AUTHORIZATION,
        /** From signals that arrive later (early fraud warnings, disputes). */
        LATER
    }

    public Attribute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(known, "known");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An attribute name is lower-case letters, digits and _: " + name);
        }
        values = Set.copyOf(values);
        if (!values.isEmpty() && type != AttributeType.STRING) {
            throw new IllegalArgumentException("Only a text attribute lists its values: " + name);
        }
    }

    public static Attribute of(String name, AttributeType type, Known known, String description) {
        return new Attribute(name, type, description, Set.of(), known);
    }

    public static Attribute oneOf(String name, Set<String> values, Known known, String description) {
        return new Attribute(name, AttributeType.STRING, description, values, known);
    }
}

package io.freightgate.fraud.internal.domain.rules;

import io.freightgate.kernel.Money;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one payment, by attribute name. Built through {@link AttributeRegistry#facts()}, which checks
 * every value against its attribute's type, so evaluation never meets a value of the wrong kind. An attribute that is
 * not set is unknown for this payment.
 */
public final class Facts {

    private final Map<String, Object> values;

    private Facts(Map<String, Object> values) {
        this.values = values;
    }

    public @Nullable Object value(String attribute) {
        return values.get(attribute);
    }

    /** The names of the attributes that have a value. */
    public Set<String> known() {
        return values.keySet();
    }

    /** Collects and checks the facts of one payment. */
    public static final class Builder {

        private final AttributeRegistry registry;
        private final Map<String, Object> values = new HashMap<>();

        Builder(AttributeRegistry registry) {
            this.registry = registry;
        }

        public Builder with(String name, boolean value) {
            return put(name, AttributeType.BOOLEAN, value);
        }

        public Builder with(String name, long value) {
            return put(name, AttributeType.NUMBER, BigDecimal.valueOf(value));
        }

        public Builder with(String name, BigDecimal value) {
            return put(name, AttributeType.NUMBER, value);
        }

        public Builder with(String name, Money value) {
            return put(name, AttributeType.MONEY, value);
        }

        public Builder with(String name, String value) {
            return put(name, AttributeType.STRING, value);
        }

        /** Leaves a fact unknown when there is no value: {@code withOptional("risk_score", score.orElse(null))}. */
        public Builder withOptional(String name, @Nullable Object value) {
            return switch (value) {
                case null -> this;
                case Boolean b -> with(name, b);
                case Integer i -> with(name, i.longValue());
                case Long l -> with(name, l.longValue());
                case BigDecimal d -> with(name, d);
                case Money m -> with(name, m);
                case String s -> with(name, s);
                default ->
                    throw new IllegalArgumentException(
                            "A fact is a yes/no, a whole or decimal number, an amount or a text, not "
                                    + value.getClass().getSimpleName());
            };
        }

        public Facts build() {
            return new Facts(Map.copyOf(values));
        }

        private Builder put(String name, AttributeType type, Object value) {
            Attribute attribute = registry.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("No attribute :" + name + ": is registered"));
            if (attribute.type() != type) {
                throw new IllegalArgumentException(
                        ":" + name + ": holds " + attribute.type().described() + ", not " + type.described());
            }
            if (value instanceof String text
                    && !attribute.values().isEmpty()
                    && !attribute.values().contains(text)) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not one of the values of :" + name + ": " + attribute.values());
            }
            values.put(name, value);
            return this;
        }
    }
}

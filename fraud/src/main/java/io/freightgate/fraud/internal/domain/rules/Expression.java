package io.freightgate.fraud.internal.domain.rules;

import io.freightgate.kernel.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A type-checked node of a rule's condition. Evaluating one over a payment's {@link Facts} gives a {@link Boolean},
 * a {@link BigDecimal} number, a {@link Money} amount or a {@link String}, or {@code null} when it is not known for
 * this payment (the attribute has no value, or two amounts are in different currencies). Conditions combine unknowns
 * with Kleene's three-valued logic, so {@code not (:risk_score: > 65)} is unknown, not true, when there is no score.
 *
 * <p>Numbers that are not amounts (scores, counts, factors such as 2.5) are {@link BigDecimal} here so literals
 * compare exactly; amounts stay {@link Money} in minor units and are only ever compared in their own currency.
 */
public sealed interface Expression {

    AttributeType type();

    @Nullable
    Object value(Facts facts);

    /** {@code :name:}: the payment's value of an attribute. */
    record AttributeRef(Attribute attribute) implements Expression {
        @Override
        public AttributeType type() {
            return attribute.type();
        }

        @Override
        public @Nullable Object value(Facts facts) {
            return facts.value(attribute.name());
        }
    }

    /** A literal: {@code 65}, {@code 5000 EUR}, {@code 'highest'}, {@code true}. */
    record Constant(AttributeType type, Object constant) implements Expression {
        @Override
        public Object value(Facts facts) {
            return constant;
        }
    }

    /** {@code left * right}: a number times a number, or an amount times a number. */
    record Product(Expression left, Expression right) implements Expression {
        @Override
        public AttributeType type() {
            return left.type() == AttributeType.MONEY || right.type() == AttributeType.MONEY
                    ? AttributeType.MONEY
                    : AttributeType.NUMBER;
        }

        @Override
        public @Nullable Object value(Facts facts) {
            Object a = left.value(facts);
            Object b = right.value(facts);
            if (a == null || b == null) {
                return null;
            }
            if (a instanceof Money amount) {
                return times(amount, (BigDecimal) b);
            }
            if (b instanceof Money amount) {
                return times(amount, (BigDecimal) a);
            }
            return ((BigDecimal) a).multiply((BigDecimal) b);
        }

        private static Money times(Money amount, BigDecimal factor) {
            long minor = BigDecimal.valueOf(amount.minor())
                    .multiply(factor)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            return new Money(minor, amount.currency());
        }
    }

    /** {@code left op right} with one of {@code = != < <= > >=}. */
    record Comparison(String operator, Expression left, Expression right) implements Expression {
        @Override
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        @Override
        public @Nullable Boolean value(Facts facts) {
            Object a = left.value(facts);
            Object b = right.value(facts);
            if (a == null || b == null) {
                return null;
            }
            int order;
            if (a instanceof Money x && b instanceof Money y) {
                if (!x.currency().equals(y.currency())) {
                    return null;
                }
                order = Long.compare(x.minor(), y.minor());
            } else if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                order = x.compareTo(y);
            } else {
                order = a.equals(b) ? 0 : 1;
            }
            return switch (operator) {
                case "=" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException("Unknown operator " + operator);
            };
        }
    }

    /** {@code left in ('a', 'b')}. */
    record Membership(Expression left, Set<Object> candidates) implements Expression {
        public Membership {
            candidates = Set.copyOf(candidates);
        }

        @Override
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        @Override
        public @Nullable Boolean value(Facts facts) {
            Object a = left.value(facts);
            if (a == null) {
                return null;
            }
            if (a instanceof BigDecimal number) {
                return candidates.stream().anyMatch(c -> ((BigDecimal) c).compareTo(number) == 0);
            }
            return candidates.contains(a);
        }
    }

    /** {@code left and right}: false if either is false, unknown if either is unknown. */
    record Conjunction(Expression left, Expression right) implements Expression {
        @Override
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        @Override
        public @Nullable Boolean value(Facts facts) {
            Boolean a = (Boolean) left.value(facts);
            if (Boolean.FALSE.equals(a)) {
                return false;
            }
            Boolean b = (Boolean) right.value(facts);
            if (Boolean.FALSE.equals(b)) {
                return false;
            }
            return a == null || b == null ? null : true;
        }
    }

    /** {@code left or right}: true if either is true, unknown if either is unknown. */
    record Disjunction(Expression left, Expression right) implements Expression {
        @Override
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        @Override
        public @Nullable Boolean value(Facts facts) {
            Boolean a = (Boolean) left.value(facts);
            if (Boolean.TRUE.equals(a)) {
                return true;
            }
            Boolean b = (Boolean) right.value(facts);
            if (Boolean.TRUE.equals(b)) {
                return true;
            }
            return a == null || b == null ? null : false;
        }
    }

    /** {@code not operand}: unknown stays unknown. */
    record Negation(Expression operand) implements Expression {
        @Override
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        @Override
        public @Nullable Boolean value(Facts facts) {
            Boolean a = (Boolean) operand.value(facts);
            return a == null ? null : !a;
        }
    }
}

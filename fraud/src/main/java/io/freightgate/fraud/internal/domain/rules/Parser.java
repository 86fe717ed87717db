package io.freightgate.fraud.internal.domain.rules;

import io.freightgate.fraud.internal.domain.rules.Expression.AttributeRef;
import io.freightgate.fraud.internal.domain.rules.Expression.Comparison;
import io.freightgate.fraud.internal.domain.rules.Expression.Conjunction;
import io.freightgate.fraud.internal.domain.rules.Expression.Constant;
import io.freightgate.fraud.internal.domain.rules.Expression.Disjunction;
import io.freightgate.fraud.internal.domain.rules.Expression.Membership;
import io.freightgate.fraud.internal.domain.rules.Expression.Negation;
import io.freightgate.fraud.internal.domain.rules.Expression.Product;
import io.freightgate.kernel.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the grammar below, type-checking each node as it is built, so the first problem stops the
 * parse with its line and column.
 *
 * <pre>
 * rule       = action "if" condition
 * condition  = conjunct { "or" conjunct }
 * conjunct   = negation { "and" negation }
 * negation   = "not" negation | comparison
 * comparison = product [ ( "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) product | "in" "(" literal { "," literal } ")" ]
 * product    = operand { "*" operand }
 * operand    = attribute | literal | "(" condition ")"
 * literal    = number [ currency ] | text | "true" | "false"
 * </pre>
 */
final class Parser {

    private static final Set<String> KEYWORDS = Set.of("if", "and", "or", "not", "in", "true", "false");
    private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");

    private final AttributeRegistry registry;
    private final List<Token> tokens;
    private final Set<Attribute> named = new LinkedHashSet<>();
    private int position;

    private Parser(AttributeRegistry registry, List<Token> tokens) {
        this.registry = registry;
        this.tokens = tokens;
    }

    record Parsed(RuleAction action, Expression condition, List<Attribute> attributes) {}

    static Parsed rule(AttributeRegistry registry, String text) throws RuleTextException {
        Parser parser = new Parser(registry, Lexer.tokens(text));
        return parser.rule();
    }

    private Parsed rule() throws RuleTextException {
        Token first = next();
        if (first.kind() != Token.Kind.WORD) {
            throw problem(first, "a rule starts with its action: " + actions());
        }
        RuleAction action = RuleAction.byKeyword(first.text())
                .orElseThrow(
                        () -> problem(first, first.quoted() + " is not an action; a rule starts with " + actions()));
        Token condition = next();
        if (!condition.isWord("if")) {
            throw problem(condition, "expected 'if' after '" + action.keyword() + "', found " + condition.quoted());
        }
        Expression expression = condition();
        requireBoolean(expression, condition, "the condition after 'if'");
        Token end = peek();
        if (end.kind() != Token.Kind.END) {
            throw problem(end, "expected 'and', 'or' or the end of the rule, found " + end.quoted());
        }
        return new Parsed(action, expression, List.copyOf(named));
    }

    private Expression condition() throws RuleTextException {
        Expression left = conjunct();
        while (peek().isWord("or")) {
            Token or = next();
            requireBoolean(left, or, "the left side of 'or'");
            Token start = peek();
            Expression right = conjunct();
            requireBoolean(right, start, "the right side of 'or'");
            left = new Disjunction(left, right);
        }
        return left;
    }

    private Expression conjunct() throws RuleTextException {
        Expression left = negation();
        while (peek().isWord("and")) {
            Token and = next();
            requireBoolean(left, and, "the left side of 'and'");
            Token start = peek();
            Expression right = negation();
            requireBoolean(right, start, "the right side of 'and'");
            left = new Conjunction(left, right);
        }
        return left;
    }

    private Expression negation() throws RuleTextException {
        if (peek().isWord("not")) {
            Token not = next();
            Token start = peek();
            enter(not);
            Expression operand = negation();
            depth--;
            requireBoolean(operand, start, "what follows 'not'");
            return new Negation(operand);
        }
        return comparison();
    }

    private Expression comparison() throws RuleTextException {
        Token start = peek();
        Expression left = product();
        Token operator = peek();
        if (operator.kind() == Token.Kind.OPERATOR && !operator.text().equals("*")) {
            next();
            Token rightStart = peek();
            Expression right = product();
            checkComparable(left, start, operator, right, rightStart);
            return new Comparison(operator.text(), left, right);
        }
        if (operator.isWord("in")) {
            next();
            return membership(left, start);
        }
        return left;
    }

    private Expression membership(Expression left, Token start) throws RuleTextException {
        if (left.type() != AttributeType.STRING && left.type() != AttributeType.NUMBER) {
            throw problem(
                    start,
                    "'in' compares a text or a number with a list, not "
                            + left.type().described());
        }
        expect(Token.Kind.OPEN, "'(' to open the list after 'in'");
        Set<Object> candidates = new LinkedHashSet<>();
        do {
            Token literalToken = peek();
            Expression literal = operand();
            if (!(literal instanceof Constant constant)) {
                throw problem(literalToken, "a list after 'in' holds only literal values");
            }
            checkComparable(
                    left,
                    start,
                    new Token(Token.Kind.OPERATOR, "=", start.line(), start.column()),
                    constant,
                    literalToken);
            candidates.add(constant.constant());
        } while (accept(Token.Kind.COMMA));
        expect(Token.Kind.CLOSE, "')' to close the list");
        return new Membership(left, candidates);
    }

    private Expression product() throws RuleTextException {
        Token start = peek();
        Expression left = operand();
        while (peek().is(Token.Kind.OPERATOR, "*")) {
            Token times = next();
            Token rightStart = peek();
            Expression right = operand();
            boolean numbers = left.type() == AttributeType.NUMBER && right.type() == AttributeType.NUMBER;
            boolean scaled = left.type() == AttributeType.MONEY && right.type() == AttributeType.NUMBER
                    || left.type() == AttributeType.NUMBER && right.type() == AttributeType.MONEY;
            if (!numbers && !scaled) {
                Token at =
                        left.type() == AttributeType.NUMBER || left.type() == AttributeType.MONEY ? rightStart : start;
                throw problem(
                        at,
                        "'*' multiplies numbers, or an amount by a number, not "
                                + left.type().described() + " by "
                                + right.type().described());
            }
            left = new Product(left, right);
            start = times;
        }
        return left;
    }

    private Expression operand() throws RuleTextException {
        Token token = next();
        return switch (token.kind()) {
            case ATTRIBUTE -> attribute(token);
            case NUMBER -> number(token);
            case STRING -> new Constant(AttributeType.STRING, token.text());
            case OPEN -> {
                enter(token);
                Expression inner = condition();
                depth--;
                expect(Token.Kind.CLOSE, "')' to close the '(' at line " + token.line() + ", column " + token.column());
                yield inner;
            }
            case WORD -> {
                if (token.text().equals("true") || token.text().equals("false")) {
                    yield new Constant(AttributeType.BOOLEAN, Boolean.valueOf(token.text()));
                }
                if (KEYWORDS.contains(token.text())
                        || RuleAction.byKeyword(token.text()).isPresent()) {
                    throw problem(token, "expected an attribute or a value, found " + token.quoted());
                }
                throw problem(
                        token,
                        token.quoted() + " is not a value: attributes are written between colons (" + ":" + token.text()
                                + ":) and texts between single quotes ('" + token.text() + "')");
            }
            default -> throw problem(token, "expected an attribute or a value, found " + token.quoted());
        };
    }

    private Expression attribute(Token token) throws RuleTextException {
        Attribute attribute = registry.find(token.text())
                .orElseThrow(() -> problem(
                        token,
                        "unknown attribute " + token.quoted()
                                + registry.closestTo(token.text())
                                        .map(name -> "; did you mean :" + name + ":?")
                                        .orElse("")));
        named.add(attribute);
        return new AttributeRef(attribute);
    }

    private Expression number(Token token) throws RuleTextException {
        BigDecimal value = new BigDecimal(token.text());
        Token after = peek();
        if (after.kind() == Token.Kind.WORD
                && after.text().length() == 3
                && after.text().chars().allMatch(Character::isUpperCase)) {
            next();
            Currency currency;
            try {
                currency = Currency.getInstance(after.text());
            } catch (IllegalArgumentException unknown) {
                throw problem(after, after.quoted() + " is not an ISO 4217 currency code");
            }
            int digits = Math.max(currency.getDefaultFractionDigits(), 0);
            if (value.scale() > digits) {
                throw problem(token, currency.getCurrencyCode() + " amounts have " + digits + " decimal places");
            }
            try {
                return new Constant(
                        AttributeType.MONEY,
                        new Money(value.movePointRight(digits).longValueExact(), currency));
            } catch (ArithmeticException tooLarge) {
                throw problem(token, "this amount is too large");
            }
        }
        return new Constant(AttributeType.NUMBER, value);
    }

    private void checkComparable(Expression left, Token leftStart, Token operator, Expression right, Token rightStart)
            throws RuleTextException {
        if (left.type() != right.type()) {
            throw problem(
                    rightStart,
                    "cannot compare " + left.type().described() + " with "
                            + right.type().described() + hint(left, right));
        }
        if (ORDERING.contains(operator.text())
                && left.type() != AttributeType.NUMBER
                && left.type() != AttributeType.MONEY) {
            throw problem(
                    operator,
                    "'" + operator.text() + "' orders numbers and amounts; "
                            + left.type().described() + " can only be compared with '=', '!=' or 'in'");
        }
        checkValue(left, right, rightStart);
        checkValue(right, left, leftStart);
    }

    private static String hint(Expression left, Expression right) {
        if (left.type() == AttributeType.MONEY && right.type() == AttributeType.NUMBER && right instanceof Constant) {
            return " (write the currency after the number, as in 5000 EUR)";
        }
        return "";
    }

    /** A text literal compared with an attribute that lists its values must be one of them. */
    private void checkValue(Expression attribute, Expression literal, Token literalToken) throws RuleTextException {
        if (attribute instanceof AttributeRef ref
                && literal instanceof Constant constant
                && !ref.attribute().values().isEmpty()
                && !ref.attribute().values().contains(constant.constant())) {
            throw problem(
                    literalToken,
                    "'" + constant.constant() + "' is not a value of :"
                            + ref.attribute().name() + ": ("
                            + String.join(
                                    ", ",
                                    ref.attribute().values().stream().sorted().toList()) + ")");
        }
    }

    private void requireBoolean(Expression expression, Token at, String what) throws RuleTextException {
        if (expression.type() != AttributeType.BOOLEAN) {
            throw problem(
                    at,
                    what + " must be true or false, but it is "
                            + expression.type().described());
        }
    }

    private void expect(Token.Kind kind, String what) throws RuleTextException {
        Token token = next();
        if (token.kind() != kind) {
            throw problem(token, "expected " + what + ", found " + token.quoted());
        }
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    /** How deep parentheses and 'not' may nest: a readable rule never needs more, and the parser's stack stays small. */
    static final int MAX_NESTING = 32;

    private int depth;

    private void enter(Token at) throws RuleTextException {
        if (++depth > MAX_NESTING) {
            throw problem(
                    at, "Parentheses and 'not' nest more than " + MAX_NESTING + " deep here; write the rule flatter");
        }
    }

    private static RuleTextException problem(Token at, String message) {
        return new RuleTextException(new RuleProblem(at.line(), at.column(), message));
    }

    private static String actions() {
        List<String> words = new ArrayList<>();
        for (RuleAction action : RuleAction.values()) {
            words.add(action.keyword());
        }
        return String.join(", ", words);
    }
}

package io.freightgate.fraud.internal.domain.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rule's text into tokens: words ({@code block}, {@code and}, {@code EUR}), attributes ({@code :risk_score:}),
 * numbers ({@code 65}, {@code 2.5}, {@code 500_000}), texts in single quotes (a quote inside is doubled), the operators
 * {@code = != < <= > >= *}, parentheses and commas. {@code #} starts a comment to the end of the line.
 */
final class Lexer {

    private final String source;
    private int position;
    private int line = 1;
    private int lineStart;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokens(String source) throws RuleTextException {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() throws RuleTextException {
        skipBlanksAndComments();
        int column = column();
        if (position >= source.length()) {
            return new Token(Token.Kind.END, "", line, column);
        }
        char c = source.charAt(position);
        if (Character.isLetter(c) || c == '_') {
            int start = position;
            while (position < source.length() && isWordPart(source.charAt(position))) {
                position++;
            }
            return new Token(Token.Kind.WORD, source.substring(start, position), line, column);
        }
        if (Character.isDigit(c)) {
            return number(column);
        }
        return switch (c) {
            case ':' -> attribute(column);
            case '\'' -> text(column);
            case '(' -> single(Token.Kind.OPEN, column);
            case ')' -> single(Token.Kind.CLOSE, column);
            case ',' -> single(Token.Kind.COMMA, column);
            case '=', '*' -> single(Token.Kind.OPERATOR, column);
            case '<', '>' -> {
                position++;
                if (position < source.length() && source.charAt(position) == '=') {
                    position++;
                    yield new Token(Token.Kind.OPERATOR, c + "=", line, column);
                }
                yield new Token(Token.Kind.OPERATOR, String.valueOf(c), line, column);
            }
            case '!' -> {
                if (position + 1 < source.length() && source.charAt(position + 1) == '=') {
                    position += 2;
                    yield new Token(Token.Kind.OPERATOR, "!=", line, column);
                }
                throw new RuleTextException(new RuleProblem(line, column, "'!' is only used in '!='"));
            }
            default ->
                throw new RuleTextException(
                        new RuleProblem(line, column, "'" + c + "' is not part of the rule language"));
        };
    }

    private Token single(Token.Kind kind, int column) {
        position++;
        return new Token(kind, source.substring(position - 1, position), line, column);
    }

    private Token number(int column) throws RuleTextException {
        StringBuilder digits = new StringBuilder();
        boolean point = false;
        while (position < source.length()) {
            char c = source.charAt(position);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c == '_' && position + 1 < source.length() && Character.isDigit(source.charAt(position + 1))) {
                // a digit separator, as in 500_000
            } else if (c == '.'
                    && !point
                    && position + 1 < source.length()
                    && Character.isDigit(source.charAt(position + 1))) {
                point = true;
                digits.append(c);
            } else {
                break;
            }
            position++;
        }
        if (position < source.length()
                && Character.isLetter(source.charAt(position))
                && !Character.isUpperCase(source.charAt(position))) {
            throw new RuleTextException(
                    new RuleProblem(line, column(), "a number is followed by a space before the next word"));
        }
        return new Token(Token.Kind.NUMBER, digits.toString(), line, column);
    }

    private Token attribute(int column) throws RuleTextException {
        int start = ++position;
        while (position < source.length() && isWordPart(source.charAt(position))) {
            position++;
        }
        if (position == start || position >= source.length() || source.charAt(position) != ':') {
            throw new RuleTextException(
                    new RuleProblem(line, column, "an attribute is written between colons, as in :risk_score:"));
        }
        String name = source.substring(start, position);
        position++;
        return new Token(Token.Kind.ATTRIBUTE, name, line, column);
    }

    private Token text(int column) throws RuleTextException {
        StringBuilder text = new StringBuilder();
        position++;
        while (true) {
            if (position >= source.length() || source.charAt(position) == '\n') {
                throw new RuleTextException(new RuleProblem(line, column, "this text has no closing quote"));
            }
            char c = source.charAt(position++);
            if (c == '\'') {
                if (position < source.length() && source.charAt(position) == '\'') {
                    text.append('\'');
                    position++;
                } else {
                    return new Token(Token.Kind.STRING, text.toString(), line, column);
                }
            } else {
                text.append(c);
            }
        }
    }

    private void skipBlanksAndComments() {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == '\n') {
                position++;
                line++;
                lineStart = position;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#') {
                while (position < source.length() && source.charAt(position) != '\n') {
                    position++;
                }
            } else {
                return;
            }
        }
    }

    private int column() {
        return position - lineStart + 1;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

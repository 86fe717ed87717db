package io.freightgate.fraud.internal.domain.rules;

/** One lexical token of a rule, with where it starts. */
record Token(Kind kind, String text, int line, int column) {

    enum Kind {
        WORD,
        ATTRIBUTE,
        NUMBER,
        STRING,
        OPERATOR,
        OPEN,
        CLOSE,
        COMMA,
        END
    }

    boolean is(Kind expected, String expectedText) {
        return kind == expected && text.equals(expectedText);
    }

    boolean isWord(String word) {
        return is(Kind.WORD, word);
    }

    /** The token as an error message quotes it. */
    String quoted() {
        return switch (kind) {
            case END -> "the end of the rule";
            case ATTRIBUTE -> ":" + text + ":";
            default -> "'" + text + "'";
        };
    }
}

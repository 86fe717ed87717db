package io.freightgate.fraud.internal.domain.rules;

/** The type of an attribute or of an expression in a rule. */
public enum AttributeType {
    BOOLEAN("a yes/no"),
    NUMBER("a number"),
    MONEY("an amount"),
    STRING("a text");

    private final String described;

    AttributeType(String described) {
        this.described = described;
    }

    /** How an error message names the type: "a number", "an amount". */
    public String described() {
        return described;
    }
}

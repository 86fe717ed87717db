package io.freightgate.fraud;

/**
 * Writes a new rule, not yet in force.
 *
 * @param name a stable name: lower-case letters, digits, {@code -} and {@code _}, at most 63 characters
 * @param text the rule, for example {@code review if :risk_score: >= 65}
 * @param actor who writes it
 */
public record ProposeRule(String name, String text, String actor) {}

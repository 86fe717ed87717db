package io.freightgate.fraud;

import java.util.List;

/**
 * An attribute rules may name.
 *
 * @param type {@code BOOLEAN}, {@code NUMBER}, {@code MONEY} or {@code STRING}
 * @param values the only values a text attribute takes; empty when any text is possible
 * @param known {@code BEFORE_CONFIRMATION}, {@code AFTER_AUTHORIZATION} or {@code LATER}
 */
public record AttributeView(String name, String type, String description, List<String> values, String known) {}

package io.freightgate.fraud.internal;

import io.freightgate.fraud.internal.domain.rules.Attribute;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.kernel.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment's facts as stored with its decision (JSON): yes/no as booleans, texts as strings, numbers as decimal
 * strings (exact, whatever their size), amounts as {@code {"minor": 125000, "currency": "EUR"}}. Read back against
 * the registry in force: a fact whose attribute is no longer registered, or no longer of the same type, is left out
 * (unknown), never guessed at.
 */
final class FactsCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private FactsCodec() {}

    static String write(Facts facts) {
        Map<String, Object> out = new TreeMap<>();
        for (String name : facts.known()) {
            Object value = facts.value(name);
            switch (value) {
                case null -> {}
                case Money money ->
                    out.put(
                            name,
                            Map.of(
                                    "minor",
                                    money.minor(),
                                    "currency",
                                    money.currency().getCurrencyCode()));
                case BigDecimal number -> out.put(name, number.toPlainString());
                default -> out.put(name, value);
            }
        }
        return JSON.writeValueAsString(out);
    }

    static Facts read(String json, AttributeRegistry registry) {
        Map<String, Object> in = JSON.readValue(json, MAP);
        Facts.Builder facts = registry.facts();
        in.forEach((name, value) -> registry.find(name)
                .flatMap(attribute -> decode(attribute, value))
                .ifPresent(decoded -> facts.withOptional(name, decoded)));
        return facts.build();
    }

    private static Optional<Object> decode(Attribute attribute, @Nullable Object value) {
        try {
            return Optional.ofNullable(
                    switch (attribute.type()) {
                        case BOOLEAN -> value instanceof Boolean b ? b : null;
                        case NUMBER -> value instanceof String s ? new BigDecimal(s) : null;
                        case STRING ->
                            value instanceof String s
                                            && (attribute.values().isEmpty()
                                                    || attribute.values().contains(s))
                                    ? s
                                    : null;
                        case MONEY ->
                            value instanceof Map<?, ?> m
                                            && m.get("minor") instanceof Number minor
                                            && m.get("currency") instanceof String currency
                                    ? Money.of(minor.longValue(), currency)
                                    : null;
                    });
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}

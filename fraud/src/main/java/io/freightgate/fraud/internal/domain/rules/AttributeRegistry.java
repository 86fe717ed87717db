package io.freightgate.fraud.internal.domain.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes rules may name. Immutable: {@link #with} returns a registry with more attributes, which is how later
 * signal sources (devices, velocity, behaviour) extend the language without touching it.
 */
public final class AttributeRegistry {

    private final Map<String, Attribute> attributes;

    private AttributeRegistry(Map<String, Attribute> attributes) {
        this.attributes = attributes;
    }

    public static AttributeRegistry of(Collection<Attribute> attributes) {
        return new AttributeRegistry(Map.of()).with(attributes);
    }

    public AttributeRegistry with(Collection<Attribute> more) {
        Map<String, Attribute> all = new LinkedHashMap<>(attributes);
        for (Attribute attribute : more) {
            if (all.putIfAbsent(attribute.name(), attribute) != null) {
                throw new IllegalArgumentException("Attribute :" + attribute.name() + ": is registered twice");
            }
        }
        return new AttributeRegistry(Map.copyOf(all));
    }

    public Optional<Attribute> find(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Every attribute, by name. */
    public List<Attribute> all() {
        return attributes.values().stream()
                .sorted(Comparator.comparing(Attribute::name))
                .toList();
    }

    /** The registered name closest to a misspelt one, if one is close enough to be what was meant. */
    Optional<String> closestTo(String name) {
        return attributes.keySet().stream()
                .filter(candidate -> distance(candidate, name) <= Math.max(2, name.length() / 4))
                .min(Comparator.comparingInt((String candidate) -> distance(candidate, name))
                        .thenComparing(Comparator.naturalOrder()));
    }

    public Facts.Builder facts() {
        return new Facts.Builder(this);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

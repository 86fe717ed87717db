package io.freightgate.disputes.internal.domain.evidence;

import io.freightgate.disputes.DisputeReason;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to submit against a dispute of {@code reason} on a load of {@code serviceType}: the exhibits, each required or
 * supporting, with what it proves there. A plan without an evidence process ({@link #evidenceProcess()} false) has no
 * exhibits and says why in {@link #note()}: nothing submitted would change the outcome.
 */
public record EvidencePlan(
        DisputeReason reason, ServiceType serviceType, boolean evidenceProcess, String note, List<Item> items) {

    /** Whether an exhibit must be in the file (the case is weak without it) or strengthens it. */
    public enum Need {
        REQUIRED,
        SUPPORTING
    }

    /** One exhibit of the plan: how much it is needed and what it answers for this reason. */
    public record Item(Exhibit exhibit, Need need, String answers) {}

    public EvidencePlan {
        items = List.copyOf(items);
        if (!evidenceProcess && !items.isEmpty()) {
            throw new IllegalArgumentException("a plan without an evidence process has no exhibits");
        }
        if (evidenceProcess && items.isEmpty()) {
            throw new IllegalArgumentException("a plan with an evidence process names its exhibits");
        }
    }

    /** The plan's item for {@code exhibit}, if it names it. */
    public Optional<Item> item(Exhibit exhibit) {
        return items.stream().filter(i -> i.exhibit() == exhibit).findFirst();
    }

    /** The exhibits the plan requires. */
    public Set<Exhibit> required() {
        return exhibits(Need.REQUIRED);
    }

    /** The exhibits the plan names as supporting. */
    public Set<Exhibit> supporting() {
        return exhibits(Need.SUPPORTING);
    }

    /** Every Stripe evidence field the plan's exhibits fill. */
    public Set<StripeEvidenceField> fields() {
        var fields = EnumSet.noneOf(StripeEvidenceField.class);
        items.forEach(i -> fields.addAll(i.exhibit().fields()));
        return fields;
    }

    private Set<Exhibit> exhibits(Need need) {
        var exhibits = EnumSet.noneOf(Exhibit.class);
        items.stream().filter(i -> i.need() == need).forEach(i -> exhibits.add(i.exhibit()));
        return exhibits;
    }
}

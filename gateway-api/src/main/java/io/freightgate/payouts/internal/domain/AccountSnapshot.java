package io.freightgate.payouts.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connected account's state as Stripe reported it at one moment: from an event's payload ({@code observedAt} =
 * the event's {@code created}) or fetched from the API ({@code fetched}; {@code observedAt} = when the fetch began).
 *
 * @param tenantHint the carrier named in the account's metadata when FreightGate created it
 */
public record AccountSnapshot(
        String stripeAccountId,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        boolean detailsSubmitted,
        Map<String, String> capabilities,
        Requirements requirements,
        Optional<String> tenantHint,
        Instant observedAt,
        boolean fetched) {

    public AccountSnapshot {
        capabilities = Map.copyOf(capabilities);
    }

    /** Stripe's {@code requirements} hash, the parts FreightGate acts on. */
    public record Requirements(
            List<String> currentlyDue,
            List<String> eventuallyDue,
            List<String> pastDue,
            Optional<String> disabledReason,
            Optional<Instant> currentDeadline) {

        public Requirements {
            currentlyDue = List.copyOf(currentlyDue);
            eventuallyDue = List.copyOf(eventuallyDue);
            pastDue = List.copyOf(pastDue);
        }

        public static Requirements none() {
            return new Requirements(List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
        }
    }

    public Optional<String> capability(String name) {
        return Optional.ofNullable(capabilities.get(name));
    }
}

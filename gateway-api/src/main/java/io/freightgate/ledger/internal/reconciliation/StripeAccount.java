package io.freightgate.ledger.internal.reconciliation;

import java.util.Optional;

/** A Stripe account whose balance is reconciled: the platform's own ({@code id} empty) or a carrier's connected one. */
public record StripeAccount(Optional<String> id) {

    public static StripeAccount platform() {
        return new StripeAccount(Optional.empty());
    }

    public static StripeAccount connected(String id) {
        if (!id.startsWith("acct_")) {
            throw new IllegalArgumentException("Not a connected account id");
        }
        return new StripeAccount(Optional.of(id));
    }

    public boolean isPlatform() {
        return id.isEmpty();
    }

    /** How a log line or a difference's detail names it. */
    public String label() {
        return id.map(account -> "connected account " + account).orElse("the platform account");
    }
}

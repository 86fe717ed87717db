package io.freightgate.payouts.internal;

import io.freightgate.payouts.internal.stripe.StripePayouts;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code payout.*} events of carriers' connected accounts: each one makes {@link PayoutSynchronizer} re-read the payout
 * and apply it. Platform payouts (no {@code account}) are not carriers' and are left alone.
 */
@Component
class PayoutEvents implements StripeEventHandler {

    private final PayoutSynchronizer synchronizer;
    private final StripePayouts stripe;

    PayoutEvents(PayoutSynchronizer synchronizer, StripePayouts stripe) {
        this.synchronizer = synchronizer;
        this.stripe = stripe;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(
                "payout.created",
                "payout.updated",
                "payout.paid",
                "payout.failed",
                "payout.canceled",
                "payout.reconciliation_completed");
    }

    @Override
    public void handle(InboxEvent event) {
        if (event.account().isEmpty()) {
            return;
        }
        String account = event.account().get();
        stripe.fromEvent(event.payload(), account)
                .ifPresent(
                        payout -> synchronizer.synchronize(account, payout.id(), stripe.payoutIdOf(event.payload())));
    }
}

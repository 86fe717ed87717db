package io.freightgate.payouts.internal;

import io.freightgate.payouts.internal.stripe.StripeConnectAccounts;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps payout accounts in sync from {@code account.updated} (the account's snapshot, applied if newer) and
 * {@code capability.updated} (which carries one capability only: the account is re-fetched). Idempotent: applying
 * the same snapshot twice changes nothing, and older ones are dropped.
 */
@Component
class PayoutAccountEvents implements StripeEventHandler {

    private final PayoutAccountSynchronizer synchronizer;
    private final StripeConnectAccounts stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    PayoutAccountEvents(PayoutAccountSynchronizer synchronizer, StripeConnectAccounts stripe) {
        this.synchronizer = synchronizer;
        this.stripe = stripe;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("account.updated", "capability.updated");
    }

    @Override
    public void handle(InboxEvent event) {
        Optional<String> account = event.account().or(() -> accountOf(event));
        if (account.isEmpty()) {
            return;
        }
        synchronizer.synchronize(
                account.get(),
                event.type().equals("account.updated")
                        ? stripe.fromEvent(event.payload(), event.created())
                        : Optional.empty());
    }

    private Optional<String> accountOf(InboxEvent event) {
        JsonNode object = json.readTree(event.payload()).path("data").path("object");
        String id = event.type().equals("account.updated")
                ? object.path("id").asString("")
                : object.path("account").asString("");
        return id.startsWith("acct_") ? Optional.of(id) : Optional.empty();
    }
}

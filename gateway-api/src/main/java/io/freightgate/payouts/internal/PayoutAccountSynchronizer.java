package io.freightgate.payouts.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutAccountRestored;
import io.freightgate.payouts.PayoutAccountRestricted;
import io.freightgate.payouts.internal.domain.AccountSnapshot;
import io.freightgate.payouts.internal.domain.PayoutAccount;
import io.freightgate.payouts.internal.domain.PayoutAccountState;
import io.freightgate.payouts.internal.domain.SnapshotOrdering;
import io.freightgate.payouts.internal.stripe.StripeConnectAccounts;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Brings a payout account in line with Stripe: finds the carrier from the Stripe account id through the audited
 * system path, applies an event's snapshot if it is newer than the state held, re-fetches the account from Stripe
 * when the order cannot be told (same second, unreadable payload, or an event carrying no account), and publishes
 * {@link PayoutAccountRestricted} / {@link PayoutAccountRestored} on those transitions. Stripe is called outside any
 * transaction; the write runs as the carrier's tenant.
 */
@Component
public class PayoutAccountSynchronizer {

    static final String ACTOR = "webhook:stripe";
    private static final Logger log = LoggerFactory.getLogger(PayoutAccountSynchronizer.class);

    private final PayoutAccountRecords records;
    private final StripeConnectAccounts stripe;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PayoutAccountSynchronizer(
            PayoutAccountRecords records,
            StripeConnectAccounts stripe,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    private record Located(UUID id, TenantId tenant, Optional<Instant> stateObservedAt) {}

    /**
     * Synchronizes the account with an event's snapshot, or by fetching it when there is none. Throws when it cannot
     * (Stripe unreachable, the account's creation not yet recorded), so the inbox retries.
     */
    public void synchronize(String stripeAccountId, Optional<AccountSnapshot> fromEvent) {
        Optional<Located> located = locate(stripeAccountId);
        if (located.isEmpty()) {
            Optional<String> hint = fromEvent.flatMap(AccountSnapshot::tenantHint);
            if (hint.isPresent() && creationPending(hint.get())) {
                throw new IllegalStateException(
                        "Payout account for " + stripeAccountId + " is still being created; retry later");
            }
            log.info("Stripe account {} is not a FreightGate payout account; event ignored", stripeAccountId);
            return;
        }
        Located account = located.get();
        AccountSnapshot snapshot = fromEvent
                .filter(s -> SnapshotOrdering.decide(account.stateObservedAt(), s.observedAt(), false)
                        != SnapshotOrdering.Decision.FETCH)
                .orElse(null);
        for (int round = 0; round < 3; round++) {
            if (snapshot == null) {
                snapshot = fetch(stripeAccountId);
            }
            PayoutAccount.Synchronization result = apply(account, snapshot, ACTOR);
            if (!(result instanceof PayoutAccount.NeedsFetch)) {
                return;
            }
            snapshot = null;
        }
        throw new IllegalStateException("Payout account " + stripeAccountId + " keeps changing; retry later");
    }

    /** Applies a snapshot obtained by FreightGate's own call (creation), as the carrier. */
    public PayoutAccount.Synchronization apply(
            UUID payoutAccountId, TenantId tenant, AccountSnapshot snapshot, String actor) {
        return apply(new Located(payoutAccountId, tenant, Optional.empty()), snapshot, actor);
    }

    /**
     * Applies a snapshot in a short transaction on the freshly read row. The carrier's return from onboarding and
     * Stripe's {@code account.updated} write the same row at once: the loser of that race runs again on the winner's
     * row, where the snapshot's observation time decides whether it still applies.
     */
    private PayoutAccount.Synchronization apply(Located located, AccountSnapshot snapshot, String actor) {
        return OnConflict.retry(() -> Tenancy.callAs(
                located.tenant(),
                actor,
                () -> transactions.execute(status -> {
                    PayoutAccount account = records.findById(located.id())
                            .orElseThrow(
                                    () -> new IllegalStateException("Payout account " + located.id() + " vanished"));
                    PayoutAccount.Synchronization result =
                            account.stripeAccountId().isEmpty()
                                    ? account.created(snapshot, clock.instant())
                                    : account.synchronize(snapshot, clock.instant());
                    if (result instanceof PayoutAccount.Applied applied) {
                        publish(account, applied);
                    }
                    return result;
                })));
    }

    private void publish(PayoutAccount account, PayoutAccount.Applied applied) {
        TenantId carrier = new TenantId(account.tenantId());
        String stripeId = account.stripeAccountId().orElseThrow();
        if (applied.restricted()) {
            log.warn("Carrier {} restricted: payout account {} has {} past due", carrier, stripeId, account.pastDue());
            events.publishEvent(
                    new PayoutAccountRestricted(carrier, stripeId, account.pastDue(), account.disabledReason()));
        } else if (applied.restored()) {
            log.info("Carrier {} restored: payout account {} meets its requirements again", carrier, stripeId);
            events.publishEvent(new PayoutAccountRestored(carrier, stripeId));
        }
    }

    private AccountSnapshot fetch(String stripeAccountId) {
        Instant observedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return switch (stripe.retrieve(stripeAccountId, observedAt)) {
            case ProviderOutcome.Approved<AccountSnapshot>(AccountSnapshot snapshot) -> snapshot;
            case ProviderOutcome.Declined<AccountSnapshot> declined ->
                throw new IllegalStateException(
                        "Stripe refused to read " + stripeAccountId + ": " + declined.message());
            case ProviderOutcome.Pending<AccountSnapshot> pending ->
                throw new IllegalStateException("Stripe busy: " + pending.reason());
            case ProviderOutcome.Unknown<AccountSnapshot> unknown -> throw new IllegalStateException(unknown.reason());
            case ProviderOutcome.NotAttempted<AccountSnapshot> notAttempted ->
                throw new IllegalStateException(notAttempted.reason());
        };
    }

    private Optional<Located> locate(String stripeAccountId) {
        return systemAccess.callAs(
                ACTOR,
                Optional.empty(),
                "find the carrier of Stripe account " + stripeAccountId,
                () -> transactions.execute(status -> records.findByStripeAccountId(stripeAccountId)
                        .map(a -> new Located(a.id(), new TenantId(a.tenantId()), a.stateObservedAt()))));
    }

    private boolean creationPending(String tenantHint) {
        UUID tenant;
        try {
            tenant = UUID.fromString(tenantHint);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Boolean.TRUE.equals(Tenancy.callAs(
                new TenantId(tenant),
                ACTOR,
                () -> transactions.execute(status -> records.findByTenantId(tenant)
                        .map(a -> a.stripeAccountId().isEmpty() && a.status() != PayoutAccountState.DECLINED)
                        .orElse(false))));
    }
}

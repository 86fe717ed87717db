package io.freightgate.payouts.internal;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.payouts.PayoutFailed;
import io.freightgate.payouts.PayoutId;
import io.freightgate.payouts.PayoutPaid;
import io.freightgate.payouts.internal.domain.PayoutAccount;
import io.freightgate.payouts.internal.domain.PayoutSnapshot;
import io.freightgate.payouts.internal.domain.PayoutState;
import io.freightgate.payouts.internal.stripe.StripePayouts;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps carriers' payouts as Stripe reports them. Every {@code payout.*} event of a connected account re-reads the
 * payout from Stripe (events arrive late, twice, out of order) and applies it only if it moves the payout forward
 * ({@link PayoutState#advancesTo}); {@link PayoutPaid} and {@link PayoutFailed} are published in the transaction of that
 * transition, so exactly once. Automatic payouts (the account's schedule) are recorded when Stripe first reports them;
 * on-demand ones carry FreightGate's id in their metadata and complete the row written before Stripe was called, even
 * when the answer to that call was lost. A paid payout then gets its remittance ({@link RemittanceBuilder}).
 */
@Component
public class PayoutSynchronizer {

    static final String ACTOR = "webhook:stripe";

    private static final Logger log = LoggerFactory.getLogger(PayoutSynchronizer.class);

    private final PayoutRecords records;
    private final PayoutAccountRecords payoutAccounts;
    private final StripePayouts stripe;
    private final RemittanceBuilder remittances;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LedgerPostings postings;

    PayoutSynchronizer(
            PayoutRecords records,
            PayoutAccountRecords payoutAccounts,
            StripePayouts stripe,
            RemittanceBuilder remittances,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock,
            LedgerPostings postings) {
        this.postings = postings;
        this.records = records;
        this.payoutAccounts = payoutAccounts;
        this.stripe = stripe;
        this.remittances = remittances;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Synchronizes the payout an event names. Throws when Stripe cannot be read or the remittance cannot be built yet,
     * so the inbox retries; an account that is no FreightGate payout account is ignored.
     */
    public void synchronize(String account, String stripePayoutId, Optional<PayoutId> ourId) {
        Optional<UUID> carrier = systemAccess.callAs(
                ACTOR,
                Optional.empty(),
                "find the carrier of Stripe account " + account,
                () -> transactions.execute(
                        status -> payoutAccounts.findByStripeAccountId(account).map(PayoutAccount::tenantId)));
        if (carrier.isEmpty()) {
            log.info("Stripe account {} is not a FreightGate payout account; payout event ignored", account);
            return;
        }
        PayoutSnapshot snapshot =
                switch (stripe.retrieve(account, stripePayoutId)) {
                    case ProviderOutcome.Approved<PayoutSnapshot>(PayoutSnapshot fresh) -> fresh;
                    case ProviderOutcome.Declined<PayoutSnapshot> declined ->
                        throw new IllegalStateException(
                                "Stripe refused to read " + stripePayoutId + ": " + declined.message());
                    case ProviderOutcome.Pending<PayoutSnapshot> pending ->
                        throw new IllegalStateException(pending.reason());
                    case ProviderOutcome.Unknown<PayoutSnapshot> unknown ->
                        throw new IllegalStateException(unknown.reason());
                    case ProviderOutcome.NotAttempted<PayoutSnapshot> notAttempted ->
                        throw new IllegalStateException(notAttempted.reason());
                };
        PayoutRecords.Payout payout = apply(new TenantId(carrier.get()), snapshot, ourId, ACTOR);
        if (payout.state() == PayoutState.PAID && payout.remittanceBuiltAt().isEmpty()) {
            remittances.build(payout, ACTOR);
        }
    }

    /** Applies Stripe's view of a payout to FreightGate's row (creating it for automatic payouts), as the carrier. */
    public PayoutRecords.Payout apply(
            TenantId carrier, PayoutSnapshot snapshot, Optional<PayoutId> ourId, String actor) {
        // The API's answer and the webhook of an automatic payout may both record a payout Stripe reported first: the
        // loser of that race finds the winner's row when it tries again.
        return OnConflict.retry(() -> applyOnce(carrier, snapshot, ourId, actor));
    }

    private PayoutRecords.Payout applyOnce(
            TenantId carrier, PayoutSnapshot snapshot, Optional<PayoutId> ourId, String actor) {
        return Tenancy.callAs(
                carrier,
                actor,
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    PayoutState next = PayoutState.fromStripe(snapshot.status());
                    Optional<PayoutRecords.Payout> existing =
                            records.lockByStripeId(snapshot.id()).or(() -> ourId.flatMap(records::lock));
                    if (existing.isEmpty()) {
                        var created = new PayoutRecords.Payout(
                                ourId.orElseGet(PayoutId::random),
                                carrier.value(),
                                snapshot.account(),
                                Optional.of(snapshot.id()),
                                Optional.empty(),
                                snapshot.automatic(),
                                Money.of(snapshot.amountMinor(), snapshot.currency()),
                                next,
                                snapshot.arrivalDate(),
                                snapshot.failureCode(),
                                snapshot.failureMessage(),
                                Optional.of(snapshot.created()),
                                Optional.empty(),
                                now,
                                now);
                        records.insert(created, Optional.empty());
                        log.info("Payout {} of carrier {} recorded as {}", snapshot.id(), carrier, next);
                        publish(created, PayoutState.REQUESTED);
                        post(created, snapshot);
                        return created;
                    }
                    PayoutRecords.Payout current = existing.get();
                    boolean attach = current.stripePayoutId().isEmpty();
                    if (!attach && !current.state().advancesTo(next)) {
                        return current;
                    }
                    var updated = new PayoutRecords.Payout(
                            current.id(),
                            current.tenantId(),
                            current.stripeAccountId(),
                            Optional.of(snapshot.id()),
                            current.idempotencyKey(),
                            current.automatic(),
                            new Money(snapshot.amountMinor(), current.amount().currency()),
                            current.state().advancesTo(next) ? next : current.state(),
                            snapshot.arrivalDate(),
                            snapshot.failureCode(),
                            snapshot.failureMessage(),
                            Optional.of(snapshot.created()),
                            current.remittanceBuiltAt(),
                            current.createdAt(),
                            now);
                    records.update(updated);
                    log.info(
                            "Payout {} of carrier {}: {} -> {}",
                            snapshot.id(),
                            carrier,
                            current.state(),
                            updated.state());
                    publish(updated, current.state());
                    post(updated, snapshot);
                    return updated;
                }));
    }

    /** The payout's money movements in the ledger (each posted once): debited, then paid or returned. */
    private void post(PayoutRecords.Payout payout, PayoutSnapshot snapshot) {
        if (payout.stripePayoutId().isEmpty()
                || payout.state() == PayoutState.REQUESTED
                || payout.state() == PayoutState.REQUEST_UNKNOWN
                || payout.state() == PayoutState.DECLINED) {
            return;
        }
        UUID carrier = payout.tenantId();
        Currency currency = payout.amount().currency();
        String id = payout.stripePayoutId().get();
        postings.payoutCreated(
                carrier, currency, payout.stripeAccountId(), id, payout.amount().minor(), snapshot.created());
        switch (payout.state()) {
            case PAID ->
                postings.payoutPaid(carrier, currency, id, payout.amount().minor(), clock.instant());
            case FAILED, CANCELED ->
                postings.payoutReturned(
                        carrier,
                        currency,
                        payout.stripeAccountId(),
                        id,
                        payout.amount().minor(),
                        clock.instant());
            default -> {}
        }
    }

    private void publish(PayoutRecords.Payout payout, PayoutState before) {
        if (payout.state() == before) {
            return;
        }
        TenantId carrier = new TenantId(payout.tenantId());
        Money amount = payout.amount();
        String stripeId = payout.stripePayoutId().orElseThrow();
        switch (payout.state()) {
            case PAID ->
                events.publishEvent(new PayoutPaid(payout.id(), carrier, stripeId, amount, payout.arrivalDate()));
            case FAILED -> {
                log.warn(
                        "Payout {} of carrier {} failed: {}",
                        stripeId,
                        carrier,
                        payout.failureCode().orElse("no code"));
                events.publishEvent(new PayoutFailed(
                        payout.id(), carrier, stripeId, amount, payout.failureCode(), payout.failureMessage()));
            }
            default -> {}
        }
    }
}

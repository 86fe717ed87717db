package io.freightgate.payouts.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.OpenPayoutAccount.PayoutInterval;
import io.freightgate.payouts.internal.domain.AccountSnapshot;
import io.freightgate.payouts.internal.domain.PayoutAccount;
import io.freightgate.payouts.internal.stripe.StripeConnectAccounts;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCallLookup;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The Stripe call that opens a carrier's Connect account: the intent (the payout account and its {@link StripeCalls}
 * record, in one transaction), the call with the payout account's idempotency key after the commit, and the outcome
 * applied to the payout account and recorded on the call. A creation whose answer was lost leaves the payout account
 * {@code CREATION_UNKNOWN} until the carrier repeats the request or the
 * {@link io.freightgate.platform.stripe.calls.StripeCallJanitor} completes it: both look the account up first, among
 * the platform's connected accounts by its {@code freightgate_payout_account} metadata, and send again, with the same
 * key and parameters, only when Stripe has none.
 */
@Component
public class PayoutAccountCalls implements StripeCallLookup<AccountSnapshot> {

    /** The operation type of a Connect account's creation in {@link StripeCalls}. */
    public static final String OPERATION = "account.create";

    private final PayoutAccountRecords records;
    private final PayoutAccountSynchronizer synchronizer;
    private final StripeConnectAccounts stripe;
    private final StripeCalls calls;
    private final TransactionOperations transactions;
    private final Clock clock;

    PayoutAccountCalls(
            PayoutAccountRecords records,
            PayoutAccountSynchronizer synchronizer,
            StripeConnectAccounts stripe,
            StripeCalls calls,
            TransactionOperations transactions,
            Clock clock) {
        this.records = records;
        this.synchronizer = synchronizer;
        this.stripe = stripe;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records the creation's Stripe call for a payout account without a Connect account, in the caller's transaction
     * (the one that records or reads the intent): the same payout account is always the same call.
     */
    public UUID intend(PayoutAccount account) {
        UUID call = calls.intend(
                account.tenantId(),
                OPERATION,
                account.id().toString(),
                StripeConnectAccounts.idempotencyKey(account.id()));
        account.creatingThrough(call);
        return call;
    }

    /**
     * Calls Stripe for a recorded creation (outside any transaction) and applies and records the answer. A repeat
     * ({@code repeat}: the call was recorded before this request) looks the account up first and sends again only when
     * Stripe has none, like the janitor.
     */
    public ProviderOutcome<AccountSnapshot> send(TenantId carrier, UUID payoutAccountId, boolean repeat, String actor) {
        PayoutAccount account = read(carrier, payoutAccountId, actor)
                .orElseThrow(() -> new IllegalStateException("Payout account " + payoutAccountId + " vanished"));
        UUID callId = account.callId()
                .orElseThrow(() -> new IllegalStateException("Payout account " + payoutAccountId + " has no call"));
        if (repeat) {
            StripeCall call = Tenancy.callAs(
                    carrier,
                    actor,
                    () -> transactions.execute(status -> calls.find(callId).orElseThrow()));
            ProviderOutcome<Optional<AccountSnapshot>> found = lookUp(call);
            if (found instanceof ProviderOutcome.Approved<Optional<AccountSnapshot>>(Optional<AccountSnapshot> made)
                    && made.isPresent()) {
                ProviderOutcome<AccountSnapshot> outcome = new ProviderOutcome.Approved<>(made.get());
                apply(carrier, payoutAccountId, callId, outcome, actor);
                return outcome;
            }
            Tenancy.runAs(carrier, actor, () -> transactions.executeWithoutResult(status -> calls.resending(callId)));
        }
        ProviderOutcome<AccountSnapshot> outcome = calls.send(() -> create(account));
        apply(carrier, payoutAccountId, callId, outcome, actor);
        return outcome;
    }

    private ProviderOutcome<AccountSnapshot> create(PayoutAccount account) {
        return stripe.create(
                new StripeConnectAccounts.NewAccount(
                        account.id(),
                        account.tenantId(),
                        account.country(),
                        account.email(),
                        PayoutInterval.valueOf(account.payoutInterval().toUpperCase(Locale.ROOT))),
                now());
    }

    private void apply(
            TenantId carrier,
            UUID payoutAccountId,
            UUID callId,
            ProviderOutcome<AccountSnapshot> outcome,
            String actor) {
        switch (outcome) {
            case ProviderOutcome.Approved<AccountSnapshot>(AccountSnapshot snapshot) ->
                synchronizer.apply(payoutAccountId, carrier, snapshot, actor);
            case ProviderOutcome.Declined<AccountSnapshot> declined ->
                change(carrier, payoutAccountId, actor, a -> a.declined(declined.message(), clock.instant()));
            case ProviderOutcome.Pending<AccountSnapshot> pending ->
                change(carrier, payoutAccountId, actor, a -> a.creationUnknown(pending.reason(), clock.instant()));
            case ProviderOutcome.Unknown<AccountSnapshot> unknown ->
                change(carrier, payoutAccountId, actor, a -> a.creationUnknown(unknown.reason(), clock.instant()));
            case ProviderOutcome.NotAttempted<AccountSnapshot> notAttempted ->
                change(carrier, payoutAccountId, actor, a -> a.creationUnknown(notAttempted.reason(), clock.instant()));
        }
        // after the payout account: a record lost in between leaves the call open, and the janitor applies it again
        Tenancy.runAs(
                carrier,
                actor,
                () -> transactions.executeWithoutResult(
                        status -> calls.record(callId, outcome, AccountSnapshot::stripeAccountId)));
    }

    /** A change to a payout account that Stripe has not (yet) made a Connect account for. */
    private void change(TenantId carrier, UUID id, String actor, Consumer<PayoutAccount> change) {
        Tenancy.runAs(
                carrier,
                actor,
                () -> transactions.executeWithoutResult(status -> records.findById(id)
                        .filter(account -> account.stripeAccountId().isEmpty())
                        .ifPresent(change)));
    }

    private Optional<PayoutAccount> read(TenantId carrier, UUID id, String actor) {
        return Tenancy.callAs(carrier, actor, () -> transactions.execute(status -> records.findById(id)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public ProviderOutcome<Optional<AccountSnapshot>> lookUp(StripeCall call) {
        return stripe.find(UUID.fromString(call.businessKey()), call.intendedAt(), now());
    }

    @Override
    public ProviderOutcome<AccountSnapshot> resend(StripeCall call) {
        return read(new TenantId(call.tenantId()), UUID.fromString(call.businessKey()), PayoutCalls.JANITOR)
                .filter(account -> account.stripeAccountId().isEmpty()
                        && account.callId().filter(call.id()::equals).isPresent())
                .map(this::create)
                .orElseGet(
                        () -> new ProviderOutcome.NotAttempted<>("The payout account no longer waits for this call"));
    }

    @Override
    public void settle(StripeCall call, ProviderOutcome<AccountSnapshot> outcome) {
        apply(
                new TenantId(call.tenantId()),
                UUID.fromString(call.businessKey()),
                call.id(),
                outcome,
                PayoutCalls.JANITOR);
    }

    @Override
    public String objectId(AccountSnapshot result) {
        return result.stripeAccountId();
    }
}

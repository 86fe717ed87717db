package io.freightgate.payouts.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutId;
import io.freightgate.payouts.internal.domain.PayoutSnapshot;
import io.freightgate.payouts.internal.domain.PayoutState;
import io.freightgate.payouts.internal.stripe.StripePayouts;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCallLookup;
import io.freightgate.platform.stripe.calls.StripeCalls;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The Stripe calls of on-demand payouts: the intent (the payout row and its {@link StripeCalls} record, in one
 * transaction), the call with the payout's idempotency key after the commit, and the outcome applied to the row and
 * recorded on the call. A payout whose answer was lost stays {@code REQUEST_UNKNOWN} until Stripe's
 * {@code payout.created} webhook or the {@link io.freightgate.platform.stripe.calls.StripeCallJanitor} completes it:
 * the janitor looks it up among the connected account's payouts by its {@code freightgate_payout} metadata and sends
 * it again, with the same key, only when Stripe has none.
 */
@Component
public class PayoutCalls implements StripeCallLookup<PayoutSnapshot> {

    /** The operation type of an on-demand payout in {@link StripeCalls}. */
    public static final String OPERATION = "payout.create";

    static final String JANITOR = "job:stripe-call-janitor";

    private final PayoutRecords records;
    private final PayoutSynchronizer synchronizer;
    private final StripePayouts stripe;
    private final StripeCalls calls;
    private final TransactionOperations transactions;
    private final Clock clock;

    PayoutCalls(
            PayoutRecords records,
            PayoutSynchronizer synchronizer,
            StripePayouts stripe,
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
     * Records the payout's intent and its Stripe call in one transaction, as the carrier, once {@code permit} (run first
     * in that transaction) did not throw.
     */
    public void intend(TenantId carrier, PayoutRecords.Payout intent, String actor, Runnable permit) {
        Tenancy.runAs(
                carrier,
                actor,
                () -> transactions.executeWithoutResult(status -> {
                    permit.run();
                    records.insert(intent, Optional.of(actor));
                    records.callIs(
                            intent.id(),
                            calls.intend(
                                    carrier.value(),
                                    OPERATION,
                                    intent.id().toString(),
                                    intent.idempotencyKey().orElseThrow()));
                }));
    }

    /** Calls Stripe for a recorded payout (outside any transaction) and applies and records the answer. */
    public ProviderOutcome<PayoutSnapshot> send(TenantId carrier, PayoutId payoutId, String actor) {
        PayoutRecords.Payout payout = read(carrier, payoutId, actor).orElseThrow();
        UUID callId = Tenancy.callAs(carrier, actor, () -> transactions.execute(status -> records.callOf(payoutId)))
                .orElseThrow();
        var outcome = calls.send(() -> create(payout));
        apply(carrier, payoutId, callId, outcome, actor);
        return outcome;
    }

    private ProviderOutcome<PayoutSnapshot> create(PayoutRecords.Payout payout) {
        return stripe.create(
                payout.stripeAccountId(),
                payout.id(),
                payout.amount(),
                payout.idempotencyKey().orElseThrow());
    }

    private void apply(
            TenantId carrier, PayoutId payoutId, UUID callId, ProviderOutcome<PayoutSnapshot> outcome, String actor) {
        switch (outcome) {
            case ProviderOutcome.Approved<PayoutSnapshot>(PayoutSnapshot snapshot) ->
                synchronizer.apply(carrier, snapshot, Optional.of(payoutId), actor);
            case ProviderOutcome.Declined<PayoutSnapshot> declined ->
                mark(carrier, payoutId, PayoutState.DECLINED, Optional.of(declined.code()), declined.message(), actor);
            case ProviderOutcome.Pending<PayoutSnapshot> pending ->
                mark(carrier, payoutId, PayoutState.REQUEST_UNKNOWN, Optional.empty(), pending.reason(), actor);
            case ProviderOutcome.Unknown<PayoutSnapshot> unknown ->
                mark(carrier, payoutId, PayoutState.REQUEST_UNKNOWN, Optional.empty(), unknown.reason(), actor);
            case ProviderOutcome.NotAttempted<PayoutSnapshot> notAttempted ->
                mark(carrier, payoutId, PayoutState.REQUEST_UNKNOWN, Optional.empty(), notAttempted.reason(), actor);
        }
        // after the row: a record lost in between leaves the call open, and the janitor applies it again (idempotent)
        Tenancy.runAs(
                carrier,
                actor,
                () -> transactions.executeWithoutResult(status -> calls.record(callId, outcome, PayoutSnapshot::id)));
    }

    private void mark(
            TenantId carrier, PayoutId id, PayoutState state, Optional<String> code, String message, String actor) {
        Tenancy.runAs(
                carrier,
                actor,
                () -> transactions.executeWithoutResult(status -> records.lock(id)
                        .filter(payout -> payout.stripePayoutId().isEmpty())
                        .ifPresent(payout -> records.update(new PayoutRecords.Payout(
                                payout.id(),
                                payout.tenantId(),
                                payout.stripeAccountId(),
                                Optional.empty(),
                                payout.idempotencyKey(),
                                false,
                                payout.amount(),
                                state,
                                Optional.empty(),
                                code,
                                Optional.of(message),
                                Optional.empty(),
                                Optional.empty(),
                                payout.createdAt(),
                                clock.instant())))));
    }

    private Optional<PayoutRecords.Payout> read(TenantId carrier, PayoutId payoutId, String actor) {
        return Tenancy.callAs(carrier, actor, () -> transactions.execute(status -> records.find(payoutId)));
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public ProviderOutcome<Optional<PayoutSnapshot>> lookUp(StripeCall call) {
        TenantId carrier = new TenantId(call.tenantId());
        PayoutId payoutId = PayoutId.of(call.businessKey());
        return read(carrier, payoutId, JANITOR)
                .map(payout -> stripe.find(payout.stripeAccountId(), payoutId))
                .orElseGet(() -> new ProviderOutcome.Approved<>(Optional.empty()));
    }

    @Override
    public ProviderOutcome<PayoutSnapshot> resend(StripeCall call) {
        TenantId carrier = new TenantId(call.tenantId());
        return read(carrier, PayoutId.of(call.businessKey()), JANITOR)
                .filter(payout -> payout.stripePayoutId().isEmpty()
                        && (payout.state() == PayoutState.REQUESTED || payout.state() == PayoutState.REQUEST_UNKNOWN))
                .map(payout -> create(payout))
                .orElseGet(() -> new ProviderOutcome.NotAttempted<>("The payout no longer waits for this call"));
    }

    @Override
    public void settle(StripeCall call, ProviderOutcome<PayoutSnapshot> outcome) {
        apply(new TenantId(call.tenantId()), PayoutId.of(call.businessKey()), call.id(), outcome, JANITOR);
    }

    @Override
    public String objectId(PayoutSnapshot result) {
        return result.id();
    }
}

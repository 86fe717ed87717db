package io.freightgate.payouts;

import io.freightgate.billing.PaymentProviderUnavailable;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.internal.PayoutAccountRecords;
import io.freightgate.payouts.internal.PayoutCalls;
import io.freightgate.payouts.internal.PayoutHoldRecords;
import io.freightgate.payouts.internal.PayoutRecords;
import io.freightgate.payouts.internal.PayoutSynchronizer;
import io.freightgate.payouts.internal.RemittanceBuilder;
import io.freightgate.payouts.internal.RemittancePdf;
import io.freightgate.payouts.internal.domain.PayoutAccount;
import io.freightgate.payouts.internal.domain.PayoutSnapshot;
import io.freightgate.payouts.internal.domain.PayoutState;
import io.freightgate.payouts.internal.domain.Remittances;
import io.freightgate.payouts.internal.stripe.StripePayouts;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Carriers' payouts: those their Connect schedule makes (recorded from Stripe's webhooks) and those asked for on demand,
 * with a remittance for every paid one. An on-demand payout is recorded before Stripe is called (idempotency key from
 * its id), Stripe is called outside any transaction, and the answer is recorded after; a lost answer leaves it
 * {@code REQUEST_UNKNOWN} until Stripe's {@code payout.created} (which carries FreightGate's id) completes it. A carrier
 * reaches its own payouts; platform staff every carrier's through the audited system path ({@code Reach}).
 */
@Service
public class Payouts {

    private final PayoutRecords records;
    private final PayoutAccountRecords payoutAccounts;
    private final StripePayouts stripe;
    private final PayoutSynchronizer synchronizer;
    private final RemittanceBuilder remittances;
    private final RemittancePdf pdf;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final PayoutCalls payoutCalls;
    private final PayoutHoldRecords holds;

    Payouts(
            PayoutRecords records,
            PayoutAccountRecords payoutAccounts,
            StripePayouts stripe,
            PayoutSynchronizer synchronizer,
            RemittanceBuilder remittances,
            RemittancePdf pdf,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            Clock clock,
            PayoutCalls payoutCalls,
            PayoutHoldRecords holds) {
        this.payoutCalls = payoutCalls;
        this.holds = holds;
        this.records = records;
        this.payoutAccounts = payoutAccounts;
        this.stripe = stripe;
        this.synchronizer = synchronizer;
        this.remittances = remittances;
        this.pdf = pdf;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Pays out {@code amountMinor} (or, when empty, everything available in {@code currency}) to the carrier's bank
     * account. Fails with {@link IllegalStateException} without a payout account, while the carrier's payouts are held
     * ({@link PayoutHolds}) or with nothing available, with
     * {@link IllegalArgumentException} when Stripe refuses (e.g. payouts not enabled, balance insufficient), and with
     * {@link PaymentProviderUnavailable} when Stripe's answer is lost.
     */
    public PayoutView request(TenantId carrier, Optional<Long> amountMinor, String currency, Reach reach) {
        String code = java.util.Currency.getInstance(currency.toUpperCase(Locale.ROOT))
                .getCurrencyCode();
        String account = scoped(
                        carrier,
                        reach,
                        "read the payout account of " + carrier,
                        () -> transactions.execute(status ->
                                payoutAccounts.findByTenantId(carrier.value()).flatMap(PayoutAccount::stripeAccountId)))
                .orElseThrow(() -> new IllegalStateException("The carrier has no payout account"));
        long amount = amountMinor.orElseGet(() -> available(account, code));
        if (amount <= 0) {
            throw amountMinor.isPresent()
                    ? new IllegalArgumentException("The amount must be positive")
                    : new IllegalStateException("Nothing is available to pay out in " + code);
        }
        PayoutId id = PayoutId.random();
        String actor = Tenancy.currentActor();
        Instant now = clock.instant();
        var intent = new PayoutRecords.Payout(
                id,
                carrier.value(),
                account,
                Optional.empty(),
                Optional.of("fg-payout-" + id),
                false,
                Money.of(amount, code),
                PayoutState.REQUESTED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                now);
        // the holds are read where the payout is recorded, under the carrier's schedule lock that placing a hold takes:
        // a hold committed first refuses the payout, one placed after it comes after it
        payoutCalls.intend(carrier, intent, actor, () -> {
            holds.lockSchedule(carrier.value(), now);
            if (holds.anyActive(carrier.value())) {
                throw new IllegalStateException(
                        "The carrier's payouts are held; nothing is paid out until the holds end");
            }
        });
        switch (payoutCalls.send(carrier, id, actor)) {
            case ProviderOutcome.Approved<PayoutSnapshot> approved -> {}
            case ProviderOutcome.Declined<PayoutSnapshot> declined ->
                throw new IllegalArgumentException("Stripe refused the payout: " + declined.message());
            case ProviderOutcome.Pending<PayoutSnapshot> pending -> unknown(pending.reason());
            case ProviderOutcome.Unknown<PayoutSnapshot> unknown -> unknown(unknown.reason());
            case ProviderOutcome.NotAttempted<PayoutSnapshot> notAttempted -> unknown(notAttempted.reason());
        }
        return find(carrier, id, reach).orElseThrow();
    }

    /** The carrier's payouts, newest first. */
    public List<PayoutView> list(TenantId carrier, int limit, Reach reach) {
        return scoped(
                carrier,
                reach,
                "list the payouts of " + carrier,
                () -> transactions.execute(status -> records.newestFirst(carrier.value(), limit).stream()
                        .map(Payouts::view)
                        .toList()));
    }

    public Optional<PayoutView> find(TenantId carrier, PayoutId id, Reach reach) {
        return scoped(
                carrier,
                reach,
                "read payout " + id,
                () -> transactions.execute(status -> records.find(id)
                        .filter(payout -> payout.tenantId().equals(carrier.value()))
                        .map(Payouts::view)));
    }

    /**
     * The remittance of a paid payout (built now if its webhook has not done it yet). Fails with
     * {@link PayoutNotFound} for another carrier's or an unknown payout, and with {@link IllegalStateException} while
     * the payout is not paid.
     */
    public RemittanceView remittance(TenantId carrier, PayoutId id, Reach reach) {
        PayoutRecords.Payout payout = row(carrier, id, reach);
        if (payout.state() != PayoutState.PAID) {
            throw new IllegalStateException(
                    "Payout " + id + " is " + payout.state() + "; its remittance follows when it is paid");
        }
        if (payout.remittanceBuiltAt().isEmpty()) {
            remittances.build(payout, Tenancy.currentActor());
            payout = row(carrier, id, reach);
        }
        PayoutRecords.Payout paid = payout;
        List<PayoutRecords.Line> lines = scoped(
                carrier,
                reach,
                "read the remittance of payout " + id,
                () -> transactions.execute(status -> records.lines(id)));
        Money amount = paid.amount();
        String currency = amount.currency().getCurrencyCode();
        Money total = lines.stream()
                .map(line -> Money.of(line.netMinor(), currency))
                .reduce(Money.zero(amount.currency()), Money::plus);
        return new RemittanceView(
                view(paid),
                lines.stream().map(line -> line(line, currency)).toList(),
                total,
                total.equals(amount),
                amount.minus(total),
                paid.remittanceBuiltAt().orElseThrow());
    }

    /** The remittance as a PDF statement. */
    public byte[] remittancePdf(TenantId carrier, String carrierName, PayoutId id, Reach reach) {
        return pdf.render(carrierName, remittance(carrier, id, reach));
    }

    private PayoutRecords.Payout row(TenantId carrier, PayoutId id, Reach reach) {
        return scoped(
                        carrier,
                        reach,
                        "read payout " + id,
                        () -> transactions.execute(status -> records.find(id)
                                .filter(payout -> payout.tenantId().equals(carrier.value()))))
                .orElseThrow(() -> new PayoutNotFound(id));
    }

    private long available(String account, String currency) {
        return switch (stripe.available(account, currency)) {
            case ProviderOutcome.Approved<Long>(Long amount) -> amount;
            case ProviderOutcome.Declined<Long> declined ->
                throw new IllegalArgumentException("Stripe refused to read the balance: " + declined.message());
            default -> throw new PaymentProviderUnavailable("Stripe did not answer; repeat the request.");
        };
    }

    private static void unknown(String reason) {
        throw new PaymentProviderUnavailable(
                "Stripe did not answer; the payout is recorded and completes when Stripe reports it. (" + reason + ")");
    }

    private <T> T scoped(TenantId carrier, Reach reach, String reason, Supplier<T> work) {
        return systemAccess.forOwner(
                reach,
                carrier,
                reason,
                () -> new IllegalArgumentException("A carrier reaches only its own payout account and payouts"),
                work);
    }

    private static RemittanceView.Line line(PayoutRecords.Line line, String currency) {
        Optional<Money> invoice = line.invoiceAmountMinor().map(minor -> Money.of(minor, currency));
        Optional<Money> fee = line.kind() == Remittances.Kind.PAYMENT
                ? invoice.map(paid -> paid.minus(Money.of(line.amountMinor(), currency)))
                : Optional.empty();
        return new RemittanceView.Line(
                RemittanceView.Kind.valueOf(line.kind().name()),
                line.stripeType(),
                line.balanceTransactionId(),
                Money.of(line.amountMinor(), currency),
                Money.of(line.feeMinor(), currency),
                Money.of(line.netMinor(), currency),
                line.paymentRequestId().map(PaymentRequestId::new),
                line.loadReference(),
                invoice,
                fee,
                line.description(),
                line.occurredAt());
    }

    private static PayoutView view(PayoutRecords.Payout payout) {
        return new PayoutView(
                payout.id(),
                new TenantId(payout.tenantId()),
                payout.stripePayoutId(),
                payout.automatic(),
                payout.amount(),
                PayoutStatus.valueOf(payout.state().name()),
                payout.arrivalDate(),
                payout.failureCode(),
                payout.failureMessage(),
                payout.remittanceBuiltAt().isPresent(),
                payout.createdAt(),
                payout.updatedAt());
    }
}

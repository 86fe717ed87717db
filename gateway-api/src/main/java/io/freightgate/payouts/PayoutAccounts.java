package io.freightgate.payouts;

import io.freightgate.billing.PaymentProviderUnavailable;
import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.internal.PayoutAccountCalls;
import io.freightgate.payouts.internal.PayoutAccountRecords;
import io.freightgate.payouts.internal.PayoutAccountSynchronizer;
import io.freightgate.payouts.internal.domain.AccountSnapshot;
import io.freightgate.payouts.internal.domain.PayoutAccount;
import io.freightgate.payouts.internal.domain.PayoutAccountState;
import io.freightgate.payouts.internal.stripe.StripeConnectAccounts;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Carriers' payout accounts: the Stripe Connect account through which a carrier receives its money. Opening one
 * records the intent and its Stripe call, calls Stripe after the commit (idempotency key from the payout account's id)
 * and records the outcome ({@link PayoutAccountCalls}); an unknown outcome is answered with
 * {@link PaymentProviderUnavailable}, and repeating the request or the Stripe-call janitor completes it (looking the
 * account up first). Afterwards Stripe's webhooks keep it in sync. A carrier reads and manages its own account; platform staff reach
 * any carrier's through the audited system path ({@code Reach}).
 */
@Service
public class PayoutAccounts {

    private static final Logger log = LoggerFactory.getLogger(PayoutAccounts.class);

    private final PayoutAccountRecords records;
    private final StripeConnectAccounts stripe;
    private final PayoutAccountSynchronizer synchronizer;
    private final PayoutAccountCalls calls;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final Clock clock;

    PayoutAccounts(
            PayoutAccountRecords records,
            StripeConnectAccounts stripe,
            PayoutAccountSynchronizer synchronizer,
            PayoutAccountCalls calls,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            Clock clock) {
        this.records = records;
        this.stripe = stripe;
        this.synchronizer = synchronizer;
        this.calls = calls;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The connected account a carrier's transfers go to: present only while the payout account may receive transfers.
     * Runs in the caller's transaction and scope.
     */
    public Optional<String> transferDestination(UUID carrier) {
        return records.findByTenantId(carrier)
                .filter(PayoutAccount::transfersAllowed)
                .flatMap(PayoutAccount::stripeAccountId);
    }

    /**
     * Opens the carrier's Connect account. Fails with {@link IllegalStateException} if it has one already, with
     * {@link IllegalArgumentException} if Stripe refuses, and with {@link PaymentProviderUnavailable} if Stripe's
     * answer is unknown (repeat the request).
     */
    public PayoutAccountView open(TenantId carrier, OpenPayoutAccount command, Reach reach) {
        record Intent(UUID id, boolean repeat) {}
        Intent intent = scoped(
                carrier,
                reach,
                "open the payout account of " + carrier,
                () -> transactions.execute(status -> {
                    Optional<PayoutAccount> existing = records.findByTenantId(carrier.value());
                    if (existing.isPresent() && existing.get().stripeAccountId().isPresent()) {
                        throw new IllegalStateException("The carrier already has a payout account");
                    }
                    PayoutAccount account = existing.orElseGet(() -> records.save(PayoutAccount.intend(
                            UUID.randomUUID(),
                            carrier.value(),
                            command.country().value(),
                            command.payoutInterval().name().toLowerCase(Locale.ROOT),
                            command.email(),
                            clock.instant())));
                    boolean repeat = account.callId().isPresent();
                    calls.intend(account);
                    return new Intent(account.id(), repeat);
                }));
        String actor = Tenancy.currentActor();
        switch (calls.send(carrier, intent.id(), intent.repeat(), actor)) {
            case ProviderOutcome.Approved<AccountSnapshot> approved -> {}
            case ProviderOutcome.Declined<AccountSnapshot> declined ->
                throw new IllegalArgumentException("Stripe refused the account: " + declined.message());
            case ProviderOutcome.Pending<AccountSnapshot> pending -> throw unavailable(pending.reason());
            case ProviderOutcome.Unknown<AccountSnapshot> unknown -> throw unavailable(unknown.reason());
            case ProviderOutcome.NotAttempted<AccountSnapshot> notAttempted -> throw unavailable(notAttempted.reason());
        }
        return find(carrier, reach).orElseThrow();
    }

    /** The carrier's payout account, if it has one. */
    public Optional<PayoutAccountView> find(TenantId carrier, Reach reach) {
        return scoped(
                carrier,
                reach,
                "read the payout account of " + carrier,
                () -> transactions.execute(
                        status -> records.findByTenantId(carrier.value()).map(PayoutAccounts::view)));
    }

    /**
     * The carrier's payout account as Stripe has it now: fetched and applied like a webhook's snapshot (for the page
     * Stripe's onboarding returns to, before its webhooks arrive). When Stripe cannot be reached the stored state is
     * answered as it is. Empty when the carrier has no account.
     */
    public Optional<PayoutAccountView> synchronize(TenantId carrier, Reach reach) {
        Optional<String> stripeAccount = find(carrier, reach).flatMap(PayoutAccountView::stripeAccountId);
        if (stripeAccount.isPresent()) {
            try {
                synchronizer.synchronize(stripeAccount.get(), Optional.empty());
            } catch (IllegalStateException e) {
                log.info("Payout account of {} not synchronized now: {}", carrier, e.getMessage());
            }
        }
        return find(carrier, reach);
    }

    /** Whether the carrier may receive transfers now: its payout account is {@code ACTIVE}. */
    public boolean mayReceiveTransfers(TenantId carrier) {
        return Boolean.TRUE.equals(Tenancy.callAs(
                carrier,
                Tenancy.currentActor(),
                () -> transactions.execute(status -> records.findByTenantId(carrier.value())
                        .map(PayoutAccount::transfersAllowed)
                        .orElse(false))));
    }

    /**
     * A fresh single-use link to Stripe's hosted onboarding (each call makes a new one, which is what the refresh URL
     * asks for once a link expired). Fails with {@link IllegalStateException} when the carrier has no account yet.
     */
    public OnboardingLink createOnboardingLink(TenantId carrier, URI refreshUrl, URI returnUrl, Reach reach) {
        String stripeAccount = find(carrier, reach)
                .flatMap(PayoutAccountView::stripeAccountId)
                .orElseThrow(() -> new IllegalStateException("The carrier has no payout account yet"));
        return switch (stripe.onboardingLink(stripeAccount, refreshUrl, returnUrl)) {
            case ProviderOutcome.Approved<OnboardingLink>(OnboardingLink link) -> link;
            case ProviderOutcome.Declined<OnboardingLink> declined ->
                throw new IllegalArgumentException("Stripe refused the link: " + declined.message());
            case ProviderOutcome.Pending<OnboardingLink> pending -> throw unavailable(pending.reason());
            case ProviderOutcome.Unknown<OnboardingLink> unknown -> throw unavailable(unknown.reason());
            case ProviderOutcome.NotAttempted<OnboardingLink> notAttempted -> throw unavailable(notAttempted.reason());
        };
    }

    private static PaymentProviderUnavailable unavailable(String reason) {
        return new PaymentProviderUnavailable("Stripe did not answer; repeat the request. (" + reason + ")");
    }

    private <T> T scoped(TenantId carrier, Reach reach, String reason, Supplier<T> work) {
        return systemAccess.forOwner(
                reach,
                carrier,
                reason,
                () -> new IllegalArgumentException("A carrier reaches only its own payout account and payouts"),
                work);
    }

    private static PayoutAccountView view(PayoutAccount account) {
        return new PayoutAccountView(
                new TenantId(account.tenantId()),
                account.stripeAccountId(),
                status(account.status()),
                account.country(),
                account.payoutInterval(),
                account.chargesEnabled(),
                account.payoutsEnabled(),
                account.detailsSubmitted(),
                account.transfersAllowed(),
                account.cardPaymentsCapability(),
                account.transfersCapability(),
                new PayoutAccountView.Requirements(
                        account.currentlyDue(),
                        account.eventuallyDue(),
                        account.pastDue(),
                        account.disabledReason(),
                        account.currentDeadline()),
                account.lastError(),
                account.stateObservedAt(),
                account.createdAt(),
                account.updatedAt());
    }

    private static PayoutAccountStatus status(PayoutAccountState state) {
        return switch (state) {
            case CREATING, CREATION_UNKNOWN -> PayoutAccountStatus.PENDING;
            case DECLINED -> PayoutAccountStatus.DECLINED;
            case ONBOARDING -> PayoutAccountStatus.ONBOARDING;
            case ACTIVE -> PayoutAccountStatus.ACTIVE;
            case RESTRICTED -> PayoutAccountStatus.RESTRICTED;
        };
    }
}

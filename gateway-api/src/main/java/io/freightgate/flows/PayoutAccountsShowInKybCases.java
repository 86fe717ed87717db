package io.freightgate.flows;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.PayoutAccountRequirements;
import io.freightgate.payouts.PayoutAccounts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A carrier's KYB case shows the Stripe Connect requirements of its payout account (read across tenants, audited). */
@Component
class PayoutAccountsShowInKybCases implements PayoutAccountRequirements {

    private final PayoutAccounts payoutAccounts;

    PayoutAccountsShowInKybCases(PayoutAccounts payoutAccounts) {
        this.payoutAccounts = payoutAccounts;
    }

    @Override
    public Optional<Requirements> of(TenantId organization) {
        return payoutAccounts
                .find(organization, true)
                .map(account -> new Requirements(
                        account.chargesEnabled(),
                        account.payoutsEnabled(),
                        account.requirements().currentlyDue(),
                        account.requirements().pastDue(),
                        account.requirements().eventuallyDue(),
                        account.requirements().currentDeadline(),
                        account.requirements().disabledReason()));
    }
}

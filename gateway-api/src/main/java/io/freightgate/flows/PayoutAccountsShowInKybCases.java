package io.freightgate.flows;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.PayoutAccountRequirements;
import io.freightgate.payouts.PayoutAccounts;
import io.freightgate.platform.tenancy.Reach;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A carrier's KYB case shows the Stripe Connect requirements of its payout account (read across tenants, audited). */
@Component
class PayoutAccountsShowInKybCases implements PayoutAccountRequirements {

    private static final Reach ACROSS_TENANTS =
            Reach.acrossTenants("PayoutAccountsShowInKybCases on its own authority");

    private final PayoutAccounts payoutAccounts;

    PayoutAccountsShowInKybCases(PayoutAccounts payoutAccounts) {
        this.payoutAccounts = payoutAccounts;
    }

    @Override
    public Optional<Requirements> of(TenantId organization) {
        return payoutAccounts
                .find(organization, ACROSS_TENANTS)
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

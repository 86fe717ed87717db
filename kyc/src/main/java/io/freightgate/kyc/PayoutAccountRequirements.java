package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the Stripe Connect requirements of a carrier's payout account, shown in its KYB case. KYC declares it; a class
 * in {@code io.freightgate.flows} implements it from the payments module. Optional: without an implementation the
 * case simply shows none.
 */
public interface PayoutAccountRequirements {

    /** The requirements of the organization's connected account; empty when it has none. */
    Optional<Requirements> of(TenantId organization);

    /** As Stripe reports them on the account ({@code requirements.*}, {@code charges_enabled}, ...). */
    record Requirements(
            boolean chargesEnabled,
            boolean payoutsEnabled,
            List<String> currentlyDue,
            List<String> pastDue,
            List<String> eventuallyDue,
            Optional<Instant> currentDeadline,
            Optional<String> disabledReason) {

        public Requirements {
            currentlyDue = List.copyOf(currentlyDue);
            pastDue = List.copyOf(pastDue);
            eventuallyDue = List.copyOf(eventuallyDue);
        }
    }
}

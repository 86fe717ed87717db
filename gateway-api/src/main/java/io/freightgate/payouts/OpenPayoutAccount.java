package io.freightgate.payouts;

import io.freightgate.kernel.CountryCode;
import java.util.Objects;
import java.util.Optional;

/** Command: open the carrier's Stripe Connect account. */
public record OpenPayoutAccount(CountryCode country, Optional<String> email, PayoutInterval payoutInterval) {

    public OpenPayoutAccount {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(payoutInterval, "payoutInterval");
    }

    /** How often Stripe pays the carrier's balance out: daily, weekly (Fridays), monthly (the 1st), or manual. */
    public enum PayoutInterval {
        DAILY,
        WEEKLY,
        MONTHLY,
        MANUAL
    }
}

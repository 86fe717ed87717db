package io.freightgate.transfers.internal;

import io.freightgate.transfers.internal.domain.FeePolicy;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code freightgate.payments.fees.*} and {@code freightgate.payments.transfers.*}: the platform's fee per currency
 * (basis points of the amount paid, rounded half up, plus a fixed amount in minor units), the carriers trusted to be
 * paid at payment rather than at delivery, and the retry job's pace.
 */
@ConfigurationProperties(prefix = "freightgate.payments")
public record TransferProperties(Fees fees, Transfers transfers) {

    public TransferProperties {
        fees = fees == null ? new Fees(0, Map.of()) : fees;
        transfers = transfers == null ? new Transfers(List.of(), false, Duration.ofMinutes(1)) : transfers;
    }

    /** {@code basis-points} for currencies without their own terms; {@code currencies.EUR.basis-points/fixed-minor}. */
    public record Fees(@DefaultValue("0") long basisPoints, Map<String, Terms> currencies) {
        public Fees {
            currencies = currencies == null ? Map.of() : Map.copyOf(currencies);
        }
    }

    public record Terms(
            @DefaultValue("0") long basisPoints,
            @DefaultValue("0") long fixedMinor) {}

    /**
     * {@code trusted-carriers}: organization ids whose transfers are released at payment (no delivery confirmation
     * needed); {@code release-all-at-payment} does that for every carrier. {@code minimum-age}: how long a waiting or
     * refused transfer is left before the release job offers it to the policy again (lost answers are the Stripe-call
     * janitor's, ADR 0008).
     */
    public record Transfers(
            List<UUID> trustedCarriers,
            @DefaultValue("false") boolean releaseAllAtPayment,
            @DefaultValue("PT1M") Duration minimumAge) {
        public Transfers {
            trustedCarriers = trustedCarriers == null ? List.of() : List.copyOf(trustedCarriers);
            minimumAge = minimumAge == null ? Duration.ofMinutes(1) : minimumAge;
        }
    }

    public FeePolicy feePolicy() {
        Map<Currency, FeePolicy.Terms> byCurrency = new LinkedHashMap<>();
        fees.currencies()
                .forEach((code, terms) -> byCurrency.put(
                        Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT)),
                        new FeePolicy.Terms(terms.basisPoints(), terms.fixedMinor())));
        return new FeePolicy(new FeePolicy.Terms(fees.basisPoints(), 0), byCurrency);
    }

    public boolean trusted(UUID carrier) {
        return transfers.releaseAllAtPayment() || transfers.trustedCarriers().contains(carrier);
    }
}

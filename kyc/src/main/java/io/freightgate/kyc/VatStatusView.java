package io.freightgate.kyc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What KYC knows about an organization's VAT number: the fee statements' reverse charge asks {@link #viesValid()} and
 * {@link #memberState()}.
 *
 * @param vatNumber normalized, with its VIES prefix ({@code EL...} for Greece)
 * @param memberState the VIES member state code
 * @param consultation the stored VIES consultation behind the status
 */
public record VatStatusView(
        Optional<String> vatNumber,
        Optional<String> memberState,
        VatStatus status,
        Optional<Instant> checkedAt,
        Optional<Instant> nextCheckAt,
        boolean operatorAlerted,
        Optional<UUID> consultation) {

    public boolean viesValid() {
        return status == VatStatus.VALID;
    }
}

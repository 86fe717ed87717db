package io.freightgate.ledger;

import io.freightgate.kernel.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * The port through which the fee statements learn a carrier's VAT standing: its VAT number, the member state that
 * issued it and whether VIES last confirmed it. Implemented in {@code io.freightgate.flows} from the KYC module; without
 * it no carrier has a VAT standing, so no statement carries the reverse charge.
 */
public interface CarrierVatStatus {

    /** What is known about the carrier's VAT number; empty when the carrier gave none (or no KYB case exists). */
    Optional<VatStanding> of(TenantId carrier);

    /**
     * A carrier's VAT number as VIES knows it.
     *
     * @param vatNumber normalized, with its VIES prefix ({@code FR83404833048}, {@code EL...} for Greece)
     * @param memberState the VIES member state code ({@code FR}, {@code EL}, {@code XI})
     * @param viesValid whether VIES's last answer was "valid" (not invalid, not unknown, not yet asked)
     */
    record VatStanding(String vatNumber, String memberState, boolean viesValid) {
        public VatStanding {
            Objects.requireNonNull(vatNumber, "vatNumber");
            Objects.requireNonNull(memberState, "memberState");
        }
    }
}

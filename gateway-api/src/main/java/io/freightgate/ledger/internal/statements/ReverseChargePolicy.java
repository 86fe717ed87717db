package io.freightgate.ledger.internal.statements;

import io.freightgate.ledger.CarrierVatStatus.VatStanding;
import io.freightgate.ledger.FeeStatementView.VatTreatment;
import io.freightgate.ledger.FeeStatementView.VatTreatment.NoReverseCharge;
import io.freightgate.ledger.FeeStatementView.VatTreatment.Reason;
import io.freightgate.ledger.FeeStatementView.VatTreatment.ReverseCharge;
import java.util.Optional;
import java.util.Set;

/**
 * When the platform's fee is reverse-charged (Article 196 of the VAT Directive: a service to a taxable person
 * established in another member state): only when VIES confirmed the carrier's VAT number and that number is of an EU
 * member state other than the platform's. A number VIES called invalid, did not answer for or was not asked about, and
 * a carrier without a number, get no note; so does a Northern Ireland ({@code XI}) number, which the Protocol on
 * Ireland/Northern Ireland ties to the EU's VAT rules for goods only. Nothing else is decided here: no VAT is computed.
 */
public final class ReverseChargePolicy {

    /** The VIES codes of the 27 member states ({@code EL} for Greece); {@code XI} is deliberately not one. */
    static final Set<String> MEMBER_STATES = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private ReverseChargePolicy() {}

    public static VatTreatment decide(Optional<VatStanding> carrier, PlatformVatIdentity platform) {
        if (carrier.isEmpty()) {
            return new NoReverseCharge(Reason.NO_VAT_NUMBER);
        }
        VatStanding standing = carrier.get();
        if (!standing.viesValid()) {
            return new NoReverseCharge(Reason.NOT_CONFIRMED_BY_VIES);
        }
        String state = PlatformVatIdentity.viesCode(standing.memberState());
        if (!MEMBER_STATES.contains(state)) {
            return new NoReverseCharge(Reason.NOT_AN_EU_MEMBER_STATE);
        }
        if (state.equals(platform.vatCountry())) {
            return new NoReverseCharge(Reason.SAME_MEMBER_STATE);
        }
        return new ReverseCharge(
                VatTreatment.REVERSE_CHARGE_NOTE,
                standing.vatNumber(),
                state,
                platform.vatNumber(),
                platform.vatCountry());
    }
}

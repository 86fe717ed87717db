package io.freightgate.flows;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.KycChecks;
import io.freightgate.ledger.CarrierVatStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Payments' fee statements ask KYC what VIES last said about a carrier's VAT number (read across tenants through KYC's
 * audited system path). A case without a VAT number, or a number without its member state, is no VAT standing.
 */
@Component
class CarrierVatStatusFromKyc implements CarrierVatStatus {

    private final KycChecks kyc;

    CarrierVatStatusFromKyc(KycChecks kyc) {
        this.kyc = kyc;
    }

    @Override
    public Optional<VatStanding> of(TenantId carrier) {
        return kyc.vatStatus(carrier).flatMap(view -> view.vatNumber()
                .flatMap(number -> view.memberState().map(state -> new VatStanding(number, state, view.viesValid()))));
    }
}

package io.freightgate.flows;

import io.freightgate.billing.PaymentParticipation;
import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.KycChecks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The verification gate for payments: an organization whose KYB case is not {@code VERIFIED} (never submitted, in
 * review, rejected, or revoked because a licence or insurance expired) can neither issue a payment request, be billed
 * by one, nor pay one.
 */
@Component
class OnlyVerifiedOrganizationsBillAndPay implements PaymentParticipation {

    private final KycChecks kyc;

    OnlyVerifiedOrganizationsBillAndPay(KycChecks kyc) {
        this.kyc = kyc;
    }

    @Override
    public Optional<String> refusal(TenantId organization) {
        return kyc.isVerified(organization)
                ? Optional.empty()
                : Optional.of("Organization " + organization
                        + " has not completed verification (KYB); it can neither bill nor pay until it is verified");
    }
}

package io.freightgate.flows;

import io.freightgate.billing.PaymentScreening;
import io.freightgate.fraud.DeviceFingerprints;
import io.freightgate.fraud.FraudScreening;
import io.freightgate.fraud.PaymentSignals;
import io.freightgate.fraud.ScreeningDecision;
import io.freightgate.kyc.CaseState;
import io.freightgate.kyc.KycChecks;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.tenancy.Reach;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Payments are screened by the fraud module's rules before their PaymentIntent is confirmed (issue 20, stage 1): what
 * billing knows of the payment (amount, method, card fingerprint, the payer's IP address and user agent, the pay link)
 * is completed with the shipper's KYB state (KYC) and the age of its organization (organizations), and the fraud
 * module's decision (ALLOW, REQUEST_3DS, REVIEW or BLOCK, stored with its facts and explanation) is billing's verdict.
 * The payer's device is the device id the fraud module makes of what the payment page's collector script sent (a
 * keyed hash; unknown without a usable fingerprint), never the user agent (a browser build, not a payer: one dispute
 * would put every payer with the same browser on the watch list). An unexpected failure of the screening
 * fails the payment before anything is sent to Stripe: a payment is never confirmed unscreened.
 */
@Component
class PaymentsAreScreenedByFraudRules implements PaymentScreening {

    private static final Reach ACROSS_TENANTS =
            Reach.acrossTenants("PaymentsAreScreenedByFraudRules: the shipper's age for payment screening");

    private final FraudScreening fraud;
    private final DeviceFingerprints devices;
    private final KycChecks kyc;
    private final OrganizationDirectory organizations;
    private final Clock clock;

    PaymentsAreScreenedByFraudRules(
            FraudScreening fraud,
            DeviceFingerprints devices,
            KycChecks kyc,
            OrganizationDirectory organizations,
            Clock clock) {
        this.fraud = fraud;
        this.devices = devices;
        this.kyc = kyc;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public ScreeningVerdict screen(ScreeningRequest request) {
        Optional<Instant> signedUp =
                organizations.find(request.shipper(), ACROSS_TENANTS).map(OrganizationView::createdAt);
        ScreeningDecision decision = fraud.screenBeforeConfirmation(new PaymentSignals(
                request.paymentRequestId(),
                Optional.of(request.attemptId()),
                request.carrier(),
                request.shipper(),
                request.amount(),
                method(request.method()),
                request.cardFingerprint(),
                request.ipAddress(),
                // the keyed hash of the collector script's attributes; never the user agent (docs/fraud.md)
                request.deviceFingerprint().flatMap(devices::identify),
                request.payLink(),
                Optional.of(kycState(kyc.caseState(request.shipper()))),
                signedUp.map(created ->
                        Math.max(0, Duration.between(created, clock.instant()).toDays())),
                signedUp));
        return new ScreeningVerdict(
                Decision.valueOf(decision.decision().name()),
                decision.explanations(),
                Optional.of(decision.decisionId()));
    }

    /** Billing's method names ({@code CARD}, {@code SEPA_DEBIT}) in the rules' words. */
    static String method(String billingMethod) {
        return billingMethod.toLowerCase(Locale.ROOT);
    }

    /** The KYB state in the rules' words; {@code none} without a case. */
    static String kycState(Optional<CaseState> state) {
        return state.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("none");
    }
}

package io.freightgate.flows;

import io.freightgate.billing.AuthorizationScreening;
import io.freightgate.fraud.AuthorizationSignals;
import io.freightgate.fraud.FraudScreening;
import org.springframework.stereotype.Component;

/**
 * Billing's screening after the authorization is the fraud module's second stage: the charge's Radar outcome is
 * screened with the rules in force, the decision stored, and a REVIEW opens a review in the fraud queue.
 */
@Component
class AuthorizationsScreenedByFraud implements AuthorizationScreening {

    private final FraudScreening screening;

    AuthorizationsScreenedByFraud(FraudScreening screening) {
        this.screening = screening;
    }

    @Override
    public Decision screen(Authorization a) {
        var radar = a.radar();
        var decided = screening.screenAfterAuthorization(new AuthorizationSignals(
                a.paymentRequestId(),
                a.attemptId(),
                a.carrier(),
                a.shipper(),
                a.amount(),
                a.method(),
                a.reviewedBeforeConfirmation(),
                a.captureBefore(),
                a.paymentIntentId(),
                a.chargeId(),
                radar.riskLevel(),
                radar.riskScore(),
                radar.outcomeType(),
                radar.rule(),
                radar.networkStatus(),
                radar.sellerMessage(),
                radar.threeDSecure(),
                radar.threeDSecureAuthenticated(),
                radar.liabilityShift(),
                radar.cvcCheck(),
                radar.stripeReviewId()));
        Outcome outcome =
                switch (decided.screening().decision()) {
                    case BLOCK -> Outcome.BLOCK;
                    case REVIEW -> Outcome.REVIEW;
                    case ALLOW, REQUEST_3DS -> Outcome.ALLOW;
                };
        return new Decision(outcome, decided.reviewId(), decided.screening().explanations());
    }
}

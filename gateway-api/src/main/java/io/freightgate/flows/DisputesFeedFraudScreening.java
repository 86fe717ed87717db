package io.freightgate.flows;

import io.freightgate.disputes.DisputeOpened;
import io.freightgate.fraud.FraudFeedback;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A dispute opened on a payment feeds back into fraud screening: the card fingerprint, device and IP of the payment's
 * stored fraud decision go on the watch list and the card has {@code :card_has_disputes:} from then on. Idempotent per
 * dispute (the facade applies each dispute id once).
 */
@Component
class DisputesFeedFraudScreening {

    private final FraudFeedback feedback;
    private final SystemAccess systemAccess;

    DisputesFeedFraudScreening(FraudFeedback feedback, SystemAccess systemAccess) {
        this.feedback = feedback;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the facade binds the audited system scope before its transaction.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DisputeOpened event) {
        systemAccess.callAs(
                "flow:disputes-feed-fraud-screening",
                Optional.empty(),
                "dispute " + event.stripeDisputeId() + " on payment request " + event.paymentRequestId()
                        + " feeds back into fraud screening",
                () -> feedback.disputeOpened(event.paymentRequestId(), event.stripeDisputeId()));
    }
}

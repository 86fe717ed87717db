package io.freightgate.fraud.internal;

import io.freightgate.fraud.EarlyFraudWarningReceived;
import io.freightgate.fraud.FraudFeedback;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * An early fraud warning feeds back into screening: the payment's card, device and IP go on the watch list and the
 * card has {@code :card_has_early_fraud_warnings:} (once per warning id).
 */
@Component
class EarlyFraudWarningFeedback {

    private final FraudFeedback feedback;
    private final SystemAccess systemAccess;

    EarlyFraudWarningFeedback(FraudFeedback feedback, SystemAccess systemAccess) {
        this.feedback = feedback;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the facade binds the audited system scope before its transaction.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(EarlyFraudWarningReceived event) {
        systemAccess.callAs(
                "flow:early-fraud-warning-feedback",
                Optional.empty(),
                "early fraud warning " + event.warningId() + " feeds back into fraud screening",
                () -> feedback.earlyFraudWarning(event.paymentRequestId(), event.warningId()));
    }
}

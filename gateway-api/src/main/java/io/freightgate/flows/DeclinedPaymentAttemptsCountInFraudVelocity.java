package io.freightgate.flows;

import io.freightgate.billing.PaymentAttemptFailed;
import io.freightgate.fraud.FraudScreening;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A payment attempt declined at Stripe (or whose authentication or debit failed) counts in the fraud module's velocity
 * counters of declined attempts (its shipper, card, IP address, device and pay link: many declines on one pay link are
 * card testing). Heard through Spring Modulith's publication registry after billing's transaction commits; safe to hear
 * twice: the fraud module counts each attempt once.
 */
@Component
class DeclinedPaymentAttemptsCountInFraudVelocity {

    private final FraudScreening fraud;
    private final SystemAccess systemAccess;

    DeclinedPaymentAttemptsCountInFraudVelocity(FraudScreening fraud, SystemAccess systemAccess) {
        this.fraud = fraud;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the fraud facade binds the audited system scope before its transaction, and
    // counts in Redis after it.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentAttemptFailed event) {
        systemAccess.callAs(
                "flow:declined-attempts-count-in-fraud-velocity",
                Optional.empty(),
                "payment attempt " + event.attemptId().value() + " declined: it counts in the fraud velocity",
                () -> {
                    fraud.attemptDeclined(event.attemptId().value());
                    return null;
                });
    }
}

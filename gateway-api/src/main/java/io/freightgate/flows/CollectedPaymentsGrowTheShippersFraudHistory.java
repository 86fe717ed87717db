package io.freightgate.flows;

import io.freightgate.billing.PaymentCollected;
import io.freightgate.fraud.FraudScreening;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A collected payment counts in the shipper's history the fraud rules weigh ({@code :shipper_payment_count_90d:},
 * {@code :shipper_avg_amount_90d:}, {@code :shipper_max_amount_90d:}) and its card has now paid for the shipper
 * ({@code :is_new_card:} is false for it next time). Heard through Spring Modulith's publication registry after
 * billing's transaction commits; idempotent (a request's decisions are marked collected once).
 */
@Component
class CollectedPaymentsGrowTheShippersFraudHistory {

    private final FraudScreening fraud;
    private final SystemAccess systemAccess;

    CollectedPaymentsGrowTheShippersFraudHistory(FraudScreening fraud, SystemAccess systemAccess) {
        this.fraud = fraud;
        this.systemAccess = systemAccess;
    }

    // Not in a transaction of its own: the fraud facade binds the audited system scope before its transaction.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentCollected event) {
        systemAccess.callAs(
                "flow:payment-collected-fraud-history",
                Optional.empty(),
                "payment request " + event.paymentRequestId() + " collected: the shipper's fraud history grows",
                () -> {
                    fraud.paymentCollected(event.paymentRequestId().value());
                    return null;
                });
    }
}

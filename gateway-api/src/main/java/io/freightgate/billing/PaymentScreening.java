package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The screening port, asked before a PaymentIntent is confirmed. The fraud module implements it; until it does, the
 * payments module's default allows everything. {@link Decision#BLOCK} stops the payment before Stripe is called (no
 * fee is incurred); {@link Decision#REVIEW} lets it proceed and is recorded on the attempt (the release policy holds
 * the carrier's transfer).
 */
public interface PaymentScreening {

    ScreeningVerdict screen(ScreeningRequest request);

    /** What is known about the payment before it is sent. */
    record ScreeningRequest(
            UUID paymentRequestId,
            UUID attemptId,
            TenantId carrier,
            TenantId shipper,
            Money amount,
            String method,
            String actor,
            Optional<String> ipAddress,
            Optional<String> userAgent) {}

    enum Decision {
        ALLOW,
        REVIEW,
        BLOCK
    }

    record ScreeningVerdict(Decision decision, List<String> reasons) {
        public ScreeningVerdict {
            reasons = List.copyOf(reasons);
        }

        public static ScreeningVerdict allow() {
            return new ScreeningVerdict(Decision.ALLOW, List.of());
        }
    }
}

package io.freightgate.flows;

import io.freightgate.fraud.PaymentHeldForReview;
import io.freightgate.fraud.ReviewClosed;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.TransferHoldReason;
import io.freightgate.transfers.Transfers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A payment in fraud review holds the carrier's transfer ({@code FRAUD_REVIEW}; a transfer not yet paid is created
 * held); an approved review releases the hold and offers the transfer to the release policy. A rejected review keeps
 * the hold: the money went back. Idempotent: a hold already placed or released changes nothing.
 */
@Component
class ReviewsHoldCarrierTransfer {

    private static final Logger log = LoggerFactory.getLogger(ReviewsHoldCarrierTransfer.class);

    private final Transfers transfers;
    private final SystemAccess systemAccess;

    ReviewsHoldCarrierTransfer(Transfers transfers, SystemAccess systemAccess) {
        this.transfers = transfers;
        this.systemAccess = systemAccess;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentHeldForReview event) {
        systemAccess.callAs(
                "flow:fraud-review-holds-transfer",
                Optional.empty(),
                "hold the transfer of payment request " + event.paymentRequestId() + " for review " + event.reviewId(),
                () -> {
                    try {
                        transfers.hold(
                                event.paymentRequestId(),
                                TransferHoldReason.FRAUD_REVIEW,
                                Optional.of("Fraud review " + event.reviewId()));
                    } catch (IllegalStateException e) {
                        log.info("The transfer of {} is not held again: {}", event.paymentRequestId(), e.getMessage());
                    }
                    return null;
                });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReviewClosed event) {
        if (event.outcome() != ReviewClosed.Outcome.APPROVED) {
            return;
        }
        systemAccess.callAs(
                "flow:fraud-review-releases-transfer",
                Optional.empty(),
                "release the transfer of payment request " + event.paymentRequestId() + " after review "
                        + event.reviewId(),
                () -> {
                    try {
                        transfers.release(event.paymentRequestId(), TransferHoldReason.FRAUD_REVIEW);
                    } catch (IllegalStateException e) {
                        log.info("No fraud review hold on {}: {}", event.paymentRequestId(), e.getMessage());
                    }
                    return null;
                });
    }
}

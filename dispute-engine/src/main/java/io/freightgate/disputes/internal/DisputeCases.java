package io.freightgate.disputes.internal;

import io.freightgate.disputes.DisputeEvent;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputedPayments;
import io.freightgate.disputes.internal.domain.DisputeCase;
import io.freightgate.disputes.internal.domain.DisputeSnapshot;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies a snapshot of a Stripe dispute to its case, through the audited system path (a webhook does not know the
 * tenant), and publishes what the news means in the same transaction, so the events reach their listeners through the
 * publication registry exactly when the case changed. Two events about the same new dispute may be processed at once:
 * the loser of the insert (unique Stripe id) or of the version check runs again on fresh rows.
 */
@Component
class DisputeCases {

    private static final Logger log = LoggerFactory.getLogger(DisputeCases.class);
    private static final int ATTEMPTS = 5;

    private final Disputes disputes;
    private final DisputedPayments payments;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeCases(
            Disputes disputes,
            DisputedPayments payments,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.disputes = disputes;
        this.payments = payments;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Applies {@code snapshot}; a dispute on a payment FreightGate did not make is ignored. */
    void apply(DisputeSnapshot snapshot) {
        Optional<DisputedPayments.DisputedPayment> payment = payments.byPaymentIntent(snapshot.paymentIntentId());
        if (payment.isEmpty()) {
            log.info(
                    "Dispute {} concerns PaymentIntent {}, which is not FreightGate's: ignored",
                    snapshot.stripeDisputeId(),
                    snapshot.paymentIntentId());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                systemAccess.run(
                        "apply Stripe's dispute " + snapshot.stripeDisputeId(),
                        () -> transactions.executeWithoutResult(status -> {
                            List<DisputeEvent> news = disputes.findByStripeDisputeId(snapshot.stripeDisputeId())
                                    .map(found -> found.apply(snapshot, clock.instant()))
                                    .orElseGet(() -> {
                                        DisputeCase.Opened opened = DisputeCase.open(
                                                DisputeId.random(), snapshot, payment.get(), clock.instant());
                                        disputes.saveAndFlush(opened.dispute());
                                        return opened.events();
                                    });
                            news.forEach(events::publishEvent);
                        }));
                return;
            } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Dispute {} changed concurrently; applying again", snapshot.stripeDisputeId());
            }
        }
    }
}

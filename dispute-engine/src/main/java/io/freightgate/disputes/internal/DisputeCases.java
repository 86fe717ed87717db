package io.freightgate.disputes.internal;

import io.freightgate.disputes.DisputeClosed;
import io.freightgate.disputes.DisputeEntryKind;
import io.freightgate.disputes.DisputeEvent;
import io.freightgate.disputes.DisputeFundsReinstated;
import io.freightgate.disputes.DisputeFundsWithdrawn;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeUpdated;
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
 * tenant), writes the case's timeline, and publishes what the news means in the same transaction, so the events reach
 * their listeners through the publication registry exactly when the case changed. Two events about the same new
 * dispute may be processed at once: the loser of the insert (unique Stripe id) or of the version check runs again on
 * fresh rows. A dispute on a charge FreightGate knows no payment for opens an orphan case, logged as an alert and put in
 * finance staff's notification feed.
 */
@Component
class DisputeCases {

    private static final Logger log = LoggerFactory.getLogger(DisputeCases.class);
    private static final int ATTEMPTS = 5;
    static final String STRIPE = "stripe";

    /** What applying a snapshot came to. */
    enum Applied {
        /** The case was opened or changed (or the news was the same again). */
        APPLIED,
        /** The snapshot is older than the case: Stripe should be asked for the dispute as it is now. */
        STALE
    }

    private final Disputes disputes;
    private final DisputeTimeline timeline;
    private final DisputedPayments payments;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeCases(
            Disputes disputes,
            DisputeTimeline timeline,
            DisputedPayments payments,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.disputes = disputes;
        this.timeline = timeline;
        this.payments = payments;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Applies {@code snapshot}; a dispute on a payment FreightGate did not make opens an orphan case. */
    Applied apply(DisputeSnapshot snapshot) {
        Optional<DisputedPayments.DisputedPayment> payment =
                snapshot.paymentIntentId().flatMap(payments::byPaymentIntent);
        for (int attempt = 1; ; attempt++) {
            try {
                return systemAccess.call(
                        "apply Stripe's dispute " + snapshot.stripeDisputeId(),
                        () -> transactions.execute(status -> disputes.findByStripeDisputeId(snapshot.stripeDisputeId())
                                .map(found -> update(found, snapshot))
                                .orElseGet(() -> open(snapshot, payment))));
            } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Dispute {} changed concurrently; applying again", snapshot.stripeDisputeId());
            }
        }
    }

    private Applied update(DisputeCase found, DisputeSnapshot snapshot) {
        if (found.isStale(snapshot)) {
            return Applied.STALE;
        }
        publish(found, found.apply(snapshot, clock.instant()));
        return Applied.APPLIED;
    }

    private Applied open(DisputeSnapshot snapshot, Optional<DisputedPayments.DisputedPayment> payment) {
        if (payment.isEmpty()) {
            DisputeCase orphan = DisputeCase.orphan(DisputeId.random(), snapshot, clock.instant());
            disputes.saveAndFlush(orphan);
            log.warn(
                    "ALERT: dispute {} on charge {} (PaymentIntent {}) concerns no FreightGate payment: orphan case {}",
                    snapshot.stripeDisputeId(),
                    snapshot.chargeId(),
                    snapshot.paymentIntentId().orElse("none"),
                    orphan.id().value());
            record(
                    orphan,
                    DisputeEntryKind.ORPHAN,
                    STRIPE,
                    "Dispute " + snapshot.stripeDisputeId() + " ("
                            + snapshot.reason().stripe() + ", "
                            + snapshot.amount() + ") on charge " + snapshot.chargeId()
                            + " concerns no FreightGate payment");
            return Applied.APPLIED;
        }
        DisputeCase.Opened opened = DisputeCase.open(DisputeId.random(), snapshot, payment.get(), clock.instant());
        disputes.saveAndFlush(opened.dispute());
        publish(opened.dispute(), opened.events());
        return Applied.APPLIED;
    }

    private void publish(DisputeCase dispute, List<DisputeEvent> news) {
        for (DisputeEvent event : news) {
            switch (event) {
                case DisputeOpened opened ->
                    record(
                            dispute,
                            DisputeEntryKind.OPENED,
                            STRIPE,
                            "Dispute opened: " + opened.reason() + ", " + opened.amount() + ", status "
                                    + opened.status().stripe());
                case DisputeUpdated updated ->
                    record(
                            dispute,
                            DisputeEntryKind.UPDATED,
                            STRIPE,
                            "Status " + updated.previous().stripe() + " -> "
                                    + updated.status().stripe());
                case DisputeFundsWithdrawn withdrawn ->
                    record(
                            dispute,
                            DisputeEntryKind.FUNDS_WITHDRAWN,
                            STRIPE,
                            withdrawn.amount() + " withdrawn, dispute fee " + withdrawn.fee());
                case DisputeFundsReinstated reinstated ->
                    record(
                            dispute,
                            DisputeEntryKind.FUNDS_REINSTATED,
                            STRIPE,
                            reinstated.amount() + " reinstated, fee " + reinstated.fee() + " returned");
                case DisputeClosed closed ->
                    record(
                            dispute,
                            DisputeEntryKind.CLOSED,
                            STRIPE,
                            "Dispute closed: " + closed.outcome().name().toLowerCase(java.util.Locale.ROOT));
            }
            events.publishEvent(event);
        }
    }

    private void record(DisputeCase dispute, DisputeEntryKind kind, String actor, String text) {
        timeline.record(dispute, kind, actor, text);
    }
}

package io.freightgate.billing;

import io.freightgate.billing.internal.PaymentAttemptRecords;
import io.freightgate.billing.internal.PaymentSynchronizer;
import io.freightgate.billing.internal.RefundSending;
import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.calls.StripeCallJanitor;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles payment attempts whose outcome is unknown or still pending: an attempt with no PaymentIntent yet (the
 * creation's answer was lost) is sent again with the same idempotency key and parameters, so Stripe replays the first
 * result instead of charging twice; an attempt with a PaymentIntent is re-read from Stripe. Runs on one instance at a
 * time; after {@code max-attempts} rounds an attempt is left for an operator (logged, counted in
 * {@code freightgate.payments.reconciliation.stuck}). Refunds whose answer was lost are settled by the one
 * {@link StripeCallJanitor} (looked up at Stripe first, sent again with the same key only inside Stripe's idempotency
 * window).
 */
@Component
public class PaymentReconciliation {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("PaymentReconciliation on its own authority");

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentAttemptRecords attempts;
    private final Payments payments;
    private final PaymentSynchronizer synchronizer;
    private final SystemAccess systemAccess;
    private final StripeCallJanitor janitor;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration minimumAge;
    private final int maxAttempts;

    PaymentReconciliation(
            PaymentAttemptRecords attempts,
            Payments payments,
            PaymentSynchronizer synchronizer,
            SystemAccess systemAccess,
            StripeCallJanitor janitor,
            MeterRegistry meters,
            Clock clock,
            @Value("${freightgate.payments.reconciliation.minimum-age:PT1M}") Duration minimumAge,
            @Value("${freightgate.payments.reconciliation.max-attempts:20}") int maxAttempts) {
        this.attempts = attempts;
        this.payments = payments;
        this.synchronizer = synchronizer;
        this.systemAccess = systemAccess;
        this.janitor = janitor;
        this.meters = meters;
        this.clock = clock;
        this.minimumAge = minimumAge;
        this.maxAttempts = maxAttempts;
    }

    /** What a round did. */
    public record Round(int examined, int settled, int stillOpen) {}

    @Scheduled(
            fixedDelayString = "${freightgate.payments.reconciliation.interval:PT2M}",
            initialDelayString = "${freightgate.payments.reconciliation.initial-delay:PT1M}")
    @SchedulerLock(name = "payment-reconciliation", lockAtMostFor = "PT10M")
    public void scheduled() {
        reconcile();
    }

    /** One round over the attempts last touched at least {@code minimum-age} ago. */
    public Round reconcile() {
        return systemAccess.callAs(
                "job:payment-reconciliation", Optional.empty(), "reconcile payment attempts", this::round);
    }

    private Round round() {
        List<PaymentAttempt> open = systemAccess.transaction(
                Reach.OWN_TENANT,
                "find payment attempts with unknown outcomes",
                () -> attempts.unsettledSince(
                        EnumSet.of(AttemptOutcome.UNKNOWN, AttemptOutcome.PENDING),
                        clock.instant().minus(minimumAge),
                        PageRequest.of(0, 100)));
        int settled = 0;
        for (PaymentAttempt attempt : open) {
            if (attempt.reconcileCount() >= maxAttempts) {
                meters.counter("freightgate.payments.reconciliation.stuck").increment();
                log.error(
                        "Payment attempt {} is still {} after {} reconciliations; an operator must look at it",
                        attempt.id(),
                        attempt.outcome(),
                        attempt.reconcileCount());
                continue;
            }
            try {
                OnConflict.retry(() ->
                        systemAccess.transaction(ACROSS_TENANTS, "count reconciliation of " + attempt.id(), () -> {
                            attempts.findById(attempt.id()).ifPresent(a -> a.reconciling(clock.instant()));
                            return null;
                        }));
                if (attempt.stripePaymentIntentId().isPresent()) {
                    synchronizer.refresh(
                            attempt.id(), attempt.stripePaymentIntentId().get());
                } else if (attempt.stripePaymentMethodId().isPresent()) {
                    switch (payments.send(attempt.id())) {
                        case PaymentOutcome.Declined declined -> {
                            log.info("Reconciling payment attempt {}: {}", attempt.id(), declined.message());
                            settled++;
                            continue;
                        }
                        case PaymentOutcome.ProviderUnavailable unavailable -> {
                            log.info("Reconciling payment attempt {}: {}", attempt.id(), unavailable.message());
                            continue;
                        }
                        case PaymentOutcome.Approved approved -> {}
                        case PaymentOutcome.Pending pending -> {}
                        case PaymentOutcome.Blocked blocked -> {}
                        case PaymentOutcome.NotVerified notVerified -> {}
                    }
                }
                if (payments.attemptView(attempt.id()).outcome().equals(AttemptOutcome.UNKNOWN.name())) {
                    continue;
                }
                settled++;
            } catch (IllegalStateException e) {
                log.info("Reconciling payment attempt {}: {}", attempt.id(), e.getMessage());
            } catch (RuntimeException e) {
                // one attempt's trouble (a race with its webhook, a database hiccup) never stops the round
                log.warn("Reconciling payment attempt {} failed; the next round tries again", attempt.id(), e);
            }
        }
        meters.counter("freightgate.payments.reconciliation.settled").increment(settled);
        var refunds = janitor.run(List.of(RefundSending.OPERATION));
        if (refunds.examined() > 0) {
            log.info(
                    "Checked {} refund(s) whose Stripe answer was lost: {} settled",
                    refunds.examined(),
                    refunds.settled());
        }
        return new Round(open.size(), settled, open.size() - settled);
    }
}

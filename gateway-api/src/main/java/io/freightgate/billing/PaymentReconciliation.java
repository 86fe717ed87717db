package io.freightgate.billing;

import io.freightgate.billing.internal.PaymentCancelSending;
import io.freightgate.billing.internal.PaymentCaptureSending;
import io.freightgate.billing.internal.PaymentIntentSending;
import io.freightgate.billing.internal.RefundSending;
import io.freightgate.platform.stripe.calls.StripeCallJanitor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles the payments module's Stripe calls whose answer was lost or that are still pending at Stripe: PaymentIntent
 * creations, captures, cancels and refunds. It has no loop, schedule or lock of its own: the one
 * {@link StripeCallJanitor} (its schedule, under ShedLock {@code stripe-call-janitor}) settles these calls with every
 * other Stripe call, each looked up at Stripe first (a PaymentIntent by its id, or for a creation whose answer was lost
 * by its {@code freightgate_payment_attempt} metadata; a refund among the PaymentIntent's refunds) and sent again with
 * the same idempotency key only when Stripe has none. A PaymentIntent still processing (a SEPA debit) or waiting for
 * 3-D Secure is read again on the janitor's backoff until it is decided. This entry point runs one round over the
 * payments operations now (operators, tests). Attempts that never reached Stripe (no call was recorded) are given up
 * by {@link #giveUpUnsentAttempts()} on a schedule of their own.
 */
@Component
public class PaymentReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    /** The operation types of the payments module's Stripe calls. */
    public static final List<String> OPERATIONS = List.of(
            PaymentIntentSending.OPERATION,
            PaymentCaptureSending.OPERATION,
            PaymentCancelSending.OPERATION,
            RefundSending.OPERATION);

    private final StripeCallJanitor janitor;
    private final PaymentIntentSending sending;
    private final Clock clock;
    private final Duration unsentGrace;

    PaymentReconciliation(
            StripeCallJanitor janitor,
            PaymentIntentSending sending,
            Clock clock,
            @Value("${freightgate.payments.unsent-attempts.grace:PT15M}") Duration unsentGrace) {
        this.janitor = janitor;
        this.sending = sending;
        this.clock = clock;
        this.unsentGrace = unsentGrace;
    }

    /**
     * Gives up payment attempts begun more than {@code freightgate.payments.unsent-attempts.grace} (15 minutes) ago that
     * never reached Stripe (the process stopped before their PaymentIntent call was recorded), so their requests are
     * payable again. The Stripe-call janitor cannot see them: they have no call.
     */
    @Scheduled(
            fixedDelayString = "${freightgate.payments.unsent-attempts.interval:PT5M}",
            initialDelayString = "${freightgate.payments.unsent-attempts.initial-delay:PT2M}")
    @SchedulerLock(name = "payment-unsent-attempts", lockAtMostFor = "PT5M")
    public void giveUpUnsentAttempts() {
        int givenUp = sending.abandonUnsent(clock.instant().minus(unsentGrace));
        if (givenUp > 0) {
            log.warn(
                    "Gave up {} payment attempts that never reached Stripe; their requests are payable again", givenUp);
        }
    }

    /** What a round did: calls looked at, settled, and still open. */
    public record Round(int examined, int settled, int stillOpen) {}

    /** One janitor round over the payments module's due calls. */
    public Round reconcile() {
        var round = janitor.run(OPERATIONS);
        return new Round(round.examined(), round.settled(), round.examined() - round.settled());
    }
}

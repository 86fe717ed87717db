package io.freightgate.billing.internal;

import io.freightgate.billing.AuthorizationScreening;
import io.freightgate.billing.internal.domain.ChargeRadar;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentAttempt.AuthorizationVerdict;
import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The screening after the authorization (ADR 0013). Every card PaymentIntent is confirmed with
 * {@code capture_method=manual}; once it is authorized (the synchronous answer, the webhook or the janitor, whichever
 * comes first: the attempt is claimed once) the charge's Radar outcome is screened ({@link AuthorizationScreening}):
 * ALLOW captures now (a request captured on delivery keeps its authorization for the delivery and the expiry guard),
 * REVIEW keeps the authorization until the review is decided (the fraud module opened it; flows holds the transfer),
 * BLOCK cancels the PaymentIntent. A payment Radar itself blocked is screened too (recorded as BLOCK with Radar's facts)
 * and its PaymentIntent cancelled. A SEPA debit the first screening sent to review is screened when it is collected
 * (the review opens; its transfer is already held).
 */
@Component
public class AfterAuthorization {

    private static final Logger log = LoggerFactory.getLogger(AfterAuthorization.class);

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("AfterAuthorization on its own authority");

    private final PaymentAttemptRecords attempts;
    private final PaymentRequestRecords requests;
    private final AuthorizationScreening screening;
    private final PaymentCaptureSending captureSending;
    private final PaymentCancelSending cancelSending;
    private final PaymentSynchronizer synchronizer;
    private final StripePayments stripe;
    private final SystemAccess systemAccess;
    private final Clock clock;

    AfterAuthorization(
            PaymentAttemptRecords attempts,
            PaymentRequestRecords requests,
            AuthorizationScreening screening,
            PaymentCaptureSending captureSending,
            PaymentCancelSending cancelSending,
            PaymentSynchronizer synchronizer,
            StripePayments stripe,
            SystemAccess systemAccess,
            Clock clock) {
        this.attempts = attempts;
        this.requests = requests;
        this.screening = screening;
        this.captureSending = captureSending;
        this.cancelSending = cancelSending;
        this.synchronizer = synchronizer;
        this.stripe = stripe;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /**
     * Attempts whose PaymentIntent this JVM is sending or refreshing for the payer right now: the payer's thread, and
     * what another thread (a webhook) saw meanwhile, screened by the payer's thread when its call returns. A payer's
     * call ending and a webhook handing over its sighting are atomic on the attempt's entry, so no sighting is lost
     * between the two.
     */
    private final Map<PaymentAttemptId, Answering> answering = new ConcurrentHashMap<>();

    private record Answering(Thread payer, @Nullable AuthorizationObtained seenMeanwhile) {}

    /**
     * Runs the payer's call (the PaymentIntent's creation, or its refresh after 3-D Secure) so that the screening after
     * the authorization, and its capture, happen in the payer's thread even when a webhook sees the authorization first:
     * the payer's answer then shows what it came to, as before manual capture (ADR 0013).
     */
    public <T> T answering(PaymentAttemptId attemptId, Supplier<T> call) {
        Thread me = Thread.currentThread();
        Answering mine = new Answering(me, null);
        boolean first = answering.putIfAbsent(attemptId, mine) == null;
        try {
            return call.get();
        } finally {
            if (first) {
                AuthorizationObtained[] missed = new AuthorizationObtained[1];
                answering.computeIfPresent(attemptId, (id, entry) -> {
                    if (entry.payer() != me) {
                        return entry;
                    }
                    missed[0] = entry.seenMeanwhile();
                    return null;
                });
                if (missed[0] != null) {
                    on(missed[0]);
                }
            }
        }
    }

    @EventListener
    void on(AuthorizationObtained obtained) {
        Thread me = Thread.currentThread();
        boolean[] handedOver = new boolean[1];
        answering.computeIfPresent(obtained.attemptId(), (id, entry) -> {
            if (entry.payer() == me) {
                return entry;
            }
            handedOver[0] = true;
            return new Answering(entry.payer(), obtained);
        });
        if (handedOver[0]) {
            return;
        }
        try {
            screen(obtained.attemptId(), obtained.intent(), obtained.change());
        } catch (RuntimeException e) {
            // the payment stands as Stripe has it; the authorization waits (the review policy and expiry guard see it)
            log.error(
                    "The screening after the authorization of attempt {} failed: {}",
                    obtained.attemptId(),
                    e.getMessage(),
                    e);
        }
    }

    /**
     * Runs again the screenings after the authorization that were claimed more than {@code stale} ago and never
     * recorded (the process stopped, or the screening failed), and runs those never claimed at all for a card request
     * authorized more than {@code stale} ago (the process stopped between the authorization's commit and the claim): the
     * PaymentIntent is read from Stripe and screened as if it had just been authorized. Returns how many were run.
     */
    @Scheduled(
            fixedDelayString = "${freightgate.payments.authorization-screening.interval:PT5M}",
            initialDelayString = "${freightgate.payments.authorization-screening.initial-delay:PT4M}")
    @SchedulerLock(name = "authorization-screening-resume", lockAtMostFor = "PT5M")
    public void scheduledResume() {
        systemAccess.callAs(
                "job:authorization-screening", Optional.empty(), "resume screenings after authorization", () -> {
                    int resumed = resumeStale(Duration.ofMinutes(10));
                    if (resumed > 0) {
                        log.warn("Ran {} screenings after authorization again", resumed);
                    }
                    return resumed;
                });
    }

    public int resumeStale(Duration stale) {
        Instant cutoff = clock.instant().minus(stale);
        List<PaymentAttemptId> stalled = systemAccess.transaction(
                ACROSS_TENANTS,
                "find stale screenings",
                () ->
                        attempts
                                .findByAuthorizationVerdictAndUpdatedAtBefore(AuthorizationVerdict.SCREENING, cutoff)
                                .stream()
                                .map(PaymentAttempt::id)
                                .toList());
        int resumed = 0;
        for (PaymentAttemptId attemptId : stalled) {
            Optional<String> intent =
                    systemAccess.transaction(ACROSS_TENANTS, "read attempt " + attemptId, () -> attempts.find(attemptId)
                            .flatMap(PaymentAttempt::stripePaymentIntentId));
            // the claim is given back only once Stripe answered: otherwise it stays, and the next round tries again
            if (intent.isEmpty()
                    || !(stripe.retrieve(intent.get())
                            instanceof
                            ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot snapshot))) {
                continue;
            }
            // another round (or the payer's thread) may take it at the same moment: the loser finds it taken
            boolean givenBack = OnConflict.retry(() -> systemAccess.transaction(
                    ACROSS_TENANTS, "give back the stale screening of attempt " + attemptId, () -> {
                        PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
                        if (attempt.authorizationVerdict()
                                        .filter(AuthorizationVerdict.SCREENING::equals)
                                        .isEmpty()
                                || attempt.updatedAt().isAfter(cutoff)) {
                            return false;
                        }
                        attempt.authorizationScreeningAbandoned(clock.instant());
                        return true;
                    }));
            if (givenBack) {
                on(new AuthorizationObtained(attemptId, snapshot, changeOf(snapshot)));
                resumed++;
            }
        }
        List<PaymentAttempt> neverClaimed = systemAccess.transaction(
                ACROSS_TENANTS,
                "find authorizations never screened",
                () -> attempts.authorizedButNeverScreened(cutoff));
        for (PaymentAttempt attempt : neverClaimed) {
            if (attempt.stripePaymentIntentId().isPresent()
                    && stripe.retrieve(attempt.stripePaymentIntentId().get())
                            instanceof
                            ProviderOutcome.Approved<PaymentIntentSnapshot>(PaymentIntentSnapshot snapshot)) {
                // the claim inside decides: a sighting arriving at the same moment screens it once
                on(new AuthorizationObtained(attempt.id(), snapshot, changeOf(snapshot)));
                resumed++;
            }
        }
        return resumed;
    }

    private static PaymentRequest.Change changeOf(PaymentIntentSnapshot snapshot) {
        return snapshot.authorized()
                ? PaymentRequest.Change.AUTHORIZED
                : snapshot.succeeded() ? PaymentRequest.Change.PAID : PaymentRequest.Change.FAILED;
    }

    /**
     * A card confirmation Stripe refused as {@code fraudulent}: when Radar blocked it, the PaymentIntent is read (with
     * its charge's outcome) and screened, so the block is recorded with Radar's facts, and cancelled.
     */
    public void declined(PaymentAttemptId attemptId, String declineCode) {
        if (!StripePayments.FRAUDULENT.equals(declineCode)) {
            return;
        }
        try {
            radarBlocked(attemptId);
        } catch (RuntimeException e) {
            log.error("Radar's block of attempt {} was not screened: {}", attemptId, e.getMessage(), e);
        }
    }

    private void radarBlocked(PaymentAttemptId attemptId) {
        PaymentAttempt attempt =
                systemAccess.transaction(ACROSS_TENANTS, "read attempt " + attemptId, () -> attempts.find(attemptId)
                        .orElseThrow());
        if (attempt.method() != PaymentAttempt.Method.CARD) {
            return;
        }
        var found = stripe.findIntent(
                attemptId,
                attempt.createdAt().minus(Duration.ofMinutes(10)),
                clock.instant().plus(Duration.ofMinutes(10)));
        if (found instanceof ProviderOutcome.Approved<Optional<PaymentIntentSnapshot>>(var intent)
                && intent.isPresent()
                && intent.get().radar().blockedByRadar()) {
            synchronizer.apply(attemptId, intent.get());
            screen(attemptId, intent.get(), PaymentRequest.Change.FAILED);
        }
    }

    /**
     * Waits (at most {@code patience}) while the screening after the authorization of the attempt runs in another
     * thread (the webhook saw the authorization first) or its capture is on its way, so the payer's answer shows what it
     * came to. Returns whether it settled in time; if not, the request shows it shortly.
     */
    public boolean awaitSettled(PaymentAttemptId attemptId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            boolean busy = systemAccess.transaction(ACROSS_TENANTS, "read attempt " + attemptId, () -> {
                PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
                if (attempt.method() != PaymentAttempt.Method.CARD) {
                    return false;
                }
                PaymentRequest request =
                        requests.find(attempt.paymentRequestId()).orElseThrow();
                if (request.status() != io.freightgate.billing.internal.domain.PaymentRequestState.AUTHORIZED
                        || !attempt.currentOf(request)) {
                    return false;
                }
                return attempt.authorizationVerdict()
                        .map(verdict -> verdict == AuthorizationVerdict.SCREENING
                                || (verdict == AuthorizationVerdict.ALLOW && !request.captureOnDelivery()))
                        .orElse(true);
            });
            if (!busy) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void screen(PaymentAttemptId attemptId, PaymentIntentSnapshot intent, PaymentRequest.Change change) {
        record Subject(PaymentAttempt attempt, PaymentRequest request) {}
        Optional<Subject> claimed = OnConflict.retry(() -> systemAccess.transaction(
                ACROSS_TENANTS, "claim the screening after the authorization of attempt " + attemptId, () -> {
                    PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
                    boolean sepa = attempt.method() == PaymentAttempt.Method.SEPA_DEBIT;
                    boolean wanted =
                            switch (change) {
                                case AUTHORIZED -> !sepa;
                                case FAILED -> !sepa && intent.radar().blockedByRadar();
                                case PAID -> sepa && attempt.screeningVerdict() == PaymentAttempt.Verdict.REVIEW;
                                default -> false;
                            };
                    if (!wanted || attempts.claimAuthorizationScreening(attemptId) == 0) {
                        return Optional.<Subject>empty();
                    }
                    PaymentAttempt fresh = attempts.find(attemptId).orElseThrow();
                    return Optional.of(new Subject(
                            fresh, requests.find(fresh.paymentRequestId()).orElseThrow()));
                }));
        if (claimed.isEmpty()) {
            return;
        }
        PaymentAttempt attempt = claimed.get().attempt();
        PaymentRequest request = claimed.get().request();
        ChargeRadar radar = intent.radar();
        var decision = screening.screen(new AuthorizationScreening.Authorization(
                request.id().value(),
                attemptId.value(),
                request.carrier(),
                request.shipper(),
                attempt.amount(),
                attempt.method() == PaymentAttempt.Method.CARD ? "card" : "sepa_debit",
                attempt.screeningVerdict() == PaymentAttempt.Verdict.REVIEW,
                intent.captureBefore(),
                Optional.of(intent.id()),
                intent.latestChargeId(),
                new AuthorizationScreening.Radar(
                        radar.riskLevel(),
                        radar.riskScore(),
                        radar.outcomeType(),
                        radar.rule(),
                        radar.networkStatus(),
                        radar.sellerMessage(),
                        radar.threeDSecureResult().isPresent(),
                        radar.threeDSecureResult()
                                .filter("authenticated"::equals)
                                .isPresent(),
                        radar.liabilityShift(),
                        radar.cvcCheck(),
                        radar.stripeReviewId())));
        AuthorizationVerdict verdict =
                AuthorizationVerdict.valueOf(decision.outcome().name());
        OnConflict.retry(() -> systemAccess.transaction(ACROSS_TENANTS, "record the screening of " + attemptId, () -> {
            attempts.find(attemptId).orElseThrow().authorizationScreened(verdict, clock.instant());
            return null;
        }));
        log.info(
                "Payment request {} after {}: {} {}",
                request.id(),
                change,
                decision.outcome(),
                String.join("; ", decision.reasons()));
        switch (decision.outcome()) {
            case ALLOW -> {
                if (intent.authorized() && !request.captureOnDelivery()) {
                    captureSending.send(attemptId);
                }
            }
            case BLOCK -> {
                if (intent.authorized() || (intent.failed() && radar.blockedByRadar())) {
                    cancelSending.send(attemptId);
                }
            }
            case REVIEW -> {}
        }
    }
}

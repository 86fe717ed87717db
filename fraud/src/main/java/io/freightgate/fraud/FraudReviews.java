package io.freightgate.fraud;

import io.freightgate.fraud.internal.ReviewRecords;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The fraud review queue (docs/fraud.md, "Stage 2 and reviews"). A payment the screening sent to REVIEW waits here
 * with its explanation and facts; a risk analyst claims it and approves or rejects it with a note. Approving lets the
 * money move on (the kept authorization is captured, Stripe's own review approved, the transfer released); rejecting
 * cancels the authorization or refunds the payment as fraudulent ({@link ReviewedPayments}, outside any transaction:
 * when Stripe does not answer, the review stays open). {@link ReviewClosed} is published when it closes. An open review
 * whose authorization is about to expire is decided by the policy ({@code freightgate.fraud.reviews.policy}: reject,
 * the default, or approve) with actor {@code policy:review-deadline}. Everything is logged with who did it.
 */
@Service
public class FraudReviews {

    private static final Logger log = LoggerFactory.getLogger(FraudReviews.class);

    private static final Reach REVIEWS = Reach.acrossTenants("fraud reviews on the gateway's own authority");

    /** Who decides an open review when its authorization is about to expire. */
    public static final String POLICY_ACTOR = "policy:review-deadline";

    /** How long our own decision is taken to be moving the money (Stripe's review.closed then is ours). */
    private static final java.time.Duration DECIDING_WINDOW = java.time.Duration.ofMinutes(5);

    private final ReviewRecords records;
    private final ReviewedPayments payments;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewClosed.Outcome policy;

    FraudReviews(
            ReviewRecords records,
            ReviewedPayments payments,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${freightgate.fraud.reviews.policy:reject}") String policy) {
        this.records = records;
        this.payments = payments;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
        this.policy = switch (policy.toLowerCase(Locale.ROOT)) {
            case "approve" -> ReviewClosed.Outcome.APPROVED;
            case "reject" -> ReviewClosed.Outcome.REJECTED;
            default -> throw new IllegalArgumentException("freightgate.fraud.reviews.policy is approve or reject");
        };
    }

    /** Open reviews first (oldest first, with their SLA age), then closed ones; at most {@code limit}. */
    public List<ReviewView> list(boolean openOnly, int limit) {
        return systemAccess.transaction(
                REVIEWS, "list fraud reviews", () -> records.list(openOnly, limit, clock.instant()));
    }

    public Optional<ReviewView> find(UUID id) {
        return systemAccess.transaction(REVIEWS, "read fraud review " + id, () -> records.find(id, clock.instant()));
    }

    /** The caller takes the review: others cannot decide it. Claiming one's own claim again changes nothing. */
    public ReviewChange claim(UUID id) {
        String actor = Tenancy.currentActor();
        Optional<String> conflict = systemAccess.transaction(REVIEWS, "claim fraud review " + id, () -> {
            var row = records.lock(id);
            if (row.isEmpty()) {
                return Optional.of("");
            }
            Optional<String> refused = refusal(row.get(), actor);
            if (refused.isEmpty() && row.get().claimedBy().isEmpty()) {
                records.claim(id, actor, clock.instant());
            }
            return refused;
        });
        return result(id, conflict);
    }

    /** Approves the review (the caller's claim, or unclaimed) with a note; see the class. */
    public ReviewChange approve(UUID id, String note) {
        return decide(id, ReviewClosed.Outcome.APPROVED, Optional.of(note), Tenancy.currentActor());
    }

    /** Rejects the review (the caller's claim, or unclaimed) with a note; see the class. */
    public ReviewChange reject(UUID id, String note) {
        return decide(id, ReviewClosed.Outcome.REJECTED, Optional.of(note), Tenancy.currentActor());
    }

    /** Decides the open reviews whose authorization is about to expire, by the policy. Returns how many. */
    @Scheduled(
            fixedDelayString = "${freightgate.fraud.reviews.policy-interval:PT15M}",
            initialDelayString = "${freightgate.fraud.reviews.policy-initial-delay:PT3M}")
    @SchedulerLock(name = "fraud-review-deadline", lockAtMostFor = "PT10M")
    public void scheduled() {
        decideByPolicy();
    }

    public int decideByPolicy() {
        return systemAccess.callAs(POLICY_ACTOR, Optional.empty(), "decide fraud reviews by the policy", () -> {
            int decided = 0;
            for (UUID id : systemAccess.transaction(
                    REVIEWS, "list fraud reviews due", () -> records.dueBy(clock.instant(), 100))) {
                try {
                    if (decide(
                                    id,
                                    policy,
                                    Optional.of("Decided by the policy before the authorization expires"),
                                    POLICY_ACTOR)
                            instanceof ReviewChange.Done) {
                        decided++;
                    }
                } catch (RuntimeException e) {
                    log.error("The policy could not decide fraud review {}: {}", id, e.getMessage());
                }
            }
            return decided;
        });
    }

    /**
     * Stripe closed its own review of a charge ({@code review.closed}): ours follows without moving money again.
     * {@code approved} approves ours (the kept authorization is captured); {@code refunded}, {@code refunded_as_fraud},
     * {@code disputed} and {@code canceled} close ours as rejected (the money already went back or is disputed).
     */
    public void closedAtStripe(String stripeReviewId, String reason) {
        Optional<UUID> review = systemAccess.transaction(
                REVIEWS, "find the review of " + stripeReviewId, () -> records.openByStripeReview(stripeReviewId));
        review.ifPresent(id -> {
            String actor = "stripe:" + reason;
            if (reason.equals("approved")) {
                decide(id, ReviewClosed.Outcome.APPROVED, Optional.of("Approved at Stripe"), actor);
            } else if (!ourDecisionInFlight(id)) {
                // Stripe closes its review when our own rejection cancels or refunds the payment: that rejection, with
                // the analyst's note, is the one recorded
                close(id, ReviewClosed.Outcome.REJECTED, Optional.of("Closed at Stripe: " + reason), actor, true);
            }
        });
    }

    /** Whether our own approval or rejection of the review is moving the money right now. */
    private boolean ourDecisionInFlight(UUID id) {
        return systemAccess.transaction(REVIEWS, "check fraud review " + id, () -> records.lock(id)
                .flatMap(ReviewRecords.Row::decidingSince)
                .filter(since -> since.isAfter(clock.instant().minus(DECIDING_WINDOW)))
                .isPresent());
    }

    private ReviewChange decide(UUID id, ReviewClosed.Outcome outcome, Optional<String> note, String actor) {
        record Checked(Optional<ReviewRecords.Row> row, Optional<String> refused) {}
        Checked checked = systemAccess.transaction(REVIEWS, "check fraud review " + id, () -> {
            var row = records.lock(id);
            if (row.isEmpty()) {
                return new Checked(row, Optional.empty());
            }
            boolean stripe = actor.startsWith("stripe:");
            Optional<String> refused = actor.startsWith("policy:") || stripe
                    ? row.get().status().equals("OPEN") ? Optional.empty() : Optional.of("The review is closed")
                    : refusal(row.get(), actor);
            if (refused.isEmpty()
                    && row.get()
                            .decidingSince()
                            .filter(since -> since.isAfter(clock.instant().minus(DECIDING_WINDOW)))
                            .isPresent()) {
                // one decision at a time: an approval and a rejection (or the policy) racing must not both move money
                refused = Optional.of(
                        stripe
                                ? "Our own decision is moving the money" // Stripe closed it because of ours
                                : "Another decision of this review is moving the money; read it again in a moment");
            }
            if (refused.isEmpty()) {
                records.deciding(id, Optional.of(clock.instant()));
            }
            return new Checked(row, refused);
        });
        if (checked.row().isEmpty()) {
            return new ReviewChange.NotFound();
        }
        if (checked.refused().isPresent()) {
            return new ReviewChange.Conflict(checked.refused().get());
        }
        var row = checked.row().get();
        PaymentRequestId request = new PaymentRequestId(row.paymentRequestId());
        try {
            if (outcome == ReviewClosed.Outcome.APPROVED) {
                payments.approve(request, row.stripeReviewId());
            } else {
                payments.reject(request);
            }
        } catch (RuntimeException e) {
            systemAccess.transaction(REVIEWS, "fraud review " + id + " stays open", () -> {
                records.deciding(id, Optional.empty());
                return null;
            });
            throw e;
        }
        return close(id, outcome, note, actor, false);
    }

    private ReviewChange close(
            UUID id, ReviewClosed.Outcome outcome, Optional<String> note, String actor, boolean atStripe) {
        Optional<String> conflict = systemAccess.transaction(REVIEWS, "close fraud review " + id, () -> {
            var row = records.lock(id).orElseThrow();
            if (!row.status().equals("OPEN")) {
                // closed meanwhile the same way (Stripe's review.closed after our own approval): done
                return row.status().equals(outcome.name())
                        ? Optional.<String>empty()
                        : Optional.of("The review is " + row.status().toLowerCase(Locale.ROOT));
            }
            records.close(
                    id, outcome.name(), actor, atStripe ? "STRIPE_CLOSED" : outcome.name(), note, clock.instant());
            events.publishEvent(new ReviewClosed(
                    id, new PaymentRequestId(row.paymentRequestId()), new TenantId(row.carrier()), outcome, actor));
            return Optional.<String>empty();
        });
        return result(id, conflict);
    }

    private static Optional<String> refusal(ReviewRecords.Row row, String actor) {
        if (!row.status().equals("OPEN")) {
            return Optional.of("The review is " + row.status().toLowerCase(Locale.ROOT) + "; it cannot change");
        }
        if (row.claimedBy().filter(claimer -> !claimer.equals(actor)).isPresent()) {
            return Optional.of("Another analyst claimed this review");
        }
        return Optional.empty();
    }

    private ReviewChange result(UUID id, Optional<String> conflict) {
        if (conflict.filter(String::isEmpty).isPresent()) {
            return new ReviewChange.NotFound();
        }
        if (conflict.isPresent()) {
            return new ReviewChange.Conflict(conflict.get());
        }
        return find(id).<ReviewChange>map(ReviewChange.Done::new).orElseGet(ReviewChange.NotFound::new);
    }
}

package io.freightgate.fraud;

import io.freightgate.fraud.ScreeningDecision.Decision;
import io.freightgate.fraud.internal.DeviceSightings;
import io.freightgate.fraud.internal.FeedbackRecords;
import io.freightgate.fraud.internal.FraudDecisions;
import io.freightgate.fraud.internal.ListEntries;
import io.freightgate.fraud.internal.ListEntries.Kind;
import io.freightgate.fraud.internal.ListEntries.ListName;
import io.freightgate.fraud.internal.ListEntries.Listed;
import io.freightgate.fraud.internal.ReviewRecords;
import io.freightgate.fraud.internal.RuleSnoozeRecords;
import io.freightgate.fraud.internal.RulesInForce;
import io.freightgate.fraud.internal.ShipperHistories;
import io.freightgate.fraud.internal.VelocityCounters;
import io.freightgate.fraud.internal.domain.devices.DeviceFingerprint;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.BehaviourAttributes;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.fraud.internal.domain.rules.VelocityAttributes;
import io.freightgate.fraud.internal.domain.rules.Verdict;
import io.freightgate.fraud.internal.domain.velocity.CountedAttempt;
import io.freightgate.fraud.internal.domain.velocity.Dimension;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Screens payments with the rules in force (docs/fraud.md) and keeps every decision with the facts it was made on.
 * Before confirmation, the payment's signals are completed with what the fraud module knows itself: its block, watch
 * and trust lists, the shipper's collected payments in the payment's currency over the last 90 days, and whether the
 * card has paid for this shipper before. Facts it does not have stay unknown, so rules that need them do not fire.
 */
@Service
public class FraudScreening {

    static final Duration HISTORY = Duration.ofDays(90);
    static final Duration DEVICE_WINDOW = Duration.ofDays(30);
    private static final Reach SCREENING = Reach.acrossTenants("fraud screening on the gateway's own authority");

    private final RulesInForce rules;
    private final FraudDecisions decisions;
    private final ListEntries lists;
    private final RuleSnoozeRecords snoozes;
    private final FeedbackRecords feedback;
    private final AttributeRegistry attributes;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final ReviewRecords reviews;
    private final ApplicationEventPublisher events;
    private final Duration reviewPolicyLead;
    private final VelocityCounters velocity;
    private final ShipperHistories histories;
    private final DeviceSightings devices;

    FraudScreening(
            RulesInForce rules,
            FraudDecisions decisions,
            ListEntries lists,
            RuleSnoozeRecords snoozes,
            FeedbackRecords feedback,
            AttributeRegistry attributes,
            SystemAccess systemAccess,
            Clock clock,
            ReviewRecords reviews,
            ApplicationEventPublisher events,
            @Value("${freightgate.fraud.reviews.policy-lead-time:P2D}") Duration reviewPolicyLead,
            VelocityCounters velocity,
            ShipperHistories histories,
            DeviceSightings devices) {
        this.velocity = velocity;
        this.histories = histories;
        this.devices = devices;
        this.reviews = reviews;
        this.events = events;
        this.reviewPolicyLead = reviewPolicyLead;
        this.rules = rules;
        this.decisions = decisions;
        this.lists = lists;
        this.snoozes = snoozes;
        this.feedback = feedback;
        this.attributes = attributes;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /**
     * Screens a payment before its PaymentIntent is confirmed, and stores the decision. The attempt is counted in the
     * velocity counters first (once per attempt: a retried screening does not count it again), outside the screening's
     * transaction; when no counters can be had, the rules that need them answer REVIEW.
     */
    public ScreeningDecision screenBeforeConfirmation(PaymentSignals payment) {
        Instant now = clock.instant();
        var ruleSet = rules.rules();
        UUID id = UUID.randomUUID();
        Map<Kind, String> values = values(payment);
        VelocityCounters.Reading counters = velocity.count(new CountedAttempt(
                payment.attemptId().orElse(id).toString(), now, dimensions(values), payment.cardFingerprint()));
        return systemAccess.transaction(SCREENING, "screen payment request " + payment.paymentRequestId(), () -> {
            Facts facts = factsBeforeConfirmation(payment, values, now, counters);
            Verdict verdict = ruleSet.evaluate(facts, snoozes.inEffect(snoozable(values), now));
            Decision decision = decision(verdict, payment.method());
            Optional<String> deciding = verdict.deciding().map(Verdict.Firing::ruleId);
            List<String> explanations = verdict.explanations();
            if (counters instanceof VelocityCounters.Reading.Unavailable
                    && verdict.deciding().isEmpty()
                    && !VelocityAttributes.rulesNeedingThem(ruleSet).isEmpty()) {
                decision = Decision.REVIEW;
                explanations = new ArrayList<>(explanations);
                explanations.addFirst("Velocity counters unavailable (neither Redis nor PostgreSQL answered): "
                        + String.join(", ", VelocityAttributes.rulesNeedingThem(ruleSet)) + " answer review");
            }
            store(new FraudDecisions.NewDecision(
                    id,
                    now,
                    "BEFORE_CONFIRMATION",
                    payment.paymentRequestId(),
                    payment.attemptId(),
                    payment.carrier(),
                    payment.shipper(),
                    payment.amount(),
                    payment.cardFingerprint(),
                    decision,
                    verdict.holdPayout(),
                    deciding,
                    explanations,
                    facts,
                    payment.ipAddress(),
                    payment.device(),
                    verdict.firedRules()));
            decisions.velocity(
                    id,
                    payment.payLink(),
                    switch (counters) {
                        case VelocityCounters.Reading.Counted counted ->
                            counted.source().name();
                        case VelocityCounters.Reading.Unavailable unavailable -> "UNAVAILABLE";
                    });
            return new ScreeningDecision(id, decision, verdict.holdPayout(), deciding, explanations);
        });
    }

    /** What the velocity counters count the payment under. */
    private static Map<Dimension, String> dimensions(Map<Kind, String> values) {
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        values.forEach((kind, value) -> dimensions.put(
                switch (kind) {
                    case SHIPPER -> Dimension.SHIPPER;
                    case CARD -> Dimension.CARD;
                    case IP -> Dimension.IP;
                    case DEVICE -> Dimension.DEVICE;
                    case PAY_LINK -> Dimension.PAY_LINK;
                },
                value));
        return dimensions;
    }

    /**
     * A payment attempt was declined at Stripe (or failed its authentication or debit): it counts in the declined
     * attempts of its shipper, card, IP address, device and pay link, once however often this is heard. PostgreSQL
     * keeps it on the attempt's decision; Redis counts it when it answers.
     */
    public void attemptDeclined(UUID attemptId) {
        Instant now = clock.instant();
        systemAccess
                .transaction(
                        SCREENING,
                        "payment attempt " + attemptId + " declined",
                        () -> decisions.declined(attemptId, now))
                .ifPresent(velocity::declined);
    }

    /**
     * Screens a payment again once its card is authorized (or its SEPA debit collected), with the charge's Radar
     * outcome and 3-D Secure result added to the facts of the screening before confirmation, and stores the decision
     * (stage {@code AFTER_AUTHORIZATION}). A REVIEW of the first screening is carried over (never weaker than REVIEW);
     * a charge Radar itself blocked is a BLOCK whatever the rules say. A REVIEW opens a review in the queue (once per
     * attempt) and publishes {@link PaymentHeldForReview} in the same transaction.
     */
    public AuthorizationDecision screenAfterAuthorization(AuthorizationSignals payment) {
        Instant now = clock.instant();
        var ruleSet = rules.rules();
        return systemAccess.transaction(
                SCREENING, "screen the authorization of payment request " + payment.paymentRequestId(), () -> {
                    Facts facts = factsAfterAuthorization(payment);
                    Verdict verdict = ruleSet.evaluate(
                            facts,
                            snoozes.inEffect(
                                    decisions.valuesBeforeConfirmation(
                                            payment.attemptId(), payment.paymentRequestId(), payment.shipper()),
                                    now));
                    Decision decision = decision(verdict, payment.method());
                    List<String> explanations = new ArrayList<>(verdict.explanations());
                    Optional<String> deciding = verdict.deciding().map(Verdict.Firing::ruleId);
                    if (decision == Decision.REQUEST_3DS) {
                        decision = Decision.ALLOW; // the payment was authenticated or not: too late to ask
                    }
                    if (payment.blockedByRadar() && decision != Decision.BLOCK) {
                        decision = Decision.BLOCK;
                        deciding = Optional.empty();
                        explanations.addFirst("Radar blocked the charge"
                                + payment.radarRule()
                                        .map(rule -> " (rule " + rule + ")")
                                        .orElse("")
                                + payment.riskLevel()
                                        .map(level -> ", risk level " + level)
                                        .orElse(""));
                    } else if (payment.reviewedBeforeConfirmation() && decision == Decision.ALLOW) {
                        decision = Decision.REVIEW;
                        deciding = Optional.empty();
                        explanations.addFirst("The screening before confirmation sent the payment to review");
                    }
                    UUID id = UUID.randomUUID();
                    store(new FraudDecisions.NewDecision(
                            id,
                            now,
                            "AFTER_AUTHORIZATION",
                            payment.paymentRequestId(),
                            Optional.of(payment.attemptId()),
                            payment.carrier(),
                            payment.shipper(),
                            payment.amount(),
                            Optional.empty(),
                            decision,
                            verdict.holdPayout(),
                            deciding,
                            explanations,
                            facts,
                            Optional.empty(),
                            Optional.empty(),
                            verdict.firedRules()));
                    Optional<UUID> review = Optional.empty();
                    if (decision == Decision.REVIEW) {
                        // a SEPA debit is reviewed because the first screening asked for it (it has no authorization)
                        String stage =
                                payment.method().equals("sepa_debit") ? "BEFORE_CONFIRMATION" : "AFTER_AUTHORIZATION";
                        UUID reviewId = reviews.open(new ReviewRecords.NewReview(
                                UUID.randomUUID(),
                                now,
                                stage,
                                id,
                                payment.paymentRequestId(),
                                payment.attemptId(),
                                payment.carrier().value(),
                                payment.shipper().value(),
                                payment.amount(),
                                payment.method(),
                                payment.paymentIntentId(),
                                payment.chargeId(),
                                payment.stripeReviewId(),
                                payment.captureBefore().map(before -> before.minus(reviewPolicyLead))));
                        review = Optional.of(reviewId);
                        events.publishEvent(new PaymentHeldForReview(
                                reviewId,
                                new PaymentRequestId(payment.paymentRequestId()),
                                payment.carrier(),
                                payment.shipper(),
                                stage));
                    }
                    return new AuthorizationDecision(
                            new ScreeningDecision(id, decision, verdict.holdPayout(), deciding, explanations), review);
                });
    }

    /** Stores a decision; when a {@code hold_payout} rule fired, the carrier's payouts are held (in its transaction). */
    private void store(FraudDecisions.NewDecision decision) {
        decisions.record(decision);
        if (decision.holdPayout()) {
            events.publishEvent(new PayoutHoldRuleFired(
                    decision.id(),
                    new PaymentRequestId(decision.paymentRequestId()),
                    decision.carrier(),
                    decision.stage()));
        }
    }

    /** The payment's money arrived: it counts in the shipper's history, and its card has paid for the shipper. */
    public void paymentCollected(UUID paymentRequestId) {
        systemAccess.transaction(SCREENING, "payment request " + paymentRequestId + " collected", () -> {
            decisions.collected(paymentRequestId, clock.instant());
            decisions.shipperOf(paymentRequestId).ifPresent(histories::forget);
            return null;
        });
    }

    /** The fate a verdict means for a payment: 3-D Secure only for cards, and never instead of a block or review. */
    static Decision decision(Verdict verdict, String method) {
        return switch (verdict.action()) {
            case BLOCK -> Decision.BLOCK;
            case REVIEW -> Decision.REVIEW;
            case ALLOW ->
                verdict.requestThreeDSecure() && method.equals("card") ? Decision.REQUEST_3DS : Decision.ALLOW;
            case REQUEST_3DS, HOLD_PAYOUT ->
                throw new IllegalStateException("A verdict never decides " + verdict.action());
        };
    }

    /** The payment against the shipper's own behaviour (docs/fraud.md, "Behaviour"). */
    private void behaviour(Facts.Builder facts, PaymentSignals payment, FraudDecisions.History history, Instant now) {
        facts.with("channel", payment.payLink().isPresent() ? "page" : "api");
        payment.shipperSignedUpAt()
                .ifPresent(signedUp -> facts.with(
                        "shipper_minutes_since_signup",
                        Math.max(0, Duration.between(signedUp, now).toMinutes())));
        if (history.count() >= BehaviourAttributes.MIN_PAYMENTS_FOR_SPREAD
                && history.spread().isPresent()
                && history.mean().isPresent()) {
            double spread = history.spread().orElseThrow();
            facts.with(
                    "shipper_amount_stddev_90d",
                    new io.freightgate.kernel.Money(
                            Math.round(spread), payment.amount().currency()));
            if (spread > 0) {
                double z =
                        (payment.amount().minor() - history.mean().orElseThrow().minor()) / spread;
                facts.with("shipper_amount_zscore", BigDecimal.valueOf(z).setScale(2, RoundingMode.HALF_UP));
            }
        }
        FraudDecisions.Hours hours = histories.hours(payment.shipper());
        if (hours.count() >= BehaviourAttributes.MIN_PAYMENTS_FOR_HOURS) {
            int hour = now.atZone(ZoneOffset.UTC).getHour();
            int around = (1 << hour) | (1 << ((hour + 1) % 24)) | (1 << ((hour + 23) % 24));
            facts.with("is_unusual_hour_for_shipper", (hours.mask() & around) == 0);
        }
    }

    private Facts factsAfterAuthorization(AuthorizationSignals payment) {
        Facts.Builder facts = attributes.facts();
        decisions
                .factsBeforeConfirmation(payment.attemptId(), payment.paymentRequestId(), attributes)
                .ifPresent(before -> before.known().forEach(name -> facts.withOptional(name, before.value(name))));
        facts.with("amount", payment.amount()).with("method", payment.method());
        optional(facts, "risk_level", payment.riskLevel().orElse(null));
        optional(facts, "risk_score", payment.riskScore().orElse(null));
        optional(facts, "outcome_type", payment.outcomeType().orElse(null));
        optional(facts, "network_status", payment.networkStatus().orElse(null));
        optional(facts, "radar_rule", payment.radarRule().orElse(null));
        optional(facts, "cvc_check", payment.cvcCheck().orElse(null));
        if (payment.method().equals("card")) {
            facts.with("is_3d_secure", payment.threeDSecure())
                    .with("is_3d_secure_authenticated", payment.threeDSecureAuthenticated())
                    .with("has_liability_shift", payment.liabilityShift());
        }
        return facts.build();
    }

    /** A Radar fact Stripe may spell in a way the registry does not know: then it stays unknown. */
    private static void optional(Facts.Builder facts, String name, @Nullable Object value) {
        try {
            facts.withOptional(name, value);
        } catch (IllegalArgumentException e) {
            // an unknown value of a one-of attribute (Stripe added one): the fact stays unknown
        }
    }

    /** The payment's values lists and snoozes name, at most one per kind. */
    private static Map<Kind, String> values(PaymentSignals payment) {
        Map<Kind, String> values = new EnumMap<>(Kind.class);
        values.put(Kind.SHIPPER, payment.shipper().value().toString());
        payment.cardFingerprint().ifPresent(card -> values.put(Kind.CARD, card));
        payment.ipAddress().ifPresent(ip -> values.put(Kind.IP, Kind.IP.canonical(ip)));
        payment.device().ifPresent(device -> values.put(Kind.DEVICE, device));
        payment.payLink().ifPresent(link -> values.put(Kind.PAY_LINK, link));
        return values;
    }

    /** Rules are snoozed for a shipper, a card, a device or an IP, never for a pay link. */
    private static Map<Kind, String> snoozable(Map<Kind, String> values) {
        Map<Kind, String> snoozable = new EnumMap<>(values);
        snoozable.remove(Kind.PAY_LINK);
        return snoozable;
    }

    private Facts factsBeforeConfirmation(
            PaymentSignals payment, Map<Kind, String> values, Instant now, VelocityCounters.Reading counters) {
        Set<Listed> listed = lists.listed(values, now);
        Facts.Builder facts = attributes
                .facts()
                .with("amount", payment.amount())
                .with("method", payment.method())
                .with("pay_link_on_block_list", listed.contains(new Listed(ListName.BLOCK, Kind.PAY_LINK)))
                .with("ip_on_block_list", listed.contains(new Listed(ListName.BLOCK, Kind.IP)))
                .with("ip_on_watch_list", listed.contains(new Listed(ListName.WATCH, Kind.IP)))
                .with("device_on_block_list", listed.contains(new Listed(ListName.BLOCK, Kind.DEVICE)))
                .with("device_on_watch_list", listed.contains(new Listed(ListName.WATCH, Kind.DEVICE)))
                .with("shipper_trusted", listed.contains(new Listed(ListName.TRUST, Kind.SHIPPER)));
        payment.cardFingerprint().ifPresent(card -> facts.with(
                        "card_on_block_list", listed.contains(new Listed(ListName.BLOCK, Kind.CARD)))
                .with("card_on_watch_list", listed.contains(new Listed(ListName.WATCH, Kind.CARD)))
                .with("is_new_card", !decisions.cardPaidBefore(payment.shipper(), card)));
        payment.cardFingerprint().map(feedback::ofCard).ifPresent(card -> facts.with(
                        "card_has_disputes", card.disputes())
                .with("card_has_early_fraud_warnings", card.earlyFraudWarnings()));
        payment.device().filter(DeviceFingerprint::isDeviceId).ifPresent(device -> {
            // the device is linked to the shipper now; what was known before decides whether it is new
            DeviceSightings.Before before = devices.record(
                    device, payment.shipper().value(), Optional.empty(), DeviceSightings.Context.PAYMENT, false, now);
            facts.with("is_new_device_for_organization", before.newForKnown())
                    .with("device_shipper_count_30d", devices.shippersPaidFor(device, now.minus(DEVICE_WINDOW)));
        });
        payment.shipperKycState().ifPresent(state -> facts.with("shipper_kyc_state", state));
        payment.shipperAgeDays().ifPresent(days -> facts.with("shipper_age_days", days));
        FraudDecisions.History history =
                histories.history(payment.shipper(), payment.amount().currency());
        facts.with("shipper_payment_count_90d", history.count());
        history.mean().ifPresent(mean -> facts.with("shipper_avg_amount_90d", mean));
        history.largest().ifPresent(largest -> facts.with("shipper_max_amount_90d", largest));
        behaviour(facts, payment, history, now);
        if (counters instanceof VelocityCounters.Reading.Counted counted) {
            counted.counts().byAttribute().forEach(facts::with);
        }
        return facts.build();
    }
}

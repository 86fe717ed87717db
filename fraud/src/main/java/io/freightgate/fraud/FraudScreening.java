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
import io.freightgate.fraud.internal.domain.devices.DeviceFingerprint;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.fraud.internal.domain.rules.Verdict;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
            DeviceSightings devices) {
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

    /** Screens a payment before its PaymentIntent is confirmed, and stores the decision. */
    public ScreeningDecision screenBeforeConfirmation(PaymentSignals payment) {
        Instant now = clock.instant();
        var ruleSet = rules.rules();
        return systemAccess.transaction(SCREENING, "screen payment request " + payment.paymentRequestId(), () -> {
            Map<Kind, String> values = values(payment);
            Facts facts = factsBeforeConfirmation(payment, values, now);
            Verdict verdict = ruleSet.evaluate(facts, snoozes.inEffect(snoozable(values), now));
            Decision decision = decision(verdict, payment.method());
            UUID id = UUID.randomUUID();
            Optional<String> deciding = verdict.deciding().map(Verdict.Firing::ruleId);
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
                    verdict.explanations(),
                    facts,
                    payment.ipAddress(),
                    payment.device(),
                    verdict.firedRules()));
            return new ScreeningDecision(id, decision, verdict.holdPayout(), deciding, verdict.explanations());
        });
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
        systemAccess.transaction(
                SCREENING,
                "payment request " + paymentRequestId + " collected",
                () -> decisions.collected(paymentRequestId, clock.instant()));
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
        payment.ipAddress().ifPresent(ip -> values.put(Kind.IP, ip));
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

    private Facts factsBeforeConfirmation(PaymentSignals payment, Map<Kind, String> values, Instant now) {
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
                decisions.history(payment.shipper(), payment.amount().currency(), now.minus(HISTORY));
        facts.with("shipper_payment_count_90d", history.count());
        history.mean().ifPresent(mean -> facts.with("shipper_avg_amount_90d", mean));
        history.largest().ifPresent(largest -> facts.with("shipper_max_amount_90d", largest));
        return facts.build();
    }
}

package io.freightgate.fraud;

import io.freightgate.fraud.EarlyFraudWarningView.Refund;
import io.freightgate.fraud.internal.EarlyFraudWarningRecords;
import io.freightgate.fraud.internal.RulesInForce;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Verdict;
import io.freightgate.kernel.Money;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Early fraud warnings (docs/fraud.md, "Payout holds and early fraud warnings"): Stripe's
 * {@code radar.early_fraud_warning.*} events, applied once per warning. A new warning is mapped to its payment
 * ({@link FraudPayments}), judged by the rules in force with {@code :early_fraud_warning:} true (the default set's
 * {@code hold_payout if :early_fraud_warning:} holds the carrier's payouts), stored, and announced with
 * {@link EarlyFraudWarningReceived}. A proactive refund is recommended while the warning is actionable; the policy
 * ({@code freightgate.fraud.early-fraud-warnings.refund-up-to.<CURRENCY>}: the largest amount, in minor units, refunded
 * without a person) decides whether the flows make it at once.
 */
@Service
public class EarlyFraudWarnings {

    private static final Logger log = LoggerFactory.getLogger(EarlyFraudWarnings.class);
    private static final Reach WARNINGS = Reach.acrossTenants("early fraud warnings on the gateway's own authority");
    static final String POLICY = "freightgate.fraud.early-fraud-warnings.refund-up-to.";

    private final EarlyFraudWarningRecords records;
    private final FraudPayments payments;
    private final RulesInForce rules;
    private final AttributeRegistry attributes;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final Clock clock;

    EarlyFraudWarnings(
            EarlyFraudWarningRecords records,
            FraudPayments payments,
            RulesInForce rules,
            AttributeRegistry attributes,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Environment environment,
            Clock clock) {
        this.records = records;
        this.payments = payments;
        this.rules = rules;
        this.attributes = attributes;
        this.systemAccess = systemAccess;
        this.events = events;
        this.environment = environment;
        this.clock = clock;
    }

    /** A warning as Stripe sent it ({@code radar.early_fraud_warning} object). */
    public record StripeWarning(
            String id,
            String chargeId,
            Optional<String> paymentIntentId,
            String fraudType,
            boolean actionable,
            Instant created) {}

    /**
     * Applies a warning from Stripe: the first time it is stored and announced; afterwards only its turning
     * non-actionable is applied. Idempotent.
     */
    public void receive(StripeWarning warning) {
        Optional<FraudPayments.WarnedPayment> payment =
                warning.paymentIntentId().flatMap(payments::byPaymentIntent);
        var ruleSet = rules.rules();
        systemAccess.transaction(WARNINGS, "apply early fraud warning " + warning.id(), () -> {
            Instant now = clock.instant();
            if (records.find(warning.id()).isPresent()) {
                if (!warning.actionable()) {
                    records.notActionable(warning.id(), now);
                }
                return null;
            }
            Verdict verdict = ruleSet.evaluate(
                    attributes.facts().with("early_fraud_warning", true).build());
            boolean recommend = warning.actionable() && payment.isPresent();
            var view = new EarlyFraudWarningView(
                    warning.id(),
                    warning.chargeId(),
                    warning.paymentIntentId(),
                    payment.map(FraudPayments.WarnedPayment::paymentRequestId),
                    payment.map(FraudPayments.WarnedPayment::carrier),
                    payment.map(FraudPayments.WarnedPayment::amount),
                    warning.fraudType(),
                    warning.actionable(),
                    verdict.holdPayout(),
                    verdict.explanations(),
                    recommend ? Refund.RECOMMENDED : Refund.NOT_RECOMMENDED,
                    payment.isPresent() ? Optional.empty() : Optional.of("No payment request has this PaymentIntent"),
                    warning.created(),
                    now,
                    now);
            if (records.insert(view) && payment.isPresent()) {
                events.publishEvent(new EarlyFraudWarningReceived(
                        warning.id(),
                        payment.get().paymentRequestId(),
                        payment.get().carrier(),
                        warning.chargeId(),
                        warning.fraudType(),
                        warning.actionable()));
            }
            if (payment.isEmpty()) {
                log.warn(
                        "Early fraud warning {} names a charge FreightGate does not know: {}",
                        warning.id(),
                        warning.chargeId());
            }
            return null;
        });
    }

    /** The warning, if stored. */
    public Optional<EarlyFraudWarningView> find(String warningId) {
        return systemAccess.transaction(
                WARNINGS, "read early fraud warning " + warningId, () -> records.find(warningId));
    }

    /** The newest warnings first (risk analysts). */
    public List<EarlyFraudWarningView> newest(int limit) {
        return systemAccess.transaction(WARNINGS, "list early fraud warnings", () -> records.newest(limit));
    }

    /** Whether the rules in force when the warning arrived hold the carrier's payouts for it. */
    public boolean holdsPayouts(String warningId) {
        return find(warningId).map(EarlyFraudWarningView::holdPayout).orElse(false);
    }

    /**
     * Claims the warning's refund for the policy: true (and the refund is {@code REFUNDING}) when it is recommended and
     * the payment's amount is within the policy's limit for its currency; the caller then refunds and reports with
     * {@link #refundOutcome}.
     */
    public boolean claimRefundByPolicy(String warningId) {
        Optional<EarlyFraudWarningView> warning = find(warningId);
        if (warning.isEmpty()
                || warning.get().refund() != Refund.RECOMMENDED
                || !withinPolicy(warning.get().amount())) {
            return false;
        }
        return systemAccess.transaction(
                WARNINGS,
                "claim the refund of early fraud warning " + warningId,
                () -> records.refund(
                        warningId,
                        EnumSet.of(Refund.RECOMMENDED),
                        Refund.REFUNDING,
                        Optional.of("Refund by policy"),
                        clock.instant()));
    }

    /** What the refund of a warned payment came to ({@code REFUNDED}, {@code UNCONFIRMED}, {@code FAILED}...). */
    public void refundOutcome(String warningId, Refund outcome, String detail) {
        systemAccess.transaction(WARNINGS, "record the refund of early fraud warning " + warningId, () -> {
            records.refund(
                    warningId,
                    EnumSet.of(Refund.RECOMMENDED, Refund.REFUNDING, Refund.UNCONFIRMED, Refund.FAILED),
                    outcome,
                    Optional.of(detail),
                    clock.instant());
            return null;
        });
        log.info("Early fraud warning {}: refund {} ({})", warningId, outcome, detail);
    }

    private boolean withinPolicy(Optional<Money> amount) {
        return amount.map(money -> {
                    Long limit =
                            environment.getProperty(POLICY + money.currency().getCurrencyCode(), Long.class);
                    return limit != null && money.minor() <= limit;
                })
                .orElse(false);
    }
}

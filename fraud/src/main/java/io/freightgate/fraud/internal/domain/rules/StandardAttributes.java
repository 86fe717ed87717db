package io.freightgate.fraud.internal.domain.rules;

import static io.freightgate.fraud.internal.domain.rules.Attribute.Known.AFTER_AUTHORIZATION;
import static io.freightgate.fraud.internal.domain.rules.Attribute.Known.BEFORE_CONFIRMATION;
import static io.freightgate.fraud.internal.domain.rules.Attribute.Known.LATER;
import static io.freightgate.fraud.internal.domain.rules.AttributeType.BOOLEAN;
import static io.freightgate.fraud.internal.domain.rules.AttributeType.MONEY;
import static io.freightgate.fraud.internal.domain.rules.AttributeType.NUMBER;
import static io.freightgate.fraud.internal.domain.rules.AttributeType.STRING;

import java.util.List;
import java.util.Set;

/**
 * The attributes every payment is screened with: the gateway's own facts before confirmation, the charge's Radar
 * outcome after authorization (Stripe's {@code charge.outcome} and 3-D Secure result), and signals that arrive later.
 * docs/fraud.md lists them with their meaning; later signal sources add theirs with {@link AttributeRegistry#with}.
 */
public final class StandardAttributes {

    private StandardAttributes() {}

    public static AttributeRegistry registry() {
        return AttributeRegistry.of(ALL).with(BehaviourAttributes.ALL).with(VelocityAttributes.ALL);
    }

    static final List<Attribute> ALL = List.of(
            Attribute.of("amount", MONEY, BEFORE_CONFIRMATION, "The payment's amount, in its own currency."),
            Attribute.oneOf("method", Set.of("card", "sepa_debit"), BEFORE_CONFIRMATION, "How the shipper pays."),
            Attribute.of(
                    "is_new_card",
                    BOOLEAN,
                    BEFORE_CONFIRMATION,
                    "The card's fingerprint has never paid for this shipper before."),
            Attribute.of("card_on_block_list", BOOLEAN, BEFORE_CONFIRMATION, "The card's fingerprint is blocked."),
            Attribute.of("card_on_watch_list", BOOLEAN, BEFORE_CONFIRMATION, "The card's fingerprint is watched."),
            Attribute.of("ip_on_block_list", BOOLEAN, BEFORE_CONFIRMATION, "The payer's IP address is blocked."),
            Attribute.of("ip_on_watch_list", BOOLEAN, BEFORE_CONFIRMATION, "The payer's IP address is watched."),
            Attribute.of("device_on_block_list", BOOLEAN, BEFORE_CONFIRMATION, "The payer's device is blocked."),
            Attribute.of("device_on_watch_list", BOOLEAN, BEFORE_CONFIRMATION, "The payer's device is watched."),
            Attribute.of("pay_link_on_block_list", BOOLEAN, BEFORE_CONFIRMATION, "The pay link is blocked."),
            Attribute.of(
                    "card_has_disputes",
                    BOOLEAN,
                    BEFORE_CONFIRMATION,
                    "A payment with this card's fingerprint was disputed."),
            Attribute.of(
                    "card_has_early_fraud_warnings",
                    BOOLEAN,
                    BEFORE_CONFIRMATION,
                    "A payment with this card's fingerprint had an early fraud warning."),
            Attribute.oneOf(
                    "shipper_kyc_state",
                    Set.of(
                            "none",
                            "collecting",
                            "in_review",
                            "resubmission_requested",
                            "verified",
                            "reverification",
                            "rejected"),
                    BEFORE_CONFIRMATION,
                    "Where the shipper's KYB case stands."),
            Attribute.of(
                    "shipper_age_days",
                    NUMBER,
                    BEFORE_CONFIRMATION,
                    "Whole days since the shipper's organization was created."),
            Attribute.of(
                    "shipper_payment_count_90d",
                    NUMBER,
                    BEFORE_CONFIRMATION,
                    "The shipper's successful payments in this currency over the last 90 days."),
            Attribute.of(
                    "shipper_avg_amount_90d",
                    MONEY,
                    BEFORE_CONFIRMATION,
                    "The shipper's mean successful payment in this currency over the last 90 days; unknown without one."),
            Attribute.of(
                    "shipper_max_amount_90d",
                    MONEY,
                    BEFORE_CONFIRMATION,
                    "The shipper's largest successful payment in this currency over the last 90 days."),
            Attribute.of(
                    "shipper_trusted", BOOLEAN, BEFORE_CONFIRMATION, "A risk analyst marked the shipper as trusted."),
            Attribute.oneOf(
                    "risk_level",
                    Set.of("normal", "elevated", "highest", "not_assessed", "unknown"),
                    AFTER_AUTHORIZATION,
                    "Radar's risk level for the charge."),
            Attribute.of(
                    "risk_score",
                    NUMBER,
                    AFTER_AUTHORIZATION,
                    "Radar's risk score, 0 to 99; unknown without Radar for Fraud Teams or for SEPA."),
            Attribute.oneOf(
                    "outcome_type",
                    Set.of("authorized", "manual_review", "issuer_declined", "blocked", "invalid"),
                    AFTER_AUTHORIZATION,
                    "The charge's outcome type at Stripe."),
            Attribute.oneOf(
                    "network_status",
                    Set.of(
                            "approved_by_network",
                            "declined_by_network",
                            "not_sent_to_network",
                            "reversed_after_approval"),
                    AFTER_AUTHORIZATION,
                    "What the card network answered."),
            Attribute.of("radar_rule", STRING, AFTER_AUTHORIZATION, "The id of the Radar rule that acted, if any."),
            Attribute.of("is_3d_secure", BOOLEAN, AFTER_AUTHORIZATION, "The payment went through 3-D Secure."),
            Attribute.of(
                    "is_3d_secure_authenticated",
                    BOOLEAN,
                    AFTER_AUTHORIZATION,
                    "The cardholder authenticated with 3-D Secure."),
            Attribute.of(
                    "has_liability_shift",
                    BOOLEAN,
                    AFTER_AUTHORIZATION,
                    "Fraud liability shifted to the issuer through 3-D Secure."),
            Attribute.oneOf(
                    "cvc_check",
                    Set.of("pass", "fail", "unavailable", "unchecked"),
                    AFTER_AUTHORIZATION,
                    "The card's CVC check."),
            Attribute.of(
                    "early_fraud_warning", BOOLEAN, LATER, "The issuer sent an early fraud warning for this payment."),
            Attribute.of("disputed", BOOLEAN, LATER, "The payment is disputed."),
            // devices (issue 21): known when the hosted payment page's collector script sent a usable fingerprint
            Attribute.of(
                    "is_new_device_for_organization",
                    BOOLEAN,
                    BEFORE_CONFIRMATION,
                    "The payer's device was never seen with the shipper, which was seen with other devices before."),
            Attribute.of(
                    "device_shipper_count_30d",
                    NUMBER,
                    BEFORE_CONFIRMATION,
                    "How many shippers the payer's device paid for in the last 30 days, this one included."));
}

package io.freightgate.benchmarks.fraud;

import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.kernel.Money;

/**
 * One payment's facts in the shape Drools reads (a JavaBean; absent facts are null), convertible to the fraud
 * module's {@link Facts} so both engines judge exactly the same payments.
 */
public final class Payment {

    private final long amount;
    private final String currency;
    private final String method;
    private final boolean newCard;
    private final boolean cardOnBlockList;
    private final boolean ipOnWatchList;
    private boolean ipOnBlockList;
    private boolean deviceOnBlockList;
    private boolean payLinkOnBlockList;
    private boolean cardHasDisputes;
    private boolean cardHasEarlyFraudWarnings;
    private boolean cardOnWatchList;
    private boolean deviceOnWatchList;
    private final String riskLevel;
    private final Integer riskScore;
    private final Integer shipperPaymentCount90d;
    private final Long shipperAvgAmount90d;
    private final Integer shipperAgeDays;
    private final String shipperKycState;
    private final boolean shipperTrusted;
    private final boolean earlyFraudWarning;
    private Long distinctCardsPerPayLink1h;
    private Long distinctCardsPerIp24h;
    private java.math.BigDecimal shipperAmountZscore;
    private java.util.Map<String, Long> otherCounters = java.util.Map.of();

    Payment(
            long amount,
            String currency,
            String method,
            boolean newCard,
            boolean cardOnBlockList,
            boolean ipOnWatchList,
            String riskLevel,
            Integer riskScore,
            Integer shipperPaymentCount90d,
            Long shipperAvgAmount90d,
            Integer shipperAgeDays,
            String shipperKycState,
            boolean shipperTrusted,
            boolean earlyFraudWarning) {
        this.amount = amount;
        this.currency = currency;
        this.method = method;
        this.newCard = newCard;
        this.cardOnBlockList = cardOnBlockList;
        this.ipOnWatchList = ipOnWatchList;
        this.riskLevel = riskLevel;
        this.riskScore = riskScore;
        this.shipperPaymentCount90d = shipperPaymentCount90d;
        this.shipperAvgAmount90d = shipperAvgAmount90d;
        this.shipperAgeDays = shipperAgeDays;
        this.shipperKycState = shipperKycState;
        this.shipperTrusted = shipperTrusted;
        this.earlyFraudWarning = earlyFraudWarning;
    }

    /** Sets the list and history flags a scenario needs; the rest stay false. */
    Payment flags(String... names) {
        for (String name : names) {
            switch (name) {
                case "ipOnBlockList" -> ipOnBlockList = true;
                case "deviceOnBlockList" -> deviceOnBlockList = true;
                case "payLinkOnBlockList" -> payLinkOnBlockList = true;
                case "cardHasDisputes" -> cardHasDisputes = true;
                case "cardHasEarlyFraudWarnings" -> cardHasEarlyFraudWarnings = true;
                case "cardOnWatchList" -> cardOnWatchList = true;
                case "deviceOnWatchList" -> deviceOnWatchList = true;
                default -> throw new IllegalArgumentException(name);
            }
        }
        return this;
    }

    /**
     * Sets the velocity and behaviour facts the default rules name (issue 21), and every other counter the facts of a
     * screening carry (the full attribute set: rules that do not name them still see them).
     */
    Payment velocity(
            long cardsPerPayLink1h,
            long cardsPerIp24h,
            java.math.BigDecimal zscore,
            java.util.Map<String, Long> counters) {
        this.distinctCardsPerPayLink1h = cardsPerPayLink1h;
        this.distinctCardsPerIp24h = cardsPerIp24h;
        this.shipperAmountZscore = zscore;
        this.otherCounters = java.util.Map.copyOf(counters);
        return this;
    }

    Facts facts(AttributeRegistry registry) {
        return builder(registry).build();
    }

    /** The facts, open for more (the counters a full decision reads from Redis). */
    Facts.Builder builder(AttributeRegistry registry) {
        Facts.Builder facts = registry.facts()
                .with("amount", Money.of(amount, currency))
                .with("method", method)
                .with("is_new_card", newCard)
                .with("card_on_block_list", cardOnBlockList)
                .with("ip_on_watch_list", ipOnWatchList)
                .with("ip_on_block_list", ipOnBlockList)
                .with("device_on_block_list", deviceOnBlockList)
                .with("pay_link_on_block_list", payLinkOnBlockList)
                .with("card_has_disputes", cardHasDisputes)
                .with("card_has_early_fraud_warnings", cardHasEarlyFraudWarnings)
                .with("card_on_watch_list", cardOnWatchList)
                .with("device_on_watch_list", deviceOnWatchList)
                .with("shipper_kyc_state", shipperKycState)
                .with("shipper_trusted", shipperTrusted)
                .with("early_fraud_warning", earlyFraudWarning)
                .withOptional("risk_level", riskLevel)
                .withOptional("risk_score", riskScore)
                .withOptional("shipper_payment_count_90d", shipperPaymentCount90d)
                .withOptional("shipper_age_days", shipperAgeDays);
        if (shipperAvgAmount90d != null) {
            facts.with("shipper_avg_amount_90d", Money.of(shipperAvgAmount90d, currency));
        }
        otherCounters.forEach(facts::with);
        facts.withOptional("distinct_cards_per_pay_link_1h", distinctCardsPerPayLink1h)
                .withOptional("distinct_cards_per_ip_24h", distinctCardsPerIp24h)
                .withOptional("shipper_amount_zscore", shipperAmountZscore);
        return facts;
    }

    public Long getDistinctCardsPerPayLink1h() {
        return distinctCardsPerPayLink1h;
    }

    public Long getDistinctCardsPerIp24h() {
        return distinctCardsPerIp24h;
    }

    public java.math.BigDecimal getShipperAmountZscore() {
        return shipperAmountZscore;
    }

    public long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getMethod() {
        return method;
    }

    public boolean isNewCard() {
        return newCard;
    }

    public boolean isCardOnBlockList() {
        return cardOnBlockList;
    }

    public boolean isIpOnWatchList() {
        return ipOnWatchList;
    }

    public String getRiskLevel() {
        return riskLevel;
    }

    public Integer getRiskScore() {
        return riskScore;
    }

    public Integer getShipperPaymentCount90d() {
        return shipperPaymentCount90d;
    }

    public Long getShipperAvgAmount90d() {
        return shipperAvgAmount90d;
    }

    public Integer getShipperAgeDays() {
        return shipperAgeDays;
    }

    public String getShipperKycState() {
        return shipperKycState;
    }

    public boolean isShipperTrusted() {
        return shipperTrusted;
    }

    public boolean isEarlyFraudWarning() {
        return earlyFraudWarning;
    }

    public boolean isIpOnBlockList() {
        return ipOnBlockList;
    }

    public boolean isDeviceOnBlockList() {
        return deviceOnBlockList;
    }

    public boolean isPayLinkOnBlockList() {
        return payLinkOnBlockList;
    }

    public boolean isCardHasDisputes() {
        return cardHasDisputes;
    }

    public boolean isCardHasEarlyFraudWarnings() {
        return cardHasEarlyFraudWarnings;
    }

    public boolean isCardOnWatchList() {
        return cardOnWatchList;
    }

    public boolean isDeviceOnWatchList() {
        return deviceOnWatchList;
    }
}

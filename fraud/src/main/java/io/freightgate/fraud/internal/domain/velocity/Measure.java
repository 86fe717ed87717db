package io.freightgate.fraud.internal.domain.velocity;

/**
 * What a counter counts. An attempt is counted once, when it is screened before confirmation (whatever the decision:
 * a blocked attempt counts, or a blocked card tester would start again from zero); a declined attempt once, when its
 * payment attempt failed at Stripe (declined, failed authentication or a failed debit); a card once per window in
 * which it was tried.
 */
public enum Measure {
    ATTEMPTS("attempts", "Payment attempts"),
    DECLINED_ATTEMPTS("declined_attempts", "Declined or failed payment attempts"),
    DISTINCT_CARDS("distinct_cards", "Different cards tried");

    private final String word;
    private final String described;

    Measure(String word, String described) {
        this.word = word;
        this.described = described;
    }

    public String word() {
        return word;
    }

    public String described() {
        return described;
    }

    /** Distinct cards are counted per anything but a card (per card it is always one). */
    public boolean appliesTo(Dimension dimension) {
        return this != DISTINCT_CARDS || dimension != Dimension.CARD;
    }
}

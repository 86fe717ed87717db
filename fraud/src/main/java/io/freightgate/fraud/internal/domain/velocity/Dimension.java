package io.freightgate.fraud.internal.domain.velocity;

/** What a counter counts per: one shipper, one card (Stripe's fingerprint), one IP address, one device, one pay link. */
public enum Dimension {
    SHIPPER("shipper", "shipper"),
    CARD("card", "card (by its fingerprint)"),
    IP("ip", "IP address"),
    DEVICE("device", "device"),
    PAY_LINK("pay_link", "pay link");

    private final String word;
    private final String described;

    Dimension(String word, String described) {
        this.word = word;
        this.described = described;
    }

    /** How an attribute's name says it: {@code pay_link}. */
    public String word() {
        return word;
    }

    /** How a description says it: "pay link". */
    public String described() {
        return described;
    }
}

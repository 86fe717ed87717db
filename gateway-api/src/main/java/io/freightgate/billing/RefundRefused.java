package io.freightgate.billing;

/**
 * Stripe refused a refund: {@code code} is Stripe's error code, e.g. {@code charge_disputed} when the charge was
 * disputed meanwhile (the dispute decides the money then). A state conflict for the API, like any
 * {@link IllegalStateException}.
 */
public class RefundRefused extends IllegalStateException {

    private final String code;

    public RefundRefused(String code, String message) {
        super("Stripe refused the refund: " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The charge is disputed: refunds are refused until the dispute is decided. */
    public boolean chargeDisputed() {
        return "charge_disputed".equals(code);
    }
}

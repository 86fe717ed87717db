package io.freightgate.billing;

/**
 * Stripe could not be reached or did not answer; the operation may or may not have taken effect there. Repeating the
 * request is safe (the call carries an idempotency key derived from what it does).
 */
public class PaymentProviderUnavailable extends RuntimeException {

    public PaymentProviderUnavailable(String message) {
        super(message, null, false, false);
    }
}

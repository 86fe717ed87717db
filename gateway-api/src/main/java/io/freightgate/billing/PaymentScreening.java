package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The screening port, asked before a PaymentIntent is confirmed; the fraud module's rules answer it (through flows).
 * Billing's own default, for slices without the fraud module, allows everything. {@link Decision#BLOCK} stops the
 * payment before Stripe is called (no fee is incurred); {@link Decision#REQUEST_3DS} confirms a card's PaymentIntent
 * with {@code request_three_d_secure=any}; {@link Decision#REVIEW} lets it proceed and is recorded on the attempt (the
 * release policy holds the carrier's transfer).
 */
public interface PaymentScreening {

    ScreeningVerdict screen(ScreeningRequest request);

    /**
     * What is known about the payment before it is sent.
     *
     * @param method {@code CARD} or {@code SEPA_DEBIT}
     * @param ipAddress the payer's IP address, when the payment came from a web request (the API or the payment page)
     * @param userAgent the payer's browser or client, as its {@code User-Agent} header named it
     * @param cardFingerprint Stripe's fingerprint of the card; empty for SEPA debits or when Stripe did not answer
     * @param payLink the payment-page link the payer used (the SHA-256 of its token, as stored), when paid by link
     * @param deviceFingerprint what the payment page's device fingerprint collector sent, unread (bounded)
     */
    record ScreeningRequest(
            UUID paymentRequestId,
            UUID attemptId,
            TenantId carrier,
            TenantId shipper,
            Money amount,
            String method,
            String actor,
            Optional<String> ipAddress,
            Optional<String> userAgent,
            Optional<String> cardFingerprint,
            Optional<String> payLink,
            Optional<String> deviceFingerprint) {}

    enum Decision {
        ALLOW,
        /** Allowed, confirmed with 3-D Secure requested (cards; a SEPA debit is simply allowed). */
        REQUEST_3DS,
        REVIEW,
        BLOCK
    }

    /**
     * The answer. {@code reasons} are for the record (never shown to the payer); {@code decisionId} names the
     * screening's stored decision, when the screening keeps one.
     */
    record ScreeningVerdict(Decision decision, List<String> reasons, Optional<UUID> decisionId) {
        public ScreeningVerdict {
            reasons = List.copyOf(reasons);
        }

        public ScreeningVerdict(Decision decision, List<String> reasons) {
            this(decision, reasons, Optional.empty());
        }

        public static ScreeningVerdict allow() {
            return new ScreeningVerdict(Decision.ALLOW, List.of());
        }
    }
}

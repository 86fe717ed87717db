package io.freightgate.fraud;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What is known about a payment before it is confirmed, as the payments side sees it. The fraud module adds what it
 * knows itself (its lists, the shipper's history with it, the card's history) before the rules decide.
 *
 * @param method {@code card} or {@code sepa_debit}
 * @param cardFingerprint Stripe's fingerprint of the card, when paying by card
 * @param shipperKycState where the shipper's KYB case stands ({@code verified}, {@code in_review}, ...), if it has one
 * @param shipperAgeDays whole days since the shipper's organization was created
 * @param shipperSignedUpAt when the shipper's organization was created (engagement: minutes since signing up)
 */
public record PaymentSignals(
        UUID paymentRequestId,
        Optional<UUID> attemptId,
        TenantId carrier,
        TenantId shipper,
        Money amount,
        String method,
        Optional<String> cardFingerprint,
        Optional<String> ipAddress,
        Optional<String> device,
        Optional<String> payLink,
        Optional<String> shipperKycState,
        Optional<Long> shipperAgeDays,
        Optional<Instant> shipperSignedUpAt) {

    public PaymentSignals {
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(amount, "amount");
        if (!method.equals("card") && !method.equals("sepa_debit")) {
            throw new IllegalArgumentException("A payment is made by card or sepa_debit, not " + method);
        }
    }

    /** Signals without the moment the shipper signed up. */
    public PaymentSignals(
            UUID paymentRequestId,
            Optional<UUID> attemptId,
            TenantId carrier,
            TenantId shipper,
            Money amount,
            String method,
            Optional<String> cardFingerprint,
            Optional<String> ipAddress,
            Optional<String> device,
            Optional<String> payLink,
            Optional<String> shipperKycState,
            Optional<Long> shipperAgeDays) {
        this(
                paymentRequestId,
                attemptId,
                carrier,
                shipper,
                amount,
                method,
                cardFingerprint,
                ipAddress,
                device,
                payLink,
                shipperKycState,
                shipperAgeDays,
                Optional.empty());
    }
}

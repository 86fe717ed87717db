package io.freightgate.emulator.stripe;

import org.jspecify.annotations.Nullable;

/**
 * A dispute opened by the control API on any succeeded charge ({@link EmulatorControl#createDispute}).
 *
 * @param reason one of Stripe's 15 reasons ({@code fraudulent}, {@code product_not_received}, ...)
 * @param brand the card network shown in {@code payment_method_details.card.brand} and driving
 *     {@code network_reason_code} and {@code due_by} ({@code visa}, {@code mastercard}, {@code amex}, {@code discover},
 *     ...); {@code null} keeps the charge's brand
 * @param inquiry {@code true} for an inquiry ({@code warning_needs_response}, no funds withdrawn)
 * @param amount the disputed amount, {@code null} for the whole charge
 */
public record DisputeRequest(
        @Nullable String reason,
        @Nullable String brand,
        boolean inquiry,
        @Nullable Long amount) {

    public static DisputeRequest chargeback(String reason, String brand) {
        return new DisputeRequest(reason, brand, false, null);
    }

    public static DisputeRequest inquiry(String reason, String brand) {
        return new DisputeRequest(reason, brand, true, null);
    }
}

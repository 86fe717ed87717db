package io.freightgate.emulator.vies;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An injected SOAP fault: requests matching {@code countryCode} and {@code vatNumber} (null matches any) are answered
 * with a fault whose {@code faultstring} is {@code faultString}, {@code times} times ({@code -1}: until cleared).
 *
 * @param faultString the VIES code, e.g. {@code MS_MAX_CONCURRENT_REQ}
 * @param countryCode the member state to affect, or null for all
 * @param vatNumber the number (without prefix) to affect, or null for all
 * @param times how many requests to fail; {@code -1} for every request until {@link ViesEmulator#clearFaults()}
 */
public record FaultRule(
        String faultString,
        @Nullable String countryCode,
        @Nullable String vatNumber,
        int times) {

    public FaultRule {
        Objects.requireNonNull(faultString, "faultString");
        if (times == 0 || times < -1) {
            throw new IllegalArgumentException("times must be positive or -1: " + times);
        }
    }

    /** Every request fails with {@code faultString} until cleared. */
    public static FaultRule always(String faultString) {
        return new FaultRule(faultString, null, null, -1);
    }

    /** Requests for one member state fail with {@code faultString} until cleared (e.g. {@code MS_UNAVAILABLE}). */
    public static FaultRule forCountry(String countryCode, String faultString) {
        return new FaultRule(faultString, countryCode, null, -1);
    }

    boolean matches(@Nullable String requestCountry, @Nullable String requestNumber) {
        return (countryCode == null || countryCode.equalsIgnoreCase(requestCountry))
                && (vatNumber == null || vatNumber.equalsIgnoreCase(requestNumber));
    }
}

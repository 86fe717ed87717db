package io.freightgate.kyc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The outcome of a live VAT check through VIES. Every answer from VIES (and every VALID answer served from the cache) is
 * stored as a consultation, the evidence kept for the tax authority; {@link Unknown} is never "invalid".
 */
public sealed interface ViesCheck permits ViesCheck.Valid, ViesCheck.Invalid, ViesCheck.Unknown, ViesCheck.NotChecked {

    /**
     * VIES says the number is valid.
     *
     * @param cached answered from the cache of an earlier VALID consultation (its consultation number and date)
     */
    record Valid(
            String memberState,
            String vatNumber,
            Optional<String> name,
            Optional<String> address,
            Optional<LocalDate> requestDate,
            Optional<String> consultationNumber,
            Instant checkedAt,
            boolean cached,
            UUID consultation)
            implements ViesCheck {}

    /** VIES says {@code valid=false}: not registered, not activated for intra-EU trade, or deregistered. */
    record Invalid(
            String memberState,
            String vatNumber,
            Optional<LocalDate> requestDate,
            Optional<String> consultationNumber,
            Instant checkedAt,
            UUID consultation)
            implements ViesCheck {}

    /**
     * No answer about the number.
     *
     * @param reason the VIES fault or the local reason ({@code CIRCUIT_OPEN}, {@code THROTTLED}, {@code CLIENT_TIMEOUT})
     * @param retried whether it will be retried automatically (false when an operator was alerted)
     */
    record Unknown(String memberState, String vatNumber, String reason, boolean retried, boolean operatorAlerted)
            implements ViesCheck {}

    /** VIES was not asked: the number fails the offline check, or VIES refused the input ({@code INVALID_INPUT}). */
    record NotChecked(String vatNumber, String reason) implements ViesCheck {}
}

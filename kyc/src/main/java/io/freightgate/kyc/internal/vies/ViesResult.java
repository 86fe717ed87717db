package io.freightgate.kyc.internal.vies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one VIES {@code checkVatApprox} call. VALID and INVALID are VIES answers and carry the proof (request
 * date, consultation number, raw response); {@link Unknown} means no answer about the number (a fault, a timeout) and
 * must never be read as invalid; {@link BadRequest} means VIES refused the input itself ({@code INVALID_INPUT}).
 */
public sealed interface ViesResult
        permits ViesResult.Valid, ViesResult.Invalid, ViesResult.Unknown, ViesResult.BadRequest {

    /** When this client received the outcome (from the injected clock). */
    Instant checkedAt();

    /**
     * VIES says the number is valid.
     *
     * @param countryCode as VIES echoed it ({@code EL} for Greece)
     * @param vatNumber as VIES echoed it, without prefix
     * @param requestDate the date VIES states for the check (its time zone, usually Brussels)
     * @param name the registered name; null when VIES gave none or {@code ---} (not disclosed)
     * @param address the registered address, may contain line breaks; null when none or {@code ---}
     * @param consultationNumber the {@code requestIdentifier}; null when VIES issued none (no requester configured)
     * @param rawResponse the SOAP response as received, for the evidence file; null if it could not be captured
     */
    record Valid(
            String countryCode,
            String vatNumber,
            @Nullable LocalDate requestDate,
            @Nullable String name,
            @Nullable String address,
            @Nullable String consultationNumber,
            @Nullable String rawResponse,
            Instant checkedAt)
            implements ViesResult {
        public Valid {
            Objects.requireNonNull(countryCode, "countryCode");
            Objects.requireNonNull(vatNumber, "vatNumber");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    /** VIES says {@code valid=false}: not registered, not activated for intra-EU trade, or deregistered. */
    record Invalid(
            String countryCode,
            String vatNumber,
            @Nullable LocalDate requestDate,
            @Nullable String consultationNumber,
            @Nullable String rawResponse,
            Instant checkedAt)
            implements ViesResult {
        public Invalid {
            Objects.requireNonNull(countryCode, "countryCode");
            Objects.requireNonNull(vatNumber, "vatNumber");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    /**
     * No answer about the number. {@link #retryable()} results should be retried with backoff; {@link #alertOperator()}
     * ones need a person.
     *
     * @param fault the classified fault
     * @param detail the raw faultstring or exception message
     */
    record Unknown(ViesFault fault, @Nullable String detail, Instant checkedAt) implements ViesResult {
        public Unknown {
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }

        public boolean retryable() {
            return fault.handling() == ViesFault.Handling.RETRY;
        }

        public boolean alertOperator() {
            return fault.handling() == ViesFault.Handling.ALERT_OPERATOR;
        }
    }

    /** VIES rejected the request itself ({@code INVALID_INPUT}): a bad request, not an invalid number. */
    record BadRequest(ViesFault fault, @Nullable String detail, Instant checkedAt) implements ViesResult {
        public BadRequest {
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }
}

package io.freightgate.kyc.internal.vies;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Why VIES gave no VALID/INVALID answer: the SOAP faultstrings of the VIES contract, plus the client-side failures
 * (timeout, network, unexpected answer). Each says how to react; none of them ever means "VAT number invalid".
 */
public enum ViesFault {
    INVALID_INPUT(Handling.BAD_REQUEST),
    INVALID_REQUESTER_INFO(Handling.ALERT_OPERATOR),
    SERVICE_UNAVAILABLE(Handling.RETRY),
    MS_UNAVAILABLE(Handling.RETRY),
    TIMEOUT(Handling.RETRY),
    GLOBAL_MAX_CONCURRENT_REQ(Handling.RETRY),
    GLOBAL_MAX_CONCURRENT_REQ_TIME(Handling.RETRY),
    MS_MAX_CONCURRENT_REQ(Handling.RETRY),
    MS_MAX_CONCURRENT_REQ_TIME(Handling.RETRY),
    VAT_BLOCKED(Handling.ALERT_OPERATOR),
    IP_BLOCKED(Handling.ALERT_OPERATOR),
    /** Legacy code of the old WSDL documentation; treated like SERVICE_UNAVAILABLE. */
    SERVER_BUSY(Handling.RETRY),
    /** No answer within the configured connect or request timeout (client side). */
    CLIENT_TIMEOUT(Handling.RETRY),
    /** Connection refused, reset, DNS, TLS, or an HTTP error without a SOAP fault (client side). */
    NETWORK_ERROR(Handling.RETRY),
    /** A faultstring this client does not know, or an answer it cannot read; the raw text is kept. */
    UNEXPECTED(Handling.ALERT_OPERATOR),
    /** Not sent: the member state's circuit breaker is open after repeated failures (client side). */
    CIRCUIT_OPEN(Handling.RETRY),
    /** Not sent: the member state's concurrency limit was reached and no permit came in time (client side). */
    THROTTLED(Handling.RETRY);

    /** What the caller should do about a fault. */
    public enum Handling {
        /** The request was wrong (malformed number or country): fix the input, never retry as is. */
        BAD_REQUEST,
        /** Transient: keep the result UNKNOWN and retry later with backoff. */
        RETRY,
        /** UNKNOWN and no automatic retry: a person has to look (blocked number or IP, bad requester id). */
        ALERT_OPERATOR
    }

    private final Handling handling;

    ViesFault(Handling handling) {
        this.handling = handling;
    }

    public Handling handling() {
        return handling;
    }

    /** The fault for a SOAP faultstring; {@link #UNEXPECTED} for anything unknown (including client-side names). */
    public static ViesFault fromFaultString(@Nullable String faultString) {
        if (faultString == null) {
            return UNEXPECTED;
        }
        String code = faultString.strip();
        return Arrays.stream(values())
                .filter(f -> f.ordinal() <= SERVER_BUSY.ordinal() && f.name().equals(code))
                .findFirst()
                .orElse(UNEXPECTED);
    }
}

package io.freightgate.kyc.internal.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code freightgate.vies.*}: how KYC reaches VIES.
 *
 * @param endpoint the SOAP endpoint (production: {@code https://ec.europa.eu/taxation_customs/vies/services/checkVatService};
 *     local mode points it at the emulator)
 * @param requesterVat the platform's own VAT number with its prefix (e.g. {@code DE136695976}); VIES then issues
 *     consultation numbers
 * @param cacheTtl how long a VALID answer is served from Redis
 * @param maxConcurrentPerMemberState concurrent calls per member state (per instance)
 * @param permitWait how long a call waits for a permit before it is UNKNOWN (THROTTLED)
 * @param circuitFailureThreshold consecutive failures of a member state that open its circuit
 * @param circuitOpenFor how long an open circuit refuses calls before one trial
 * @param recheck the re-check job's policy
 */
@ConfigurationProperties("freightgate.vies")
public record ViesProperties(
        @DefaultValue("https://ec.europa.eu/taxation_customs/vies/services/checkVatService")
        URI endpoint,

        @DefaultValue("DE136695976") String requesterVat,
        @DefaultValue("PT3S") Duration connectTimeout,
        @DefaultValue("PT8S") Duration requestTimeout,
        @DefaultValue("P1D") Duration cacheTtl,
        @DefaultValue("2") int maxConcurrentPerMemberState,
        @DefaultValue("PT2S") Duration permitWait,
        @DefaultValue("5") int circuitFailureThreshold,
        @DefaultValue("PT1M") Duration circuitOpenFor,
        @DefaultValue Recheck recheck) {

    /**
     * {@code freightgate.vies.recheck.*}.
     *
     * @param firstRetry delay after the first UNKNOWN, doubled per further UNKNOWN
     * @param maxRetry the longest delay between UNKNOWN retries
     * @param revalidateEvery how often a VALID number is asked again
     * @param batchSize at most this many checks per job run
     */
    public record Recheck(
            @DefaultValue("PT1M") Duration firstRetry,
            @DefaultValue("PT6H") Duration maxRetry,
            @DefaultValue("P30D") Duration revalidateEvery,
            @DefaultValue("200") int batchSize) {}
}

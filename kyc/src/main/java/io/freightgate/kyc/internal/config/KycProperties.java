package io.freightgate.kyc.internal.config;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code freightgate.kyc.*}.
 *
 * @param documentMaxBytes the largest KYB document accepted (checked before any parsing; the DocumentStore's own
 *     limit also applies)
 * @param expiryWarnBefore how long before an insurance or licence expires the organization is warned
 * @param sanctionsThreshold the name-matching threshold in (0.5, 1]
 * @param sanctionsMaxFileBytes the largest sanctions list file accepted
 */
@ConfigurationProperties("freightgate.kyc")
public record KycProperties(
        @DefaultValue("10485760") long documentMaxBytes,
        @DefaultValue("P30D") Period expiryWarnBefore,
        @DefaultValue("0.90") double sanctionsThreshold,
        @DefaultValue("104857600") long sanctionsMaxFileBytes) {}

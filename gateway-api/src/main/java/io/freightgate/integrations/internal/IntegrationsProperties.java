package io.freightgate.integrations.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code freightgate.integrations.webhooks.*}: what integrator endpoints may be and how deliveries are retried.
 *
 * @param allowHttp plain http endpoints (local mode only: application.yml ties it to {@code freightgate.local.active})
 * @param allowLoopback endpoints on loopback addresses (local mode and tests only, like {@code allowHttp})
 * @param pollInterval how often due deliveries are looked for
 * @param batchSize deliveries claimed per round
 * @param maxAttempts attempts of a series before a delivery is marked failed (a redelivery starts a new series)
 * @param initialBackoff the longest delay after the first failure, doubled after each further one (with jitter)
 * @param maxBackoff the longest delay between attempts
 * @param lease how long a claimed delivery stays with the instance that claimed it (then another takes it over); it
 *     must exceed {@code batchSize * (connectTimeout + requestTimeout)} (20 * 20 s by default), or a slow batch's last
 *     deliveries could be taken over and sent twice
 * @param connectTimeout the receiver must accept the connection within this
 * @param requestTimeout the receiver must answer within this
 * @param rotationOverlap how long a rotated-out secret keeps signing beside the new one
 * @param maxEndpoints endpoints an organization may register
 */
@ConfigurationProperties("freightgate.integrations.webhooks")
public record IntegrationsProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT1M") Duration initialBackoff,
        @DefaultValue("PT6H") Duration maxBackoff,
        @DefaultValue("PT10M") Duration lease,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT15S") Duration requestTimeout,
        @DefaultValue("PT24H") Duration rotationOverlap,
        @DefaultValue("20") int maxEndpoints) {}

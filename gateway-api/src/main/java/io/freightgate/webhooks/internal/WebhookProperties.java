package io.freightgate.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code freightgate.webhooks.*}: intake limits, the processing retry policy and the recovery job.
 *
 * @param tolerance how far a signature's timestamp may lie from now, in either direction
 * @param maxBodyBytes the largest body accepted (Stripe's events are a few KB; 413 beyond)
 * @param processing how stored events are processed and retried
 * @param recovery the job that lists Stripe's events to catch missed deliveries
 */
@ConfigurationProperties("freightgate.webhooks")
public record WebhookProperties(
        @DefaultValue("PT5M") Duration tolerance,
        @DefaultValue("1048576") int maxBodyBytes,
        @DefaultValue Processing processing,
        @DefaultValue Recovery recovery) {

    /**
     * @param pollInterval how often stored events are looked for (intake also starts a run at once)
     * @param batchSize events claimed per run
     * @param maxAttempts attempts before an event is parked
     * @param initialBackoff the delay after the first failure, doubled after each further one
     * @param maxBackoff the longest delay between attempts
     * @param lease how long a claimed event stays with the instance that claimed it (then it is taken over)
     */
    public record Processing(
            @DefaultValue("PT1S") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("PT30S") Duration initialBackoff,
            @DefaultValue("PT1H") Duration maxBackoff,
            @DefaultValue("PT5M") Duration lease) {}

    /**
     * @param window how far back each run lists events (Stripe keeps them 30 days; its own retries last 3 days)
     * @param interval how often the job runs
     * @param initialDelay when it first runs after start-up
     * @param fullSweepInterval how often a run lists every event of the window instead of only the undelivered ones
     */
    public record Recovery(
            @DefaultValue("PT72H") Duration window,
            @DefaultValue("PT15M") Duration interval,
            @DefaultValue("PT1M") Duration initialDelay,
            @DefaultValue("PT24H") Duration fullSweepInterval) {}
}

package io.freightgate.integrations.internal;

import io.freightgate.integrations.internal.DeliveryStore.AttemptRecord;
import io.freightgate.integrations.internal.DeliveryStore.Claim;
import io.freightgate.integrations.internal.domain.RetrySchedule;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.platform.work.CoalescingWorker;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends due deliveries. A round claims a batch from the queue (a lease; several instances share the work through
 * {@code FOR UPDATE SKIP LOCKED}), then handles each delivery in its own organization's tenant scope: read it and the
 * endpoint's secrets in one transaction, post it with no transaction open, record the attempt and the outcome in a
 * second one. A 2xx succeeds; anything else is retried after {@link RetrySchedule#delayAfter} and marked {@code FAILED}
 * after the last attempt of the series. Rounds run every poll interval and right after an event was committed, one at a
 * time per instance, on a thread of their own (a slow receiver never holds the shared scheduler).
 */
@Component
public class DeliveryWorker {

    static final String ACTOR = "job:integrator-webhooks";

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore deliveries;
    private final EndpointStore endpoints;
    private final EnvelopeEncryption encryption;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final IntegrationsProperties properties;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final CoalescingWorker worker = new CoalescingWorker("integrator-webhooks", this::drain);

    DeliveryWorker(
            DeliveryStore deliveries,
            EndpointStore endpoints,
            EnvelopeEncryption encryption,
            WebhookSender sender,
            RetrySchedule schedule,
            IntegrationsProperties properties,
            TransactionOperations transactions,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.encryption = encryption;
        this.sender = sender;
        this.schedule = schedule;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Asks for a round soon; requests made while one is pending are merged. */
    public void nudge() {
        worker.nudge();
    }

    @Scheduled(
            fixedDelayString = "${freightgate.integrations.webhooks.poll-interval:PT2S}",
            initialDelayString = "${freightgate.integrations.webhooks.poll-interval:PT2S}")
    void poll() {
        nudge();
    }

    /** Sends due deliveries until none is left (bounded per run). */
    void drain() {
        try {
            for (int round = 0; round < 50 && !worker.stopping(); round++) {
                Instant now = clock.instant();
                List<Claim> batch = transactions.execute(
                        status -> deliveries.claimDue(now, now.plus(properties.lease()), properties.batchSize()));
                if (batch == null || batch.isEmpty()) {
                    break;
                }
                batch.forEach(this::deliver);
            }
        } catch (RuntimeException e) {
            if (!worker.stopping()) {
                log.warn("Integrator webhook round failed; the next round retries: {}", e.toString());
            }
        }
    }

    private void deliver(Claim claim) {
        try {
            Tenancy.runAs(new TenantId(claim.tenantId()), ACTOR, () -> deliverInTenant(claim));
        } catch (RuntimeException e) {
            // The lease expires and the delivery is claimed again.
            log.warn("Integrator webhook delivery {} could not be handled: {}", claim.deliveryId(), e.toString());
        }
    }

    private void deliverInTenant(Claim claim) {
        Optional<Prepared> prepared = transactions.execute(status -> prepare(claim, clock.instant()));
        if (prepared == null || prepared.isEmpty()) {
            return;
        }
        Optional<WebhookSender.Outgoing> outgoing = prepared.map(Prepared::outgoing);
        int seriesAttempt = prepared.get().seriesAttempt();
        AttemptRecord attempt = sender.send(outgoing.get());
        Instant now = clock.instant();
        Optional<Duration> delay = attempt.succeeded() ? Optional.empty() : schedule.delayAfter(seriesAttempt);
        String status = attempt.succeeded() ? "SUCCEEDED" : delay.isPresent() ? "PENDING" : "FAILED";
        Optional<Instant> retryAt = delay.map(now::plus);
        boolean settled = Boolean.TRUE.equals(transactions.execute(tx -> {
            deliveries.recordAttempt(claim.tenantId(), claim.deliveryId(), attempt);
            return deliveries.settle(claim, status, retryAt, attempt, now);
        }));
        if (!settled) {
            log.info("Integrator webhook delivery {}: claim superseded, attempt recorded only", claim.deliveryId());
        } else if (status.equals("FAILED")) {
            log.warn(
                    "Integrator webhook delivery {} ({}) failed after {} attempts: {}",
                    claim.deliveryId(),
                    outgoing.get().eventType(),
                    seriesAttempt,
                    describe(attempt));
        } else if (status.equals("PENDING")) {
            log.info(
                    "Integrator webhook delivery {} ({}) attempt {} failed ({}), next at {}",
                    claim.deliveryId(),
                    outgoing.get().eventType(),
                    seriesAttempt,
                    describe(attempt),
                    retryAt.orElseThrow());
        }
    }

    /** A delivery ready to send, and which attempt of its series this is (1-based). */
    private record Prepared(WebhookSender.Outgoing outgoing, int seriesAttempt) {}

    private Optional<Prepared> prepare(Claim claim, Instant now) {
        Optional<DeliveryStore.Pending> pending = deliveries.pending(claim.deliveryId());
        if (pending.isEmpty() || !pending.get().status().equals("PENDING")) {
            deliveries.forget(claim);
            return Optional.empty();
        }
        DeliveryStore.Pending delivery = pending.get();
        Optional<EndpointStore.Endpoint> endpoint = endpoints.find(delivery.endpointId());
        if (endpoint.isEmpty()) {
            deliveries.cancel(claim, "Endpoint deleted", now);
            return Optional.empty();
        }
        if (!endpoint.get().enabled()) {
            deliveries.cancel(claim, "Endpoint disabled", now);
            return Optional.empty();
        }
        List<String> secrets = new ArrayList<>();
        Optional<String> current =
                encryption.decryptText(endpoint.get().id(), endpoint.get().secretCiphertext());
        if (current.isEmpty()) {
            deliveries.cancel(claim, "Endpoint secret destroyed", now);
            return Optional.empty();
        }
        secrets.add(current.get());
        if (endpoint.get().previousSecretValid(now)) {
            encryption
                    .decryptText(
                            endpoint.get().id(),
                            endpoint.get().previousSecretCiphertext().orElseThrow())
                    .ifPresent(secrets::add);
        }
        return Optional.of(new Prepared(
                new WebhookSender.Outgoing(
                        delivery.id(),
                        delivery.eventId(),
                        delivery.eventType(),
                        endpoint.get().url(),
                        delivery.payload(),
                        List.copyOf(secrets)),
                delivery.seriesAttempts() + 1));
    }

    private static String describe(AttemptRecord attempt) {
        return attempt.statusCode().map(code -> "HTTP " + code).orElseGet(() -> attempt.error()
                .orElse("no response"));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.close();
    }
}

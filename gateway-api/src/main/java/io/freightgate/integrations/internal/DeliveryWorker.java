package io.freightgate.integrations.internal;

import io.freightgate.integrations.internal.DeliveryStore.AttemptRecord;
import io.freightgate.integrations.internal.DeliveryStore.Claim;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.queue.Backoff;
import io.freightgate.platform.queue.QueueWorker;
import io.freightgate.platform.queue.QueueWorker.Outcome;
import io.freightgate.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
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
 * Sends due deliveries, as a {@link QueueWorker} of the platform's one work queue. A round claims a batch from it
 * (a lease; several instances share the work through the claim), then handles each delivery in its own organization's
 * tenant scope: read it and the endpoint's secrets in one transaction, post it with no transaction open, record the
 * attempt and the outcome in a second one. A 2xx succeeds; anything else is retried after the queue's {@link Backoff}
 * (with jitter) and marked {@code FAILED} after the last attempt of the series. Rounds run every poll interval and
 * right after an event was committed, one at a time per instance, on a thread of their own (a slow receiver never holds
 * the shared scheduler).
 */
@Component
public class DeliveryWorker implements QueueWorker.Handler<Claim, DeliveryWorker.Sent> {

    static final String ACTOR = "job:integrator-webhooks";

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore deliveries;
    private final EndpointStore endpoints;
    private final EnvelopeEncryption encryption;
    private final WebhookSender sender;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final QueueWorker<Claim, Sent> worker;

    DeliveryWorker(
            DeliveryStore deliveries,
            EndpointStore endpoints,
            EnvelopeEncryption encryption,
            WebhookSender sender,
            Backoff backoff,
            IntegrationsProperties properties,
            TransactionOperations transactions,
            Clock clock,
            MeterRegistry meters) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.encryption = encryption;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
        this.worker = new QueueWorker<>(
                deliveries.queue(),
                this,
                new QueueWorker.Settings(properties.batchSize(), properties.lease(), backoff),
                transactions,
                clock,
                meters);
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

    /** A sent attempt that failed: what is recorded with its outcome. */
    record Sent(AttemptRecord attempt, String eventType) {}

    @Override
    public Outcome<Sent> handle(Claim claim) {
        return Tenancy.callAs(new TenantId(claim.tenantId()), ACTOR, () -> deliverInTenant(claim));
    }

    private Outcome<Sent> deliverInTenant(Claim claim) {
        Optional<Prepared> prepared = transactions.execute(status -> prepare(claim, clock.instant()));
        if (prepared == null || prepared.isEmpty()) {
            return new Outcome.Skipped<>();
        }
        WebhookSender.Outgoing outgoing = prepared.get().outgoing();
        int seriesAttempt = prepared.get().seriesAttempt();
        AttemptRecord attempt = sender.send(outgoing);
        if (!attempt.succeeded()) {
            return new Outcome.Failed<>(
                    seriesAttempt, describe(attempt), new Sent(attempt, outgoing.eventType()), false);
        }
        settle(claim, "SUCCEEDED", Optional.empty(), attempt);
        return new Outcome.Succeeded<>();
    }

    @Override
    public boolean failed(Claim claim, Outcome.Failed<Sent> failure, Optional<Instant> retryAt) {
        String status = retryAt.isPresent() ? "PENDING" : "FAILED";
        boolean settled = Tenancy.callAs(
                new TenantId(claim.tenantId()),
                ACTOR,
                () -> settle(claim, status, retryAt, failure.detail().attempt()));
        if (!settled) {
            return false;
        }
        if (retryAt.isEmpty()) {
            log.warn(
                    "Integrator webhook delivery {} ({}) failed after {} attempts: {}",
                    claim.deliveryId(),
                    failure.detail().eventType(),
                    failure.attempt(),
                    failure.reason());
        } else {
            log.info(
                    "Integrator webhook delivery {} ({}) attempt {} failed ({}), next at {}",
                    claim.deliveryId(),
                    failure.detail().eventType(),
                    failure.attempt(),
                    failure.reason(),
                    retryAt.get());
        }
        return true;
    }

    private boolean settle(Claim claim, String status, Optional<Instant> retryAt, AttemptRecord attempt) {
        Instant now = clock.instant();
        boolean settled = Boolean.TRUE.equals(transactions.execute(tx -> {
            deliveries.recordAttempt(claim.tenantId(), claim.deliveryId(), attempt);
            return deliveries.settle(claim, status, retryAt, attempt, now);
        }));
        if (!settled) {
            log.info("Integrator webhook delivery {}: claim superseded, attempt recorded only", claim.deliveryId());
        }
        return settled;
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

package io.freightgate.integrations;

import io.freightgate.integrations.internal.AddressGuard;
import io.freightgate.integrations.internal.DeliveryStore;
import io.freightgate.integrations.internal.DeliveryWorker;
import io.freightgate.integrations.internal.EndpointStore;
import io.freightgate.integrations.internal.IntegrationsProperties;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.tenancy.Tenancy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Integrator webhooks: the endpoints an organization (carrier or shipper) registers to hear FreightGate's events, and
 * the deliveries to them.
 *
 * <p>An endpoint lives as: registered (enabled, with a secret shown once) → possibly disabled and enabled again, its
 * event types changed, its secret rotated (the previous one keeps signing for the rotation overlap, 24 hours by
 * default) → deleted (its pending deliveries canceled, its secret's data key destroyed). A delivery lives as
 * {@code PENDING} → {@code SUCCEEDED} or, after the last attempt of its series, {@code FAILED}; disabling or deleting
 * the endpoint cancels it ({@code CANCELED}); a redelivery makes any of them {@code PENDING} again with a new series of
 * attempts.
 *
 * <p>Every method works in the calling organization's tenant (row-level security): another organization's endpoint is
 * simply not found. The transaction boundary is the method, except {@link #publish}, which joins the publishing
 * transaction so that deliveries exist exactly when the business change commits.
 */
@Service
public class IntegratorWebhooks {

    static final String SECRET_PREFIX = "fgwhsec_";
    static final String API_VERSION = "2026-12-03";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final AddressGuard guard;
    private final EnvelopeEncryption encryption;
    private final IntegrationsProperties properties;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IntegratorWebhooks(
            EndpointStore endpoints,
            DeliveryStore deliveries,
            DeliveryWorker worker,
            AddressGuard guard,
            EnvelopeEncryption encryption,
            IntegrationsProperties properties,
            TransactionOperations transactions,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.worker = worker;
        this.guard = guard;
        this.encryption = encryption;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Registers an endpoint for the organization. Fails with {@link WebhookUrlRefused} for a URL FreightGate will not
     * send to, with {@link IllegalArgumentException} for unknown or missing event types, and with
     * {@link IllegalStateException} when the organization has the maximum number of endpoints.
     */
    public EndpointWithSecret register(
            TenantId organization, String url, List<String> eventTypes, Optional<String> description) {
        guard.check(url);
        List<String> types = eventTypes(eventTypes);
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        return own(organization, () -> {
            if (endpoints.count() >= properties.maxEndpoints()) {
                throw new IllegalStateException(
                        "The organization has " + properties.maxEndpoints() + " webhook endpoints already");
            }
            Instant now = clock.instant();
            endpoints.insert(
                    id,
                    organization.value(),
                    url,
                    description.map(String::strip).filter(text -> !text.isEmpty()),
                    types,
                    encryption.encryptText(organization, id, secret),
                    Tenancy.currentActor(),
                    now);
            return new EndpointWithSecret(endpoints.find(id).orElseThrow().view(now), secret);
        });
    }

    public List<IntegratorEndpointView> list(TenantId organization) {
        return own(organization, () -> {
            Instant now = clock.instant();
            return endpoints.list().stream()
                    .filter(endpoint -> endpoint.tenantId().equals(organization.value()))
                    .map(endpoint -> endpoint.view(now))
                    .toList();
        });
    }

    public Optional<IntegratorEndpointView> find(TenantId organization, UUID id) {
        return own(organization, () -> visible(organization, id).map(endpoint -> endpoint.view(clock.instant())));
    }

    /** Replaces the subscribed event types; empty when there is no such endpoint. */
    public Optional<IntegratorEndpointView> changeEventTypes(TenantId organization, UUID id, List<String> eventTypes) {
        List<String> types = eventTypes(eventTypes);
        return own(organization, () -> visible(organization, id).map(endpoint -> {
            endpoints.updateEventTypes(id, types, clock.instant());
            return endpoints.find(id).orElseThrow().view(clock.instant());
        }));
    }

    /** Enables or disables the endpoint; disabling cancels its waiting deliveries. Empty when there is none. */
    public Optional<IntegratorEndpointView> enable(TenantId organization, UUID id, boolean enabled) {
        return own(organization, () -> visible(organization, id).map(endpoint -> {
            Instant now = clock.instant();
            endpoints.updateEnabled(id, enabled, now);
            if (!enabled) {
                deliveries.cancelPending(id, "Endpoint disabled", now);
            }
            return endpoints.find(id).orElseThrow().view(now);
        }));
    }

    /** Deletes the endpoint: waiting deliveries are canceled and its secrets destroyed. {@code false} if none. */
    public boolean delete(TenantId organization, UUID id) {
        return Boolean.TRUE.equals(own(organization, () -> {
            Optional<EndpointStore.Endpoint> endpoint =
                    endpoints.lock(id).filter(found -> found.tenantId().equals(organization.value()));
            if (endpoint.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            deliveries.cancelPending(id, "Endpoint deleted", now);
            endpoints.delete(id, now);
            encryption.destroy(id);
            return true;
        }));
    }

    /**
     * Gives the endpoint a new secret, shown once; the current one becomes the previous secret and keeps signing (a
     * second {@code v1}) for the rotation overlap, so receivers can switch without losing a delivery. A rotation during
     * an overlap ends the older secret at once. Empty when there is no such endpoint.
     */
    public Optional<EndpointWithSecret> rotateSecret(TenantId organization, UUID id) {
        String secret = newSecret();
        return own(organization, () -> endpoints
                .lock(id)
                .filter(found -> found.tenantId().equals(organization.value()))
                .map(endpoint -> {
                    Instant now = clock.instant();
                    endpoints.rotate(
                            id,
                            encryption.encryptText(organization, id, secret),
                            endpoint.secretCiphertext(),
                            now.plus(properties.rotationOverlap()),
                            now);
                    return new EndpointWithSecret(
                            endpoints.find(id).orElseThrow().view(now), secret);
                }));
    }

    /** The endpoint's newest deliveries (at most {@code limit}) with every attempt; empty when there is no endpoint. */
    public Optional<List<IntegratorDeliveryView>> deliveries(TenantId organization, UUID id, int limit) {
        int bounded = Math.clamp(limit, 1, 200);
        return own(organization, () -> visible(organization, id).map(endpoint -> deliveries.list(id, bounded)));
    }

    /**
     * Sends a delivery again now, with a new series of attempts, whatever its state (an endpoint that is disabled
     * cancels it again). {@code false} when the endpoint has no such delivery.
     */
    public boolean redeliver(TenantId organization, UUID id, UUID deliveryId) {
        boolean done = Boolean.TRUE.equals(own(organization, () -> visible(organization, id)
                .map(endpoint -> deliveries.redeliver(organization.value(), id, deliveryId, clock.instant()))
                .orElse(false)));
        if (done) {
            worker.nudge();
        }
        return done;
    }

    /**
     * Writes one delivery per enabled endpoint of the event's organizations that subscribed to its type, in the
     * running transaction (the one that commits the business change); the worker sends them after the commit. An event
     * whose deliveries exist already (same id) writes nothing again. Returns how many deliveries were written.
     */
    public int publish(IntegrationEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", event.id().toString());
        payload.put("type", event.type().wireName());
        payload.put("created", event.occurredAt().toString());
        payload.put("api_version", API_VERSION);
        payload.put("data", event.data());
        String body = JSON.writeValueAsString(payload);
        int written = Optional.ofNullable(transactions.execute(status -> deliveries.enqueue(
                        event.id(),
                        event.type().wireName(),
                        event.organizations().stream().map(TenantId::value).toList(),
                        body,
                        clock.instant())))
                .orElse(0);
        if (written > 0) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        worker.nudge();
                    }
                });
            } else {
                worker.nudge();
            }
        }
        return written;
    }

    private Optional<EndpointStore.Endpoint> visible(TenantId organization, UUID id) {
        return endpoints.find(id).filter(endpoint -> endpoint.tenantId().equals(organization.value()));
    }

    /** Runs {@code work} in one transaction in the organization's own tenant scope, on behalf of the current actor. */
    private <T> T own(TenantId organization, java.util.function.Supplier<T> work) {
        return Tenancy.callAs(organization, Tenancy.currentActor(), () -> transactions.execute(status -> work.get()));
    }

    private static List<String> eventTypes(List<String> requested) {
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("Subscribe to at least one event type");
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String name : requested) {
            IntegrationEventType type = IntegrationEventType.ofWireName(name)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + name + "; the catalogue: "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(IntegrationEventType.values())
                                            .map(IntegrationEventType::wireName)
                                            .toList())));
            types.add(type.wireName());
        }
        return List.copyOf(types);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

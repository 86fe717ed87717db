package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Delivers events to webhook endpoints on a background thread: signed like Stripe, retried with backoff on non-2xx
 * or connection errors, optionally duplicated, reordered, delayed or dropped first ({@link WebhookBehaviour}).
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    /** One delivery's mutable progress; guarded by the dispatcher's monitor. */
    private static final class Pending {
        final String id;
        long seq;
        long orderKey;
        final String scopeKey;
        final String endpointId;
        final String url;
        final String secret;
        final String eventId;
        final String eventType;
        final @Nullable String account;
        final String payload;
        String status = "pending";
        int dropsLeft;
        boolean duplicate;
        long dueMillis;

        @Nullable
        Long dueEmulatedSecond;

        final List<WebhookDelivery.Attempt> attempts = new ArrayList<>();
        int failures;

        Pending(
                String id,
                String scopeKey,
                String endpointId,
                String url,
                String secret,
                String eventId,
                String eventType,
                @Nullable String account,
                String payload) {
            this.id = id;
            this.scopeKey = scopeKey;
            this.endpointId = endpointId;
            this.url = url;
            this.secret = secret;
            this.eventId = eventId;
            this.eventType = eventType;
            this.account = account;
            this.payload = payload;
        }
    }

    private final Engine engine;
    private final List<Duration> backoff;
    private final Duration timeout;
    private final HttpClient http;
    private final List<Pending> deliveries = new ArrayList<>();
    private final Thread worker;
    private volatile boolean running = true;
    private WebhookBehaviour behaviour = WebhookBehaviour.normal();
    private long seq;
    private long reorderReleaseMillis;

    WebhookDispatcher(Engine engine, List<Duration> backoff, Duration timeout) {
        this.engine = engine;
        this.backoff = List.copyOf(backoff);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.worker =
                Thread.ofPlatform().daemon().name("stripe-emulator-webhooks").start(this::loop);
    }

    synchronized void behaviour(WebhookBehaviour value) {
        this.behaviour = value;
    }

    /** How many endpoints will receive the event; called under the engine lock. */
    int subscriberCount(Engine.Emitted emitted) {
        return endpointsFor(emitted).size();
    }

    private List<JsonObject> endpointsFor(Engine.Emitted emitted) {
        Scope scope = emitted.scope();
        Scope platform = engine.scope(scope.apiKey(), null);
        boolean connect = scope.account() != null;
        String type = Json.requiredStr(emitted.event(), "type");
        return EventEndpoints.endpoints(platform).stream()
                .filter(we -> Json.bool(Engine.internal(we), "connect") == connect)
                .filter(we -> EventEndpoints.subscribed(we, type))
                .toList();
    }

    /** Queues deliveries for new events; called after the engine lock is released. */
    void enqueue(List<Engine.Emitted> events) {
        List<Pending> created = new ArrayList<>();
        engine.lock.lock();
        try {
            for (Engine.Emitted emitted : events) {
                for (JsonObject we : endpointsFor(emitted)) {
                    JsonObject event = emitted.event().deepCopy();
                    String version = Json.str(we, "api_version");
                    if (version != null) {
                        event.addProperty("api_version", version);
                    }
                    Pending d = new Pending(
                            Ids.next("whdel"),
                            emitted.scope().key(),
                            Json.requiredStr(we, "id"),
                            Json.requiredStr(we, "url"),
                            Json.requiredStr(Engine.internal(we), "secret"),
                            Json.requiredStr(event, "id"),
                            Json.requiredStr(event, "type"),
                            emitted.scope().account(),
                            Json.PRETTY.toJson(event));
                    created.add(d);
                }
            }
        } finally {
            engine.lock.unlock();
        }
        synchronized (this) {
            long now = System.currentTimeMillis();
            for (Pending d : created) {
                d.seq = ++seq;
                d.orderKey = d.seq;
                d.dropsLeft = behaviour.dropFirstAttempts();
                d.duplicate = behaviour.duplicate();
                d.dueMillis = now + behaviour.delay().toMillis();
                if (behaviour.reorder()) {
                    if (reorderReleaseMillis < now) {
                        reorderReleaseMillis = now + behaviour.reorderWindow().toMillis();
                    }
                    d.dueMillis = Math.max(d.dueMillis, reorderReleaseMillis);
                    d.orderKey = -d.seq;
                }
                deliveries.add(d);
            }
            notifyAll();
        }
    }

    synchronized List<WebhookDelivery> deliveries() {
        return deliveries.stream()
                .map(d -> new WebhookDelivery(
                        d.id, d.endpointId, d.url, d.eventId, d.eventType, d.account, d.status, d.payload, d.attempts))
                .toList();
    }

    synchronized void retryNow() {
        for (Pending d : deliveries) {
            if (d.status.equals("pending") && !d.attempts.isEmpty()) {
                d.dueMillis = 0;
            }
        }
        notifyAll();
    }

    synchronized void wake() {
        notifyAll();
    }

    private void loop() {
        while (running) {
            try {
                List<Pending> due;
                synchronized (this) {
                    long now = System.currentTimeMillis();
                    long emulated = engine.now();
                    due = deliveries.stream()
                            .filter(d -> d.status.equals("pending"))
                            .filter(d -> d.dueMillis <= now
                                    || (d.dueEmulatedSecond != null && d.dueEmulatedSecond <= emulated))
                            .sorted(Comparator.comparingLong(d -> d.orderKey))
                            .toList();
                    if (due.isEmpty()) {
                        wait(20);
                        continue;
                    }
                }
                for (Pending d : due) {
                    attempt(d);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "webhook delivery failed unexpectedly", e);
            }
        }
    }

    private void attempt(Pending d) {
        long t = engine.now();
        String signature = WebhookSignature.header(d.payload, d.secret, t);
        boolean drop;
        synchronized (this) {
            drop = d.dropsLeft > 0;
            if (drop) {
                d.dropsLeft--;
                d.attempts.add(new WebhookDelivery.Attempt(t, 0, "dropped", signature));
                scheduleRetry(d);
                return;
            }
        }
        WebhookDelivery.Attempt result = send(d, t, signature);
        boolean ok = result.outcome().equals("delivered");
        WebhookDelivery.Attempt second = ok && d.duplicate ? send(d, engine.now(), signature) : null;
        synchronized (this) {
            d.attempts.add(result);
            if (second != null) {
                d.attempts.add(second);
            }
            if (ok) {
                d.status = "succeeded";
            } else {
                scheduleRetry(d);
            }
        }
        if (ok) {
            markDelivered(d);
        }
    }

    private WebhookDelivery.Attempt send(Pending d, long t, String signature) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Cache-Control", "no-cache")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new WebhookDelivery.Attempt(
                    t, status, status >= 200 && status < 300 ? "delivered" : "http_error", signature);
        } catch (IOException | IllegalArgumentException e) {
            return new WebhookDelivery.Attempt(t, 0, "connection_error", signature);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookDelivery.Attempt(t, 0, "connection_error", signature);
        }
    }

    private void scheduleRetry(Pending d) {
        if (d.failures >= backoff.size()) {
            d.status = "failed";
            d.failures++;
            return;
        }
        Duration wait = backoff.get(d.failures);
        d.failures++;
        d.dueMillis = System.currentTimeMillis() + wait.toMillis();
        d.dueEmulatedSecond = engine.now() + Math.max(1, wait.toSeconds());
        d.orderKey = d.seq;
    }

    private void markDelivered(Pending d) {
        engine.lock.lock();
        try {
            Scope scope = engine.scopeByKey(d.scopeKey);
            JsonObject event = scope == null ? null : scope.find(d.eventId);
            if (event != null) {
                event.addProperty("pending_webhooks", Math.max(0, Json.num(event, "pending_webhooks") - 1));
            }
        } finally {
            engine.lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}

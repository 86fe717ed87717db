package io.freightgate.integrations.internal;

import io.freightgate.integrations.WebhookUrlRefused;
import io.freightgate.integrations.internal.DeliveryStore.AttemptRecord;
import io.freightgate.integrations.internal.domain.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Posts one delivery: the stored payload, signed at the moment of sending with every secret that currently signs. Never
 * inside a database transaction; redirects are not followed (a 3xx is a failed attempt); the address is checked again
 * right before sending. Only the first {@value #MAX_RESPONSE_CHARS} characters of the answer are kept.
 */
@Component
class WebhookSender {

    static final int MAX_RESPONSE_CHARS = 1000;
    static final String USER_AGENT = "FreightGate-Webhooks/1.0";

    private final AddressGuard guard;
    private final IntegrationsProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(AddressGuard guard, IntegrationsProperties properties, Clock clock) {
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What to send where, with the plaintext secrets that sign it (current first). */
    record Outgoing(UUID deliveryId, UUID eventId, String eventType, String url, String payload, List<String> secrets) {

        @Override
        public String toString() {
            return "Outgoing[delivery=" + deliveryId + ", event=" + eventId + ", secrets=***]";
        }
    }

    AttemptRecord send(Outgoing outgoing) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        URI uri;
        try {
            uri = guard.check(outgoing.url());
        } catch (WebhookUrlRefused e) {
            return new AttemptRecord(
                    attemptedAt, Optional.empty(), 0, Optional.empty(), Optional.of("Not sent: " + e.getMessage()));
        }
        String signature =
                WebhookSignature.header(attemptedAt.getEpochSecond(), outgoing.payload(), outgoing.secrets());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("FreightGate-Event-Id", outgoing.eventId().toString())
                .header("FreightGate-Event-Type", outgoing.eventType())
                .header("FreightGate-Delivery-Id", outgoing.deliveryId().toString())
                .header("FreightGate-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(outgoing.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body = readStart(response.body());
            return new AttemptRecord(
                    attemptedAt,
                    Optional.of(response.statusCode()),
                    elapsedMillis(started),
                    body.isEmpty() ? Optional.empty() : Optional.of(body),
                    response.statusCode() >= 300 && response.statusCode() < 400
                            ? Optional.of("Redirects are not followed")
                            : Optional.empty());
        } catch (HttpTimeoutException e) {
            return failure(attemptedAt, started, "Timed out");
        } catch (IOException e) {
            return failure(
                    attemptedAt, started, "Connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(attemptedAt, started, "Interrupted");
        }
    }

    private static AttemptRecord failure(Instant attemptedAt, long started, String error) {
        return new AttemptRecord(
                attemptedAt, Optional.empty(), elapsedMillis(started), Optional.empty(), Optional.of(error));
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String readStart(InputStream body) throws IOException {
        try (body) {
            byte[] start = body.readNBytes(MAX_RESPONSE_CHARS * 4);
            String text = new String(start, StandardCharsets.UTF_8);
            return text.length() > MAX_RESPONSE_CHARS ? text.substring(0, MAX_RESPONSE_CHARS) : text;
        }
    }
}

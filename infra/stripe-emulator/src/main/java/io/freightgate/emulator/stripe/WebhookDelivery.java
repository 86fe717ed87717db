package io.freightgate.emulator.stripe;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event's delivery to one webhook endpoint, with every attempt made so far.
 *
 * @param id the delivery id ({@code whdel_...}, emulator-only)
 * @param endpointId the {@code we_...} endpoint
 * @param url the endpoint URL
 * @param eventId the {@code evt_...} delivered
 * @param eventType the event type
 * @param account the connected account for Connect events, else {@code null}
 * @param status {@code pending}, {@code succeeded} or {@code failed} (retries exhausted)
 * @param payload the exact JSON body sent
 * @param attempts the attempts, oldest first
 */
public record WebhookDelivery(
        String id,
        String endpointId,
        String url,
        String eventId,
        String eventType,
        @Nullable String account,
        String status,
        String payload,
        List<Attempt> attempts) {

    public WebhookDelivery {
        attempts = List.copyOf(attempts);
    }

    /**
     * One HTTP attempt.
     *
     * @param timestamp the signature timestamp (emulator clock, unix seconds)
     * @param httpStatus the receiver's status, {@code 0} when none (dropped or connection error)
     * @param outcome {@code delivered}, {@code http_error}, {@code connection_error} or {@code dropped}
     * @param signature the {@code Stripe-Signature} header sent
     */
    public record Attempt(long timestamp, int httpStatus, String outcome, String signature) {}
}

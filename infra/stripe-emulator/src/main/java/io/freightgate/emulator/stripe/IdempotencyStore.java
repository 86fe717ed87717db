package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's v1 idempotency (docs.stripe.com/api/idempotent_requests): per account and key, the first result is saved
 * once the endpoint starts executing and replayed for the same endpoint and parameters; other parameters give 400
 * {@code idempotency_error}; a concurrent request with the key gives 409 {@code idempotency_key_in_use}; keys are
 * pruned after 24 hours (emulator clock).
 */
final class IdempotencyStore {

    static final long TTL_SECONDS = Duration.ofHours(24).toSeconds();

    /** A saved response. */
    record Saved(String endpoint, String fingerprint, int status, String body, String requestId, long createdAt) {}

    /** What to do with an incoming request carrying a key. */
    sealed interface Decision permits Proceed, Replay, Reject {}

    /** Execute the request (the key is now in flight). */
    record Proceed() implements Decision {}

    /** Send the saved response again. */
    record Replay(Saved saved) implements Decision {}

    /** Refuse with this status and error. */
    record Reject(int status, JsonObject error) implements Decision {}

    private final Map<String, Saved> saved = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();

    synchronized Decision begin(String scopeKey, String key, String endpoint, String fingerprint, long now) {
        String k = scopeKey + "\u0000" + key;
        Saved s = saved.get(k);
        if (s != null && s.createdAt() < now - TTL_SECONDS) {
            saved.remove(k);
            s = null;
        }
        if (s != null) {
            if (!s.endpoint().equals(endpoint)) {
                return new Reject(
                        400,
                        idempotencyError("Keys for idempotent requests can only be used for the same endpoint they"
                                + " were first used for ('" + s.endpoint() + "' vs '" + endpoint + "'). Try using a"
                                + " key other than '" + key + "' if you meant to execute a different request."));
            }
            if (!s.fingerprint().equals(fingerprint)) {
                return new Reject(
                        400,
                        idempotencyError("Keys for idempotent requests can only be used with the same parameters they"
                                + " were first used with. Try using a key other than '" + key + "' if you meant to"
                                + " execute a different request."));
            }
            return new Replay(s);
        }
        if (!inFlight.add(k)) {
            return new Reject(
                    409,
                    Json.obj(
                            "type",
                            "invalid_request_error",
                            "code",
                            "idempotency_key_in_use",
                            "doc_url",
                            ApiError.DOCS + "idempotency-key-in-use",
                            "message",
                            "There is currently another in-progress request using this Idempotent Key (probably"
                                    + " means you have a network retry in progress). Please try again later."));
        }
        return new Proceed();
    }

    /** Ends an in-flight request, saving its result when {@code result} is not {@code null}. */
    synchronized void finish(String scopeKey, String key, @Nullable Saved result) {
        String k = scopeKey + "\u0000" + key;
        inFlight.remove(k);
        if (result != null) {
            saved.put(k, result);
        }
    }

    private static JsonObject idempotencyError(String message) {
        return Json.obj("type", "idempotency_error", "message", message);
    }
}

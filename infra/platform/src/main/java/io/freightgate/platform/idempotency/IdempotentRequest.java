package io.freightgate.platform.idempotency;

import io.freightgate.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One mutating API request with an {@code Idempotency-Key}, between {@link IdempotencyFilter} (which fingerprinted it
 * and holds its response) and {@link ClaimAfterAuthorization} (which claims the key once authorization has let the
 * handler run). Lives as a request attribute for one dispatch.
 */
final class IdempotentRequest {

    private static final String ATTRIBUTE = IdempotentRequest.class.getName();

    /** How far the request got. */
    sealed interface State {}

    /** No handler was reached (refused by authorization, no such endpoint, unreadable arguments): nothing stored. */
    record NotReached() implements State {}

    /** The key is claimed and the handler runs; its response is stored, or the claim released. */
    record Running() implements State {}

    /** The same caller already completed the same request: its stored response is the answer. */
    record Replay(IdempotencyRecords.StoredResponse response) implements State {}

    /** The key cannot be used for this request now (a different request, or the first one still running). */
    record Refused(ProblemType type, String detail) implements State {}

    private final IdempotencyRecords.Key key;
    private final Supplier<IdempotencyRecords.Claim> claim;
    private State state = new NotReached();

    private IdempotentRequest(IdempotencyRecords.Key key, Supplier<IdempotencyRecords.Claim> claim) {
        this.key = key;
        this.claim = claim;
    }

    static IdempotentRequest attach(
            HttpServletRequest request, IdempotencyRecords.Key key, Supplier<IdempotencyRecords.Claim> claim) {
        var idempotent = new IdempotentRequest(key, claim);
        request.setAttribute(ATTRIBUTE, idempotent);
        return idempotent;
    }

    static Optional<IdempotentRequest> on(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof IdempotentRequest idempotent
                ? Optional.of(idempotent)
                : Optional.empty();
    }

    void detach(HttpServletRequest request) {
        request.removeAttribute(ATTRIBUTE);
    }

    /**
     * Claims the key, called when authorization has allowed the handler to run; true if the handler runs, false if
     * the answer is already known ({@link Replay} or {@link Refused}).
     */
    boolean claimForHandler() {
        if (!(state instanceof NotReached)) {
            return state instanceof Running;
        }
        state = switch (claim.get()) {
            case IdempotencyRecords.Acquired _ -> new Running();
            case IdempotencyRecords.Completed completed -> new Replay(completed.response());
            case IdempotencyRecords.Mismatch _ ->
                new Refused(
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request; use a new key for a new request.");
            case IdempotencyRecords.InProgress _ ->
                new Refused(
                        ProblemType.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                        "A request with this Idempotency-Key is still running; retry when it has finished.");
        };
        return state instanceof Running;
    }

    IdempotencyRecords.Key key() {
        return key;
    }

    State state() {
        return state;
    }
}

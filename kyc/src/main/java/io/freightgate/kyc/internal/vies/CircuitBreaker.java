package io.freightgate.kyc.internal.vies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A small circuit breaker for one member state's VIES service. CLOSED: calls go through; {@code failureThreshold}
 * consecutive retryable failures open it. OPEN: calls are refused until {@code openFor} has passed. HALF_OPEN: one
 * trial call goes through; success closes the breaker, failure opens it again. Thread-safe.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private @Nullable Instant openedAt; // set while OPEN
    private boolean trialInFlight;

    CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go through now; in HALF_OPEN only one trial at a time. */
    synchronized boolean tryAcquire() {
        Instant opened = openedAt;
        if (state == State.OPEN && opened != null && !clock.instant().isBefore(opened.plus(openFor))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    /** The call got an answer from the member state (VALID, INVALID, or a non-retryable fault). */
    synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** The member state did not answer (a retryable fault or timeout). */
    synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
            trialInFlight = false;
        }
    }

    synchronized State state() {
        Instant opened = openedAt;
        if (state == State.OPEN && opened != null && !clock.instant().isBefore(opened.plus(openFor))) {
            return State.HALF_OPEN;
        }
        return state;
    }
}

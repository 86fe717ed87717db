package io.freightgate.kyc.internal.vies;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The guarded way to VIES: per member state, at most {@code maxConcurrent} calls at a time (VIES caps concurrent
 * requests per member state, and answers {@code MS_MAX_CONCURRENT_REQ} beyond), and a {@link CircuitBreaker} that stops
 * calling a member state that keeps failing. A call that is not made answers {@link ViesResult.Unknown} with {@link
 * ViesFault#THROTTLED} or {@link ViesFault#CIRCUIT_OPEN}, which are retried like any UNKNOWN. Both guards are per
 * application instance.
 */
public class ViesGateway {

    /** How the guards are set. */
    public record Guards(int maxConcurrent, Duration permitWait, int failureThreshold, Duration openFor) {
        public Guards {
            if (maxConcurrent < 1 || failureThreshold < 1) {
                throw new IllegalArgumentException("maxConcurrent and failureThreshold must be at least 1");
            }
        }
    }

    private final ViesSoapClient client;
    private final Clock clock;
    private final Guards guards;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public ViesGateway(ViesSoapClient client, Clock clock, Guards guards) {
        this.client = client;
        this.clock = clock;
        this.guards = guards;
    }

    public String requester() {
        return client.settings().requesterCountryCode() + client.settings().requesterVatNumber();
    }

    public ViesResult check(String memberState, String vatNumber) {
        Semaphore semaphore = permits.computeIfAbsent(memberState, k -> new Semaphore(guards.maxConcurrent(), true));
        if (!acquire(semaphore)) {
            return new ViesResult.Unknown(
                    ViesFault.THROTTLED,
                    "more than " + guards.maxConcurrent() + " concurrent requests for " + memberState,
                    clock.instant());
        }
        try {
            CircuitBreaker breaker = breakers.computeIfAbsent(
                    memberState, k -> new CircuitBreaker(guards.failureThreshold(), guards.openFor(), clock));
            if (!breaker.tryAcquire()) {
                return new ViesResult.Unknown(
                        ViesFault.CIRCUIT_OPEN, "VIES for " + memberState + " failed repeatedly", clock.instant());
            }
            ViesResult result = client.check(memberState, vatNumber);
            if (result instanceof ViesResult.Unknown unknown && unknown.retryable()) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
            return result;
        } finally {
            semaphore.release();
        }
    }

    CircuitBreaker.State breakerState(String memberState) {
        CircuitBreaker breaker = breakers.get(memberState);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.state();
    }

    private boolean acquire(Semaphore semaphore) {
        try {
            return semaphore.tryAcquire(guards.permitWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

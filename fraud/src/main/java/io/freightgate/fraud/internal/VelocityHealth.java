package io.freightgate.fraud.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code fraudVelocity} health component: {@code UP} while the velocity counters are read from Redis,
 * {@code DEGRADED} while they are recomputed from PostgreSQL (payments are still screened, more slowly). A check tries
 * Redis, so the counters are used again as soon as it answers.
 */
class VelocityHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "velocity counters recomputed from PostgreSQL");

    private final VelocityCounters counters;

    VelocityHealth(VelocityCounters counters) {
        this.counters = counters;
    }

    @Override
    public Health health() {
        if (!counters.degraded() || counters.probe()) {
            return Health.up().build();
        }
        return Health.status(DEGRADED).build();
    }
}

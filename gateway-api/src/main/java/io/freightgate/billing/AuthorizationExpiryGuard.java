package io.freightgate.billing;

import io.freightgate.billing.internal.PaymentRequestRecords;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches card authorizations held for capture on delivery: Stripe cancels an uncaptured authorization after 7 days
 * and the money is gone. When one is within {@code lead-time} of its {@code capture_before}, the guard alerts (log,
 * counter {@code freightgate.payments.authorizations.expiring}) and applies the policy: {@code capture} (take the money
 * now), {@code cancel} (release it; the request is open again) or {@code alert} (an operator decides).
 */
@Component
public class AuthorizationExpiryGuard {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("AuthorizationExpiryGuard on its own authority");

    private static final Logger log = LoggerFactory.getLogger(AuthorizationExpiryGuard.class);

    /** What the guard does with an authorization about to expire. */
    public enum Policy {
        CAPTURE,
        CANCEL,
        ALERT
    }

    private final PaymentRequestRecords requests;
    private final Payments payments;
    private final SystemAccess systemAccess;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration leadTime;
    private final Policy policy;

    AuthorizationExpiryGuard(
            PaymentRequestRecords requests,
            Payments payments,
            SystemAccess systemAccess,
            MeterRegistry meters,
            Clock clock,
            @Value("${freightgate.payments.authorization-guard.lead-time:P1D}") Duration leadTime,
            @Value("${freightgate.payments.authorization-guard.policy:capture}") String policy) {
        this.requests = requests;
        this.payments = payments;
        this.systemAccess = systemAccess;
        this.meters = meters;
        this.clock = clock;
        this.leadTime = leadTime;
        this.policy = Policy.valueOf(policy.toUpperCase(Locale.ROOT));
    }

    /** The requests the guard acted on in one round, and what it did. */
    public record Action(PaymentRequestId paymentRequestId, Policy policy, String result) {}

    @Scheduled(
            fixedDelayString = "${freightgate.payments.authorization-guard.interval:PT15M}",
            initialDelayString = "${freightgate.payments.authorization-guard.initial-delay:PT2M}")
    @SchedulerLock(name = "authorization-expiry-guard", lockAtMostFor = "PT10M")
    public void scheduled() {
        run();
    }

    public List<Action> run() {
        return systemAccess.callAs(
                "job:authorization-expiry-guard", Optional.empty(), "guard expiring authorizations", () -> {
                    List<PaymentRequest> expiring = systemAccess.transaction(
                            Reach.OWN_TENANT,
                            "list expiring authorizations",
                            () -> requests.authorizationsExpiringBefore(
                                    clock.instant().plus(leadTime), PageRequest.of(0, 100)));
                    return expiring.stream().map(this::guard).toList();
                });
    }

    private Action guard(PaymentRequest request) {
        meters.counter("freightgate.payments.authorizations.expiring").increment();
        log.warn(
                "The authorization of payment request {} expires at {}; policy {}",
                request.id(),
                request.captureBefore().orElse(null),
                policy);
        systemAccess.transaction(Reach.OWN_TENANT, "record expiry alert", () -> {
            requests.find(request.id()).ifPresent(r -> r.expiryAlerted(clock.instant()));
            return null;
        });
        try {
            return switch (policy) {
                case CAPTURE ->
                    new Action(
                            request.id(),
                            policy,
                            payments.capture(request.id(), ACROSS_TENANTS)
                                    .status()
                                    .name());
                case CANCEL ->
                    new Action(
                            request.id(),
                            policy,
                            payments.releaseAuthorization(request.id(), ACROSS_TENANTS)
                                    .status()
                                    .name());
                case ALERT -> new Action(request.id(), policy, "alerted");
            };
        } catch (RuntimeException e) {
            log.error("The expiry guard could not {} payment request {}: {}", policy, request.id(), e.getMessage());
            return new Action(request.id(), policy, "failed: " + e.getMessage());
        }
    }
}

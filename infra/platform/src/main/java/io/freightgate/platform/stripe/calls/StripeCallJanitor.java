package io.freightgate.platform.stripe.calls;

import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.SystemAccess;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one janitor of Stripe calls (one instance at a time across nodes). Each round takes the open calls that are due
 * ({@code UNKNOWN}, {@code PENDING}, or {@code INTENDED} for longer than a send takes) and, for each:
 *
 * <ol>
 *   <li>looks the object up at Stripe through the operation's {@link StripeCallLookup} (read-only), before anything
 *       else;
 *   <li>when it exists, settles the call with it (the owning module applies it to its entity);
 *   <li>when Stripe has none, sends the call again with its recorded idempotency key; inside Stripe's idempotency
 *       window (measured from the intent, so on the safe side) that can only replay or make the one object, after it
 *       only the look-up that just found nothing allows it, and an operation may refuse it altogether
 *       ({@link StripeCallLookup#resendsAfterWindow()});
 *   <li>when Stripe cannot be asked, notes why and tries again later (doubling waits, capped).
 * </ol>
 *
 * After {@code max-checks} checks a call is left for an operator (logged, counted in
 * {@code freightgate.stripe.calls.stuck}, again once per {@code max-backoff}).
 */
@Component
public class StripeCallJanitor {

    /** Stripe keeps an idempotency key for at least 24 hours; a resend is only trusted well inside that. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(23);

    private static final Logger log = LoggerFactory.getLogger(StripeCallJanitor.class);

    private static final int BATCH = 200;

    private final StripeCalls calls;
    private final Map<String, StripeCallLookup<?>> lookups = new HashMap<>();
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int maxChecks;
    private final int resendAttempts;

    StripeCallJanitor(
            StripeCalls calls,
            List<StripeCallLookup<?>> lookups,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            MeterRegistry meters,
            Clock clock,
            @Value("${freightgate.stripe.calls.max-checks:20}") int maxChecks,
            @Value("${freightgate.stripe.calls.resend-attempts:3}") int resendAttempts) {
        this.resendAttempts = Math.max(1, resendAttempts);
        this.calls = calls;
        for (StripeCallLookup<?> lookup : lookups) {
            if (this.lookups.put(lookup.operation(), lookup) != null) {
                throw new IllegalStateException("Two lookups for Stripe call operation " + lookup.operation());
            }
        }
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
        this.maxChecks = maxChecks;
    }

    /** What a round did: open calls looked at, settled, sent again, and left for an operator. */
    public record Round(int examined, int settled, int resent, int stuck) {
        Round plus(Round other) {
            return new Round(
                    examined + other.examined, settled + other.settled, resent + other.resent, stuck + other.stuck);
        }
    }

    @Scheduled(
            fixedDelayString = "${freightgate.stripe.calls.interval:PT1M}",
            initialDelayString = "${freightgate.stripe.calls.initial-delay:PT1M}")
    @SchedulerLock(name = "stripe-call-janitor", lockAtMostFor = "PT10M")
    public void scheduled() {
        run();
    }

    /** One round over every registered operation. */
    public Round run() {
        return run(Set.copyOf(lookups.keySet()));
    }

    /** One round over the given operations' due calls. */
    public Round run(Collection<String> operations) {
        return systemAccess.callAs(
                "job:stripe-call-janitor",
                Optional.empty(),
                "settle Stripe calls whose answer is unknown",
                () -> round(operations));
    }

    private Round round(Collection<String> operations) {
        List<StripeCall> due = transactions.execute(status -> calls.due(operations, BATCH));
        Round round = new Round(0, 0, 0, 0);
        for (StripeCall call : due == null ? List.<StripeCall>of() : due) {
            try {
                round = round.plus(check(call));
            } catch (RuntimeException e) {
                // one call's trouble (a race with its webhook, a database hiccup) never stops the round
                log.warn(
                        "Checking Stripe call {} ({}) failed; the next round tries again",
                        call.id(),
                        call.operation(),
                        e);
                round = round.plus(new Round(1, 0, 0, 0));
            }
        }
        meters.counter("freightgate.stripe.calls.settled").increment(round.settled());
        meters.counter("freightgate.stripe.calls.resent").increment(round.resent());
        return round;
    }

    private Round check(StripeCall due) {
        StripeCallLookup<?> lookup = lookups.get(due.operation());
        if (lookup == null) {
            return new Round(1, 0, 0, 0);
        }
        if (due.checks() >= maxChecks) {
            // logged and counted once per max-backoff, not every round: left-over calls (a payment abandoned at 3-D
            // Secure stays pending at Stripe for good) must not fill every round's batch ahead of the others
            transactions.executeWithoutResult(status -> calls.putOff(due.id()));
            meters.counter("freightgate.stripe.calls.stuck").increment();
            log.error(
                    "Stripe call {} ({} of {}) is still {} after {} checks; an operator must look at it",
                    due.id(),
                    due.operation(),
                    due.businessKey(),
                    due.outcome(),
                    due.checks());
            return new Round(1, 0, 0, 1);
        }
        return check(lookup, due);
    }

    private <T> Round check(StripeCallLookup<T> lookup, StripeCall due) {
        StripeCall call = transactions.execute(status -> calls.checking(due.id()));
        if (call == null || !call.outcome().open()) {
            return new Round(1, 0, 0, 0);
        }
        ProviderOutcome<Optional<T>> found = lookup.lookUp(call);
        if (found instanceof ProviderOutcome.Approved<Optional<T>>(Optional<T> existing)) {
            if (existing.isPresent()) {
                lookup.settle(call, new ProviderOutcome.Approved<>(existing.get()));
                return new Round(1, 1, 0, 0);
            }
            boolean inWindow = clock.instant().isBefore(call.intendedAt().plus(IDEMPOTENCY_WINDOW));
            if (!inWindow && !lookup.resendsAfterWindow()) {
                meters.counter("freightgate.stripe.calls.stuck").increment();
                log.error(
                        "Stripe call {} ({} of {}) has had no answer for more than {} and Stripe shows no such object;"
                                + " it is not sent again (an operator must decide)",
                        call.id(),
                        call.operation(),
                        call.businessKey(),
                        IDEMPOTENCY_WINDOW);
                transactions.executeWithoutResult(
                        status -> calls.noted(call.id(), "Not sent again after " + IDEMPOTENCY_WINDOW));
                return new Round(1, 0, 0, 1);
            }
            ProviderOutcome<T> outcome = resend(lookup, call);
            lookup.settle(call, outcome);
            return new Round(1, outcome instanceof ProviderOutcome.Approved<T> ? 1 : 0, 1, 0);
        }
        String reason = "Look-up failed: " + describe(found);
        transactions.executeWithoutResult(status -> calls.noted(call.id(), reason));
        log.info("Stripe call {} ({}): {}", call.id(), call.operation(), reason);
        return new Round(1, 0, 0, 0);
    }

    /**
     * Sends again, up to {@code resend-attempts} requests in a row while there is no answer (the network retries that
     * the SDK makes for other requests, here counted on the call).
     */
    private <T> ProviderOutcome<T> resend(StripeCallLookup<T> lookup, StripeCall call) {
        ProviderOutcome<T> outcome;
        int attempt = 0;
        do {
            transactions.executeWithoutResult(status -> calls.resending(call.id()));
            outcome = calls.send(() -> lookup.resend(call));
            attempt++;
        } while (attempt < resendAttempts
                && (outcome instanceof ProviderOutcome.Unknown<T> || outcome instanceof ProviderOutcome.Pending<T>));
        return outcome;
    }

    private static String describe(ProviderOutcome<?> outcome) {
        return switch (outcome) {
            case ProviderOutcome.Approved<?> a -> "approved";
            case ProviderOutcome.Declined<?> d -> d.code() + ": " + d.message();
            case ProviderOutcome.Pending<?> p -> p.reason();
            case ProviderOutcome.Unknown<?> u -> u.reason();
            case ProviderOutcome.NotAttempted<?> n -> n.reason();
        };
    }
}

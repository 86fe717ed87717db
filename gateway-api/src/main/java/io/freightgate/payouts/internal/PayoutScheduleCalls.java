package io.freightgate.payouts.internal;

import io.freightgate.payouts.internal.PayoutHoldRecords.Desired;
import io.freightgate.payouts.internal.PayoutHoldRecords.ScheduleRow;
import io.freightgate.payouts.internal.domain.PayoutAccount;
import io.freightgate.payouts.internal.domain.PayoutSchedule;
import io.freightgate.payouts.internal.stripe.StripePayoutSchedules;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCallLookup;
import io.freightgate.platform.stripe.calls.StripeCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe calls that switch a carrier's connected account to manual payouts while it has payout holds and back to
 * its saved schedule when the last one ends (ADR 0014). The desired state is decided under the carrier's
 * {@code payout_hold_schedules} row lock by {@code PayoutHolds}; each change is a new generation with its own recorded
 * call ({@code account.payout_schedule}, key {@code fg-payout-schedule-<carrier>-<generation>}). After the commit,
 * {@link #converge} sends the current generation, one send per carrier at a time (a lease on the row, so Stripe sees
 * the changes in the order they were decided), and sends again while the generation moved on meanwhile. The janitor
 * completes a call whose answer was lost: it reads the account's schedule first and sends again only when it differs;
 * a superseded generation is never sent again (the newer one carries the state).
 *
 * <p>Runs in the caller's system scope (the facade's, or the janitor's).
 */
@Component
public class PayoutScheduleCalls implements StripeCallLookup<PayoutScheduleCalls.Applied> {

    /** The operation type of a payout schedule change in {@link StripeCalls}. */
    public static final String OPERATION = "account.payout_schedule";

    /** How long one send may take before another may start (a crashed sender's lease runs out). */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(PayoutScheduleCalls.class);
    private static final int ROUNDS = 5;

    /** What Stripe has after a change: the account and its schedule. */
    public record Applied(String accountId, PayoutSchedule schedule) {}

    private record Key(UUID tenant, long generation, Desired desired) {
        static Key of(StripeCall call) {
            String[] parts = call.businessKey().split(":");
            return new Key(UUID.fromString(parts[0]), Long.parseLong(parts[1]), Desired.valueOf(parts[2]));
        }

        String businessKey() {
            return tenant + ":" + generation + ":" + desired;
        }
    }

    private final PayoutHoldRecords holds;
    private final PayoutAccountRecords accounts;
    private final StripePayoutSchedules stripe;
    private final StripeCalls calls;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PayoutScheduleCalls(
            PayoutHoldRecords holds,
            PayoutAccountRecords accounts,
            StripePayoutSchedules stripe,
            StripeCalls calls,
            TransactionOperations transactions,
            Clock clock) {
        this.holds = holds;
        this.accounts = accounts;
        this.stripe = stripe;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * In the transaction holding the carrier's row lock: {@code desired} becomes the next generation, with its recorded
     * call. Nothing changes when it is desired already.
     */
    public boolean decide(ScheduleRow row, Desired desired) {
        if (row.desired() == desired) {
            return false;
        }
        long generation = row.generation() + 1;
        Key key = new Key(row.tenantId(), generation, desired);
        UUID call = calls.intend(
                row.tenantId(),
                OPERATION,
                key.businessKey(),
                "fg-payout-schedule-" + row.tenantId() + "-" + generation);
        holds.desire(row.tenantId(), desired, generation, call, clock.instant());
        return true;
    }

    /**
     * After the commit (never in a transaction): brings the carrier's account to the desired schedule, unless another
     * send is under way (that sender checks again when it is done, and the janitor completes what is left).
     */
    public void converge(UUID tenant) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<ScheduleRow> leased = lease(tenant, Optional.empty());
            if (leased.isEmpty()) {
                return;
            }
            ScheduleRow row = leased.get();
            Key key = new Key(tenant, row.generation(), row.desired());
            UUID callId = row.callId().orElseThrow();
            ProviderOutcome<Applied> outcome = sendLeased(key, "fg-payout-schedule-" + tenant + "-" + row.generation());
            settle(key, callId, outcome);
            if (!(outcome instanceof ProviderOutcome.Approved<Applied>)) {
                return;
            }
        }
    }

    /** The current state: whether the carrier's account is where the holds want it. */
    public Optional<ScheduleRow> state(UUID tenant) {
        return transactions.execute(status -> holds.schedule(tenant));
    }

    /**
     * Takes the carrier's send lease when its account is not where the holds want it (of {@code generation}, when
     * given) and no other send is under way.
     */
    private Optional<ScheduleRow> lease(UUID tenant, Optional<Long> generation) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            ScheduleRow row = holds.lockSchedule(tenant, now);
            if (row.converged()
                    || generation.filter(g -> g != row.generation()).isPresent()
                    || row.sendingUntil().filter(now::isBefore).isPresent()) {
                return Optional.empty();
            }
            holds.lease(tenant, now.plus(LEASE), now);
            return Optional.of(row);
        });
    }

    /** Sends the change with the lease held, and gives the lease back. */
    private ProviderOutcome<Applied> sendLeased(Key key, String idempotencyKey) {
        try {
            Optional<PayoutAccount> account = transactions.execute(status -> accounts.findByTenantId(key.tenant()));
            Optional<String> accountId = account.flatMap(PayoutAccount::stripeAccountId);
            if (accountId.isEmpty()) {
                return new ProviderOutcome.NotAttempted<>("The carrier has no connected account");
            }
            Optional<PayoutSchedule> target =
                    target(key, accountId.get(), account.get().payoutInterval());
            if (target.isEmpty()) {
                return new ProviderOutcome.Unknown<>("The account's schedule could not be read before the hold");
            }
            ProviderOutcome<PayoutSchedule> sent =
                    calls.send(() -> stripe.set(accountId.get(), target.get(), idempotencyKey));
            return map(accountId.get(), sent);
        } finally {
            transactions.executeWithoutResult(status -> holds.lease(key.tenant(), null, clock.instant()));
        }
    }

    /**
     * The schedule to send: manual, having saved the account's schedule first (read from Stripe, unless saved
     * already); or the saved schedule, else the one the payout account was opened with.
     */
    private Optional<PayoutSchedule> target(Key key, String accountId, String openedInterval) {
        Optional<String> saved =
                transactions.execute(status -> holds.schedule(key.tenant())).flatMap(ScheduleRow::savedSchedule);
        if (key.desired() == Desired.RESTORED) {
            return Optional.of(saved.map(this::read).orElseGet(() -> PayoutSchedule.opened(openedInterval)));
        }
        if (saved.isEmpty()) {
            if (!(stripe.current(accountId) instanceof ProviderOutcome.Approved<PayoutSchedule>(var current))) {
                return Optional.empty();
            }
            if (!current.isManual()) {
                String text = write(current);
                transactions.executeWithoutResult(status -> holds.saveSchedule(key.tenant(), text, clock.instant()));
            }
        }
        return Optional.of(PayoutSchedule.manual());
    }

    private PayoutSchedule read(String saved) {
        JsonNode node = json.readTree(saved);
        return new PayoutSchedule(
                node.path("interval").asString(),
                node.path("delay_days").isIntegralNumber()
                        ? Optional.of(node.path("delay_days").asLong())
                        : Optional.empty(),
                node.path("weekly_anchor").isString()
                        ? Optional.of(node.path("weekly_anchor").asString())
                        : Optional.empty(),
                node.path("monthly_anchor").isIntegralNumber()
                        ? Optional.of(node.path("monthly_anchor").asLong())
                        : Optional.empty());
    }

    private String write(PayoutSchedule schedule) {
        ObjectNode node = json.createObjectNode().put("interval", schedule.interval());
        schedule.delayDays().ifPresent(days -> node.put("delay_days", days));
        schedule.weeklyAnchor().ifPresent(anchor -> node.put("weekly_anchor", anchor));
        schedule.monthlyAnchor().ifPresent(anchor -> node.put("monthly_anchor", anchor));
        return json.writeValueAsString(node);
    }

    private static ProviderOutcome<Applied> map(String accountId, ProviderOutcome<PayoutSchedule> outcome) {
        return switch (outcome) {
            case ProviderOutcome.Approved<PayoutSchedule>(PayoutSchedule schedule) ->
                new ProviderOutcome.Approved<>(new Applied(accountId, schedule));
            case ProviderOutcome.Declined<PayoutSchedule> d -> new ProviderOutcome.Declined<>(d.code(), d.message());
            case ProviderOutcome.Pending<PayoutSchedule> p -> new ProviderOutcome.Pending<>(p.reason());
            case ProviderOutcome.Unknown<PayoutSchedule> u -> new ProviderOutcome.Unknown<>(u.reason());
            case ProviderOutcome.NotAttempted<PayoutSchedule> n -> new ProviderOutcome.NotAttempted<>(n.reason());
        };
    }

    /** Records the outcome on the call and, when Stripe made the change (or there is no account), on the carrier. */
    private void settle(Key key, UUID callId, ProviderOutcome<Applied> outcome) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            calls.record(callId, outcome, Applied::accountId);
            ScheduleRow row = holds.lockSchedule(key.tenant(), now);
            boolean noAccount = outcome instanceof ProviderOutcome.NotAttempted<Applied> n
                    && n.reason().startsWith("The carrier has no connected account");
            if (outcome instanceof ProviderOutcome.Approved<Applied> || noAccount) {
                holds.applied(key.tenant(), key.generation(), now);
                if (key.desired() == Desired.RESTORED && row.generation() == key.generation()) {
                    holds.saveSchedule(key.tenant(), null, now);
                }
            } else if (key.generation() == row.generation()) {
                holds.failed(key.tenant(), describe(outcome), now);
                log.warn(
                        "Payout schedule of carrier {} not changed to {} yet: {}",
                        key.tenant(),
                        key.desired(),
                        describe(outcome));
            }
        });
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

    @Override
    public String operation() {
        return OPERATION;
    }

    /**
     * The account's schedule is what the call asked for: found (settled as approved). A superseded generation is never
     * found, so that it is not settled as if it had been made; resending it does nothing.
     */
    @Override
    public ProviderOutcome<Optional<Applied>> lookUp(StripeCall call) {
        Key key = Key.of(call);
        Optional<ScheduleRow> row = state(key.tenant());
        if (row.isEmpty() || row.get().generation() != key.generation()) {
            return new ProviderOutcome.Approved<>(Optional.empty());
        }
        Optional<PayoutAccount> account = transactions.execute(status -> accounts.findByTenantId(key.tenant()));
        Optional<String> accountId = account.flatMap(PayoutAccount::stripeAccountId);
        if (accountId.isEmpty()) {
            return new ProviderOutcome.Approved<>(Optional.empty());
        }
        return switch (stripe.current(accountId.get())) {
            case ProviderOutcome.Approved<PayoutSchedule>(PayoutSchedule schedule) -> {
                boolean there = key.desired() == Desired.MANUAL
                        ? schedule.isManual()
                        : row.get()
                                .savedSchedule()
                                .map(this::read)
                                .map(saved -> saved.interval().equals(schedule.interval()))
                                .orElse(!schedule.isManual());
                yield new ProviderOutcome.Approved<>(
                        there ? Optional.of(new Applied(accountId.get(), schedule)) : Optional.empty());
            }
            case ProviderOutcome.Declined<PayoutSchedule> d -> new ProviderOutcome.Declined<>(d.code(), d.message());
            case ProviderOutcome.Pending<PayoutSchedule> p -> new ProviderOutcome.Pending<>(p.reason());
            case ProviderOutcome.Unknown<PayoutSchedule> u -> new ProviderOutcome.Unknown<>(u.reason());
            case ProviderOutcome.NotAttempted<PayoutSchedule> n -> new ProviderOutcome.NotAttempted<>(n.reason());
        };
    }

    @Override
    public ProviderOutcome<Applied> resend(StripeCall call) {
        Key key = Key.of(call);
        Optional<ScheduleRow> leased = lease(key.tenant(), Optional.of(key.generation()));
        if (leased.isEmpty()) {
            return state(key.tenant())
                            .filter(row -> row.generation() == key.generation() && !row.converged())
                            .isPresent()
                    ? new ProviderOutcome.Pending<>("Another send of the carrier's payout schedule is under way")
                    : new ProviderOutcome.NotAttempted<>("Superseded: the carrier's holds changed since");
        }
        return sendLeased(key, call.idempotencyKey());
    }

    @Override
    public void settle(StripeCall call, ProviderOutcome<Applied> outcome) {
        Key key = Key.of(call);
        settle(key, call.id(), outcome);
        converge(key.tenant());
    }

    @Override
    public String objectId(Applied result) {
        return result.accountId();
    }
}

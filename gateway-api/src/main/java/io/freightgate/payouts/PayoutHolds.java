package io.freightgate.payouts;

import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.internal.PayoutHoldRecords;
import io.freightgate.payouts.internal.PayoutHoldRecords.Desired;
import io.freightgate.payouts.internal.PayoutHoldRecords.ScheduleRow;
import io.freightgate.payouts.internal.PayoutScheduleCalls;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Holds on carriers' payouts (ADR 0014): while a carrier has any active hold, its connected account pays out only
 * manually (Stripe's {@code settings.payouts.schedule.interval=manual}); when the last hold ends, the schedule the
 * account had before is restored. A hold is identified by (carrier, reference), so holding and releasing are
 * idempotent: holding a reference held before (active or released) changes nothing, releasing one that is not active
 * changes nothing. Any module's reason may hold payouts (a fraud review, an early fraud warning, a dispute); the
 * caller names it in the reference. Transfers not sent yet are held by the transfers module, as before.
 *
 * <p>Each change is decided under the carrier's row lock and recorded (who and when, in {@code payout_holds}); the
 * account is changed at Stripe after the commit through a recorded Stripe call, which the janitor completes when the
 * answer is lost. Runs on the audited system path as the current actor.
 */
@Service
public class PayoutHolds {

    private final PayoutHoldRecords records;
    private final PayoutScheduleCalls schedules;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final Clock clock;

    PayoutHolds(
            PayoutHoldRecords records,
            PayoutScheduleCalls schedules,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            Clock clock) {
        this.records = records;
        this.schedules = schedules;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Where a carrier's account stands: its desired payout schedule and whether Stripe has it. */
    public record HoldState(boolean manualPayouts, boolean atStripe, Optional<String> lastError) {}

    /**
     * Holds the carrier's payouts for {@code reference}; answers the hold (the first one, if the reference was held
     * before). The account's switch to manual payouts is sent before this returns, unless another send for the carrier
     * is under way or Stripe does not answer (the janitor completes it).
     */
    public PayoutHoldView hold(TenantId carrier, String reference, String reason) {
        requireText(reference, 200, "reference");
        requireText(reason, 500, "reason");
        String actor = Tenancy.currentActor();
        return systemAccess.call("hold the payouts of carrier " + carrier + " for " + reference, () -> {
            PayoutHoldView hold = transactions.execute(status -> {
                Instant now = clock.instant();
                ScheduleRow row = records.lockSchedule(carrier.value(), now);
                records.hold(carrier.value(), reference, reason, actor, now);
                schedules.decide(row, records.anyActive(carrier.value()) ? Desired.MANUAL : Desired.RESTORED);
                return records.find(carrier.value(), reference).orElseThrow();
            });
            schedules.converge(carrier.value());
            return hold;
        });
    }

    /**
     * Ends the carrier's hold for {@code reference}; answers whether one was active. When it was the last, the
     * account's previous schedule is restored (sent like {@link #hold}).
     */
    public boolean release(TenantId carrier, String reference) {
        return release(carrier, reference, false);
    }

    /**
     * The cause of the hold for {@code reference} is over (a review closed): ends the hold like {@link #release}, and
     * when it was not placed yet (its cause's start is heard after its end, as replayed events can be), records it
     * ended so that placing it later holds nothing. Answers whether an active hold ended.
     */
    public boolean causeEnded(TenantId carrier, String reference) {
        return release(carrier, reference, true);
    }

    private boolean release(TenantId carrier, String reference, boolean evenBeforeHeld) {
        String actor = Tenancy.currentActor();
        return systemAccess.call("release the payouts of carrier " + carrier + " held for " + reference, () -> {
            Boolean released = transactions.execute(status -> {
                Instant now = clock.instant();
                ScheduleRow row = records.lockSchedule(carrier.value(), now);
                boolean ended = records.release(carrier.value(), reference, actor, now);
                if (!ended && evenBeforeHeld) {
                    records.endedBeforeHeld(carrier.value(), reference, actor, now);
                }
                schedules.decide(row, records.anyActive(carrier.value()) ? Desired.MANUAL : Desired.RESTORED);
                return ended;
            });
            schedules.converge(carrier.value());
            return Boolean.TRUE.equals(released);
        });
    }

    /** The carrier's active holds, oldest first. */
    public List<PayoutHoldView> active(TenantId carrier) {
        return systemAccess.call(
                "read the payout holds of carrier " + carrier,
                () -> transactions.execute(status -> records.holds(carrier.value(), true)));
    }

    /** Every hold the carrier ever had, oldest first (the audit trail). */
    public List<PayoutHoldView> history(TenantId carrier) {
        return systemAccess.call(
                "read the payout hold history of carrier " + carrier,
                () -> transactions.execute(status -> records.holds(carrier.value(), false)));
    }

    /** Whether the carrier's account should pay out manually now and whether Stripe confirmed it. */
    public HoldState state(TenantId carrier) {
        return systemAccess.call("read the payout hold state of carrier " + carrier, () -> schedules
                .state(carrier.value())
                .map(row -> new HoldState(row.desired() == Desired.MANUAL, row.converged(), row.lastError()))
                .orElse(new HoldState(false, true, Optional.empty())));
    }

    /** Sends what the janitor would, now (an operator after fixing what stopped it; docs/runbooks). */
    public HoldState retry(TenantId carrier) {
        systemAccess.call("retry the payout schedule of carrier " + carrier, () -> {
            schedules.converge(carrier.value());
            return null;
        });
        return state(carrier);
    }

    private static void requireText(String value, int max, String name) {
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("A payout hold's " + name + " has 1 to " + max + " characters");
        }
    }
}

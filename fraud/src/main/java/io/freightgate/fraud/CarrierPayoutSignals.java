package io.freightgate.fraud;

import io.freightgate.fraud.internal.CarrierPayoutRecords;
import io.freightgate.fraud.internal.DeviceSightings;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Carrier-side fraud (docs/fraud.md, "Carrier-side fraud"): a payout bank account changed shortly before a transfer,
 * or a carrier administrator's login from a new device shortly before a bank account change, asks for the carrier's
 * payouts to be held for review. The window is {@code freightgate.fraud.carrier.payout-account-change-window}
 * (default 72 hours). The fraud module only advises; flows hold the payouts (payouts' {@code PayoutHolds}) under the
 * advised reference, one per bank account change, which a risk analyst releases.
 */
@Service
public class CarrierPayoutSignals {

    private static final Duration STRIPE_PRECISION = Duration.ofSeconds(1);
    private static final Reach CARRIERS = Reach.acrossTenants("fraud: carrier-side signals of payout account changes");

    private final CarrierPayoutRecords changes;
    private final DeviceSightings sightings;
    private final SystemAccess systemAccess;
    private final Duration window;

    CarrierPayoutSignals(
            CarrierPayoutRecords changes,
            DeviceSightings sightings,
            SystemAccess systemAccess,
            @Value("${freightgate.fraud.carrier.payout-account-change-window:PT72H}") Duration window) {
        this.changes = changes;
        this.sightings = sightings;
        this.systemAccess = systemAccess;
        this.window = window;
    }

    /** Hold the carrier's payouts under {@code reference}, for {@code reason}. */
    public record HoldAdvice(String reference, String reason) {}

    /**
     * The carrier's payout bank account changed to {@code bankAccount} (Stripe's id of the external account) at
     * {@code changedAt}. Recorded once per bank account; advises a hold when an administrator of the carrier logged in
     * from a new device within the window before.
     */
    public Optional<HoldAdvice> payoutAccountChanged(TenantId carrier, String bankAccount, Instant changedAt) {
        return systemAccess.transaction(
                CARRIERS, "payout bank account " + bankAccount + " of carrier " + carrier + " changed", () -> {
                    changes.record(carrier.value(), bankAccount, changedAt);
                    return sightings
                            // Stripe's event times are whole seconds: a login in the same second counts as before
                            .newAdminDevice(carrier.value(), changedAt.minus(window), changedAt.plus(STRIPE_PRECISION))
                            .map(login -> new HoldAdvice(
                                    reference(bankAccount),
                                    "The payout bank account changed (" + bankAccount + ") at " + changedAt
                                            + ", after an administrator's login from a new device ("
                                            + login.deviceId() + ", user " + login.user() + ") at "
                                            + login.firstSeenAt()));
                });
    }

    /**
     * A transfer to the carrier was made at {@code at}: advises a hold when its payout bank account changed within
     * the window before.
     */
    public Optional<HoldAdvice> transferMade(TenantId carrier, String transfer, Instant at) {
        return systemAccess.transaction(
                CARRIERS,
                "transfer " + transfer + " to carrier " + carrier + " after a payout account change",
                () -> changes.newest(carrier.value(), at.minus(window), at)
                        .map(change -> new HoldAdvice(
                                reference(change.bankAccount()),
                                "Transfer " + transfer + " at " + at + " came " + hours(change.changedAt(), at)
                                        + " h after the payout bank account changed (" + change.bankAccount() + ")")));
    }

    static String reference(String bankAccount) {
        return "payout-account-change:" + bankAccount;
    }

    private static long hours(Instant from, Instant to) {
        return Duration.between(from, to).toHours();
    }
}

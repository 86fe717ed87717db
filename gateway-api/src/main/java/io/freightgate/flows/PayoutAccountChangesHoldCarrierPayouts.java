package io.freightgate.flows;

import io.freightgate.fraud.CarrierPayoutSignals;
import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutBankAccountChanged;
import io.freightgate.payouts.PayoutHolds;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.TransferReleased;
import java.time.Clock;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Carrier-side fraud (docs/fraud.md): a carrier's payout bank account change is reported to the fraud module, which
 * advises a payout hold when an administrator of the carrier logged in from a new device shortly before; a transfer
 * to a carrier whose bank account changed shortly before is reported too, and held the same way. The hold (reference
 * {@code payout-account-change:<ba_...>}, one per bank account change) switches the connected account to manual
 * payouts (ADR 0014) until a risk analyst releases it. Holding is idempotent, so a repeated event holds once.
 */
@Component
class PayoutAccountChangesHoldCarrierPayouts {

    static final String ACTOR = "flow:payout-account-change-holds-payouts";

    private final CarrierPayoutSignals signals;
    private final PayoutHolds holds;
    private final SystemAccess systemAccess;
    private final Clock clock;

    PayoutAccountChangesHoldCarrierPayouts(
            CarrierPayoutSignals signals, PayoutHolds holds, SystemAccess systemAccess, Clock clock) {
        this.signals = signals;
        this.holds = holds;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    // Not in a transaction of its own: the facades bind the audited system scope and call Stripe after their commit.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PayoutBankAccountChanged event) {
        signals.payoutAccountChanged(event.carrier(), event.bankAccountId(), event.changedAt())
                .ifPresent(advice -> hold(event.carrier(), advice));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TransferReleased event) {
        signals.transferMade(event.carrier(), event.stripeTransferId(), clock.instant())
                .ifPresent(advice -> hold(event.carrier(), advice));
    }

    private void hold(TenantId carrier, CarrierPayoutSignals.HoldAdvice advice) {
        systemAccess.callAs(
                ACTOR,
                Optional.empty(),
                "hold the payouts of carrier " + carrier + ": " + advice.reference(),
                () -> holds.hold(carrier, advice.reference(), advice.reason()));
    }
}

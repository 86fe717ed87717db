package io.freightgate.flows;

import io.freightgate.kyc.VerificationRevoked;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.TransferHoldReason;
import io.freightgate.transfers.Transfers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * An organization whose verification is revoked gets no money until it is verified again: every transfer of the carrier
 * that has not been sent is held ({@code KYC_REVOKED}; finance releases it once the case is verified again). The
 * release policy refuses transfers to unverified carriers anyway; the hold makes the revocation visible on each
 * transfer and keeps it waiting after re-verification until someone has looked. Idempotent: a replayed event holds
 * nothing more.
 */
@Component
class RevokedVerificationHoldsCarrierTransfers {

    private static final Logger log = LoggerFactory.getLogger(RevokedVerificationHoldsCarrierTransfers.class);

    private final Transfers transfers;
    private final SystemAccess systemAccess;

    RevokedVerificationHoldsCarrierTransfers(Transfers transfers, SystemAccess systemAccess) {
        this.transfers = transfers;
        this.systemAccess = systemAccess;
    }

    // Not in the listener's own transaction: the audited system scope reaches PostgreSQL only when it is bound before a
    // transaction begins, so the payments facade opens its transaction itself.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(VerificationRevoked event) {
        int held = systemAccess.callAs(
                "flow:kyc-revocation-holds-transfers",
                Optional.empty(),
                "hold the pending transfers of " + event.organization() + " after its verification was revoked",
                () -> transfers.holdPendingOf(
                        event.organization(),
                        TransferHoldReason.KYC_REVOKED,
                        "Verification revoked (" + event.reason() + "): " + event.detail()));
        log.info("Verification of {} revoked: {} pending transfer(s) held", event.organization(), held);
    }
}

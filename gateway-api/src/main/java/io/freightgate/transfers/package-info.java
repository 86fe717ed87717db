/**
 * Transfers: the carrier's share of each paid request (gross less the platform's fee), released to the carrier's
 * connected account by the release policy, held, released, reversed and restored
 * ({@link io.freightgate.transfers.Transfers}), the retries of transfers and refund reversals whose outcome is unknown
 * ({@link io.freightgate.transfers.TransferRetries}). Publishes {@link io.freightgate.transfers.TransferReleased},
 * {@link io.freightgate.transfers.TransferHeld}, {@link io.freightgate.transfers.TransferReversed} and
 * {@link io.freightgate.transfers.TransferFailed}. Never calls Stripe inside a database transaction.
 */
@ApplicationModule(
        displayName = "Transfers",
        allowedDependencies = {"billing", "payouts", "ledger", "kernel", "platform"})
@NullMarked
package io.freightgate.transfers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The ledger: the double-entry journals posted in the transaction of every money movement (the postings facade called
 * by billing, transfers and payouts, and {@link io.freightgate.ledger.ChargebackJournals} called by flows); carriers'
 * monthly fee statements read from the ledger ({@link io.freightgate.ledger.FeeStatements}; the reverse charge asks the
 * port {@link io.freightgate.ledger.CarrierVatStatus}); finance's reads of the entries and balances
 * ({@link io.freightgate.ledger.LedgerReports}); the daily reconciliation of the ledger with Stripe's balance
 * transactions ({@link io.freightgate.ledger.Reconciliations}: a Spring Batch job per day, once across instances, and
 * on demand), which reads Stripe and never changes it.
 */
@ApplicationModule(
        displayName = "Ledger",
        allowedDependencies = {"kernel", "platform"})
@NullMarked
package io.freightgate.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

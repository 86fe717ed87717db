/** The nightly comparison of the ledger with Stripe's balances, and its records. */
@NullMarked
package io.freightgate.ledger.internal.reconciliation;

import org.jspecify.annotations.NullMarked;

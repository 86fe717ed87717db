/** Reads Stripe's balance transactions for the ledger. */
@NullMarked
package io.freightgate.ledger.internal.stripe;

import org.jspecify.annotations.NullMarked;

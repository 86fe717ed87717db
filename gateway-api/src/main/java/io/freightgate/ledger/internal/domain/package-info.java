/** Stripe balance transactions as the ledger reads them. */
@NullMarked
package io.freightgate.ledger.internal.domain;

import org.jspecify.annotations.NullMarked;

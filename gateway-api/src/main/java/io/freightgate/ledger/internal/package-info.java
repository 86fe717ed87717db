/** The double-entry ledger's journals and their posting. */
@NullMarked
package io.freightgate.ledger.internal;

import org.jspecify.annotations.NullMarked;

/** NullAway checks this package (ADR 0010). */
@NullMarked
package io.freightgate.payouts.internal;

import org.jspecify.annotations.NullMarked;

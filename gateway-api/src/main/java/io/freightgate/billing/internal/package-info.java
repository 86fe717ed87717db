/** NullAway checks this package (ADR 0010). */
@NullMarked
package io.freightgate.billing.internal;

import org.jspecify.annotations.NullMarked;

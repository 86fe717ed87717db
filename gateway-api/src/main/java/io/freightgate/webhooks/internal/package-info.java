/** Internals of webhooks: NullAway checks this package (ADR 0010). */
@NullMarked
package io.freightgate.webhooks.internal;

import org.jspecify.annotations.NullMarked;

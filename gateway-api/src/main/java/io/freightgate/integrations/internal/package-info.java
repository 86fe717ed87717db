/** Internals of integrations: NullAway checks this package (ADR 0010). */
@NullMarked
package io.freightgate.integrations.internal;

import org.jspecify.annotations.NullMarked;

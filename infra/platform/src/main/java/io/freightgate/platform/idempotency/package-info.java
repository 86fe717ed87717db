/** Idempotency-Key handling: a repeated request answers what the first one answered. */
@NullMarked
package io.freightgate.platform.idempotency;

import org.jspecify.annotations.NullMarked;

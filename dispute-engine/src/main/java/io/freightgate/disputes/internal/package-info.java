/**
 * The dispute engine's inside: the case repository, the application of Stripe's dispute object to a case, and the
 * inbox handler that reads {@code charge.dispute.*} events. Nothing here is used outside the module.
 */
@NullMarked
package io.freightgate.disputes.internal;

import org.jspecify.annotations.NullMarked;
